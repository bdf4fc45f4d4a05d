package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// With the pointer over a rail badge, a tip says what the number counts; it goes when the
// pointer leaves.
func TestRailBadgeSaysWhatItCounts(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(800, 500))
	NewShell(w, []Screen{
		{Title: "组织机构", Build: func() fyne.CanvasObject { return widget.NewLabel("组织机构") }},
		{
			Title: "AB岗", Build: func() fyne.CanvasObject { return widget.NewLabel("AB岗") },
			Badge: func() string { return "1" }, BadgeTip: func(n string) string { return "未来一周有" + n + "个空岗日" },
		},
	})
	var pills []*badgePill
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *badgePill:
			if x.Visible() {
				pills = append(pills, x)
			}
		case *fyne.Container:
			for _, k := range x.Objects {
				walk(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(x).Objects() {
				walk(k)
			}
		}
	}
	walk(w.Canvas().Content())
	if len(pills) != 1 {
		t.Fatalf("%d badges on the rail, want 1", len(pills))
	}
	pills[0].MouseIn(&desktop.MouseEvent{})
	top := w.Canvas().Overlays().Top()
	p, ok := top.(*widget.PopUp)
	if !ok || p.Content.(*widget.Label).Text != "未来一周有1个空岗日" {
		t.Fatalf("no tip over the badge: %#v", top)
	}
	pills[0].MouseOut()
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("the tip stayed after the pointer left")
	}
}
