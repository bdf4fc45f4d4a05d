package ab

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
)

// In a 1024×700 window, beside the rail of the five screens, every column header of the service
// catalogue lies inside the table — the last one, 今日（下一工作日）办理, is what a visitor asks
// about, and must not need a sideways scroll — and every header and demo cell is drawn whole
// (10个工作日; on a day off "11/30周一 潘思磊（B岗顶岗）").
func TestABCatalogueHeadersFitAt1024(t *testing.T) {
	wb := apptest.Demo(t, fyne.NewSize(1024, 700))
	var a *Screen
	screens := []ui.Screen{}
	for _, title := range []string{"组织机构", "党员花名册", "AB岗", "模范机关", "备份与日志"} {
		screens = append(screens, ui.Screen{Title: title, Build: func() fyne.CanvasObject { return widget.NewLabel(title) }})
	}
	screens[2].Build = func() fyne.CanvasObject { a = Open(wb); return a.root }
	wb.Shell = ui.NewShell(wb.Window, screens)
	wb.Shell.Show(2)
	a.tabs.SelectIndex(0)

	d := fyne.CurrentApp().Driver()
	table := a.cat.table
	right := d.AbsolutePositionForObject(table).X + table.Size().Width
	seen := 0
	for _, l := range apptest.FindAll[*widget.Label](table) {
		if l.Text == "" || !l.Visible() {
			continue
		}
		if !l.TextStyle.Bold { // a cell: the demo's names, windows and today's holders are whole
			if need, got := l.MinSize().Width, l.Size().Width; need > got+0.5 {
				t.Errorf("cell %q needs %.0f px, its column has %.0f", l.Text, need, got)
			}
			continue
		}
		seen++
		if end := d.AbsolutePositionForObject(l).X + l.Size().Width; end > right+0.5 {
			t.Errorf("header %q ends at x=%.0f, past the table's right edge at %.0f", l.Text, end, right)
		}
		if need, got := l.MinSize().Width, l.Size().Width; need > got+0.5 {
			t.Errorf("header %q needs %.0f px, its column has %.0f", l.Text, need, got)
		}
	}
	if seen < 7 {
		t.Errorf("found %d column headers, want the 7 of the catalogue", seen)
	}
}
