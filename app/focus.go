package app

import "fyne.io/fyne/v2"

// focusLater gives obj the keyboard once the current event is done. A table selected by a click
// must take the focus itself, or ↑/↓ and Enter go nowhere; doing it inside the tap handler is
// undone by the table's own tap handling, so it waits for the next turn of the event loop.
func focusLater(obj interface {
	fyne.CanvasObject
	fyne.Focusable
}) {
	go fyne.Do(func() {
		if c := fyne.CurrentApp().Driver().CanvasForObject(obj); c != nil && c.Focused() != obj {
			c.Focus(obj)
		}
	})
}
