package safety

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
)

// onSafetyScreen shows what build makes as the 备份与日志 screen's one tab, beside the rail of the
// five screens, as a person sees it in the window.
func onSafetyScreen(wb *ui.Workbench, w fyne.Window, tab string, build func() fyne.CanvasObject) {
	screens := []ui.Screen{}
	for _, title := range []string{"组织机构", "党员花名册", "AB岗", "模范机关", "备份与日志"} {
		screens = append(screens, ui.Screen{Title: title, Build: func() fyne.CanvasObject { return widget.NewLabel(title) }})
	}
	screens[4].Build = func() fyne.CanvasObject { return container.NewAppTabs(container.NewTabItem(tab, build())) }
	wb.Shell = ui.NewShell(w, screens)
	wb.Shell.Show(4)
}

// cellsDrawn walks the labels drawn in table: each must end inside the table's right edge, and
// cut says which texts may be drawn shortened. It returns the texts drawn.
func cellsDrawn(t *testing.T, table *widget.Table, cut func(text string) bool) map[string]bool {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	right := d.AbsolutePositionForObject(table).X + table.Size().Width
	seen := map[string]bool{}
	for _, l := range apptest.FindAll[*widget.Label](table) {
		if l.Text == "" || !l.Visible() {
			continue
		}
		seen[l.Text] = true
		if end := d.AbsolutePositionForObject(l).X + l.Size().Width; end > right+0.5 {
			t.Errorf("%q ends at x=%.0f, past the table's right edge at %.0f", l.Text, end, right)
		}
		if drawn := apptest.Drawn(l); drawn != l.Text && !cut(l.Text) {
			t.Errorf("cell drawn as %q, it says %q", drawn, l.Text)
		}
	}
	return seen
}
