package safety

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
)

// In a 1024×700 window, beside the rail of the five screens, the 操作日志 table shows all six
// columns, 原因 last, without a sideways scroll: headers, times, users and actions drawn whole;
// a long 对象, 内容 or 原因 may be cut, and a picked row writes them out whole under the table.
// A wider window gives its room to 内容.
func TestAuditTabShowsEveryColumnAt1024(t *testing.T) {
	wb, w := apptest.EmptyWorkbench(t)
	w.Resize(fyne.NewSize(1024, 700))
	logSome(t, wb.Store)
	var l *auditTab
	onSafetyScreen(wb, w, "操作日志", func() fyne.CanvasObject {
		l = newAuditTab(wb)
		return l.content
	})
	whole := map[string]bool{}
	for _, h := range auditGridColumns {
		whole[h.title] = true
	}
	for r := range l.entries {
		for c := 0; c < 3; c++ {
			whole[l.cell(r, c)] = true
		}
	}
	seen := cellsDrawn(t, l.table, func(text string) bool { return !whole[text] })
	for _, want := range []string{"原因", l.cell(0, 5)} {
		if !seen[want] {
			t.Errorf("%q is not drawn at 1024×700", want)
		}
	}
	for r, e := range l.entries {
		l.table.Select(widget.TableCellID{Row: r, Col: 4})
		if !strings.Contains(l.full.Text, e.Subject) || !strings.Contains(l.full.Text, e.Detail) || !strings.Contains(l.full.Text, e.Reason) {
			t.Errorf("row %d picked: under the table %q", r, l.full.Text)
		}
	}
	// At 1366×768 the room to spare goes to 内容: the 转接's branches are read in the table.
	w.Resize(fyne.NewSize(1366, 768))
	detail := "材料所第一党支部 → 机关第二党支部"
	found := false
	for _, lb := range apptest.FindAll[*widget.Label](l.table) {
		if lb.Text == detail && lb.Visible() {
			found = true
			if drawn := apptest.Drawn(lb); drawn != detail {
				t.Errorf("at 1366×768 the 内容 is drawn as %q, it says %q", drawn, detail)
			}
		}
	}
	if !found {
		t.Errorf("%q is not in the table at 1366×768", detail)
	}
}
