package safety

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
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
	screens := []ui.Screen{}
	for _, title := range []string{"组织机构", "党员花名册", "AB岗", "模范机关", "备份与日志"} {
		screens = append(screens, ui.Screen{Title: title, Build: func() fyne.CanvasObject { return widget.NewLabel(title) }})
	}
	screens[4].Build = func() fyne.CanvasObject {
		l = newAuditTab(wb)
		return container.NewAppTabs(container.NewTabItem("操作日志", l.content))
	}
	wb.Shell = ui.NewShell(w, screens)
	wb.Shell.Show(4)

	d := fyne.CurrentApp().Driver()
	right := d.AbsolutePositionForObject(l.table).X + l.table.Size().Width
	whole := map[string]bool{}
	for _, h := range auditGridColumns {
		whole[h.title] = true
	}
	for r := range l.entries {
		for c := 0; c < 3; c++ {
			whole[l.cell(r, c)] = true
		}
	}
	seen := map[string]bool{}
	for _, lb := range apptest.FindAll[*widget.Label](l.table) {
		if lb.Text == "" || !lb.Visible() {
			continue
		}
		seen[lb.Text] = true
		if end := d.AbsolutePositionForObject(lb).X + lb.Size().Width; end > right+0.5 {
			t.Errorf("%q ends at x=%.0f, past the table's right edge at %.0f", lb.Text, end, right)
		}
		if drawn := apptest.Drawn(lb); whole[lb.Text] && drawn != lb.Text {
			t.Errorf("cell drawn as %q, it says %q", drawn, lb.Text)
		}
	}
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
