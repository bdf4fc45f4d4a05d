package safety

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
)

// In a 1024×700 window, beside the rail of the five screens, the 导入历史 table shows every
// column, 状态 last — whether an import was already undone is what a person checks before
// pressing 撤销这次导入 — without a sideways scroll, each header and cell drawn whole but a long
// 来源文件 or 结果, which the row shows whole under the table when it is picked.
func TestBatchTabShowsTheStateAt1024(t *testing.T) {
	wb, w := apptest.EmptyWorkbench(t)
	w.Resize(fyne.NewSize(1024, 700))
	undone, _ := importOne(t, wb.Store, "赵敏")
	importOne(t, wb.Store, "钱进")
	if err := wb.Store.UndoBatch(context.Background(), undone, "", nil); err != nil {
		t.Fatal(err)
	}
	var h *batchTab
	screens := []ui.Screen{}
	for _, title := range []string{"组织机构", "党员花名册", "AB岗", "模范机关", "备份与日志"} {
		screens = append(screens, ui.Screen{Title: title, Build: func() fyne.CanvasObject { return widget.NewLabel(title) }})
	}
	screens[4].Build = func() fyne.CanvasObject {
		h = newBatchTab(wb)
		return container.NewAppTabs(container.NewTabItem("导入历史", h.content))
	}
	wb.Shell = ui.NewShell(w, screens)
	wb.Shell.Show(4)

	d := fyne.CurrentApp().Driver()
	right := d.AbsolutePositionForObject(h.table).X + h.table.Size().Width
	seen := map[string]bool{}
	for _, l := range apptest.FindAll[*widget.Label](h.table) {
		if l.Text == "" || !l.Visible() {
			continue
		}
		seen[l.Text] = true
		if end := d.AbsolutePositionForObject(l).X + l.Size().Width; end > right+0.5 {
			t.Errorf("%q ends at x=%.0f, past the table's right edge at %.0f", l.Text, end, right)
		}
		long := false
		for _, b := range h.batches {
			long = long || l.Text == b.Summary || l.Text == b.Source
		}
		if drawn := apptest.Drawn(l); drawn != l.Text && !long {
			t.Errorf("cell drawn as %q, it says %q", drawn, l.Text)
		}
	}
	for _, want := range []string{"状态", "有效", h.cell(1, 5)} {
		if !seen[want] {
			t.Errorf("%q is not drawn at 1024×700", want)
		}
	}
	for r, b := range h.batches {
		h.table.Select(widget.TableCellID{Row: r, Col: 4})
		if !strings.Contains(h.info.Text, b.Summary) || !strings.Contains(h.info.Text, b.Source) {
			t.Errorf("row %d picked: under the table %q, want its file %q and result %q", r, h.info.Text, b.Source, b.Summary)
		}
	}
}
