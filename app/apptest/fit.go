package apptest

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// OffCanvas lists every visible button under root (laid out at the window's origin) that is
// not wholly inside size — cut at the window's edge or scrolled out of a toolbar — as
// "text at x,y w×h", the way a person at that screen size would miss it.
func OffCanvas(root fyne.CanvasObject, size fyne.Size) []string {
	var out []string
	var walk func(o fyne.CanvasObject, at fyne.Position, scrolls bool)
	// scrolls: o lies in a vertical scroller, where a button below the fold is reached by the
	// wheel and is not cut; sideways, a button out of sight is.
	walk = func(o fyne.CanvasObject, at fyne.Position, scrolls bool) {
		if o == nil || !o.Visible() {
			return
		}
		at = at.Add(o.Position())
		if b, ok := o.(*widget.Button); ok {
			s := b.Size()
			const slack = 0.5 // float rounding of the layouts
			cutX := at.X < -slack || at.X+s.Width > size.Width+slack
			cutY := at.Y < -slack || at.Y+s.Height > size.Height+slack
			if cutX || cutY && !scrolls {
				out = append(out, fmt.Sprintf("%s at %.0f,%.0f %.0f×%.0f", b.Text, at.X, at.Y, s.Width, s.Height))
			}
			return
		}
		var kids []fyne.CanvasObject
		switch x := o.(type) {
		case *fyne.Container:
			kids = x.Objects
		case *container.Scroll:
			kids = []fyne.CanvasObject{x.Content}
			scrolls = scrolls || x.Direction == container.ScrollVerticalOnly
		case fyne.Widget:
			kids = test.WidgetRenderer(x).Objects()
		}
		for _, k := range kids {
			walk(k, at, scrolls)
		}
	}
	walk(root, fyne.Position{}, false)
	return out
}

// Drawn is the text l puts on screen, line after line: shorter than l.Text (or ending in "…")
// when the label cuts it.
func Drawn(l *widget.Label) string {
	var out string
	for _, t := range FindAll[*canvas.Text](l) {
		out += t.Text
	}
	return out
}
