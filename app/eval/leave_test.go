package eval

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
)

// A refused score's red line under the grid is about that visit: on coming back to 模范机关
// from another screen it is gone.
func TestEvalRefusedScoreLineClearsOnLeaving(t *testing.T) {
	wb, w := evalWorkbench(t)
	var e *Screen
	wb.Shell = ui.NewShell(w, []ui.Screen{
		{Title: "组织机构", Build: func() fyne.CanvasObject { return widget.NewLabel("组织机构") }},
		{Title: "模范机关", Build: func() fyne.CanvasObject {
			var o fyne.CanvasObject
			e, o = buildEvalScreen(wb)
			return o
		}},
	})
	wb.Shell.Show(1)
	g := e.grid
	w.Canvas().Focus(g)
	g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	test.Type(g, "99")
	g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if e.status.Text == "" || e.status.Importance != widget.DangerImportance {
		t.Fatalf("99 points were not refused in red: %q", e.status.Text)
	}
	wb.Shell.Show(0)
	wb.Shell.Show(1)
	if e.status.Text != "" {
		t.Fatalf("back on 模范机关 the grid still says %q", e.status.Text)
	}
}
