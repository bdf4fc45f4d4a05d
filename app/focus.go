package app

import "fyne.io/fyne/v2"

// focusLater gives obj the keyboard once the current event is done. A table selected by a click
// must hold the focus, or ↑/↓ and Enter go nowhere; focusing inside the selection handler can be
// undone by the tap handling that follows, so it is done again on the next turn of the event
// loop — and only when the focus is not already there, so nothing is redrawn for nothing.
func focusLater(obj interface {
	fyne.CanvasObject
	fyne.Focusable
}) {
	a := fyne.CurrentApp()
	if a == nil {
		return
	}
	c := a.Driver().CanvasForObject(obj)
	if c == nil || c.Focused() == obj {
		return // moving with the keyboard keeps the focus where it is
	}
	go fyne.Do(func() {
		if c.Focused() != obj {
			c.Focus(obj)
		}
	})
}
