package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// PageEntry is a one-line text field on a page that scrolls (the 指标体系 editor is a long page
// of them): the mouse wheel over it scrolls the page, as it does over the labels between the
// fields. A Fyne entry keeps a scroller of its own for text longer than the field; the window
// gives the wheel to the deepest scroller under the mouse, so over a plain entry the wheel
// moved nothing.
type PageEntry struct {
	EscapeEntry
	page *container.Scroll
}

// NewPageEntry is a text field on page.
func NewPageEntry(page *container.Scroll) *PageEntry {
	e := &PageEntry{page: page}
	e.ExtendBaseWidget(e)
	return e
}

// CreateRenderer draws the entry as usual with a see-through wheel catcher over it. It comes
// after the entry's own scroller in the tree, so the window finds it first for the wheel; it
// takes no taps, drags or hovers, which reach the entry under it.
func (e *PageEntry) CreateRenderer() fyne.WidgetRenderer {
	return &pageEntryRenderer{WidgetRenderer: e.EscapeEntry.CreateRenderer(), wheel: newWheelPass(e.page)}
}

type pageEntryRenderer struct {
	fyne.WidgetRenderer
	wheel *wheelPass
}

func (r *pageEntryRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.wheel.Move(fyne.NewPos(0, 0))
	r.wheel.Resize(size)
}

// Objects are the entry's own (which it swaps when its wrapping changes) and the catcher last.
func (r *pageEntryRenderer) Objects() []fyne.CanvasObject {
	objs := r.WidgetRenderer.Objects()
	return append(objs[:len(objs):len(objs)], r.wheel)
}

// wheelPass hands every wheel event to the page scroller.
type wheelPass struct {
	widget.BaseWidget
	page *container.Scroll
}

func newWheelPass(page *container.Scroll) *wheelPass {
	w := &wheelPass{page: page}
	w.ExtendBaseWidget(w)
	return w
}

// Scrolled moves the page.
func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) {
	if w.page != nil {
		w.page.Scrolled(ev)
	}
}

func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}
