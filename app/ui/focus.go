package ui

import "fyne.io/fyne/v2"

// FocusLater gives obj the keyboard once the current event is done. A table selected by a click
// must hold the focus, or ↑/↓ and Enter go nowhere; focusing inside the selection handler can be
// undone by the tap handling that follows, so it is done again on the next turn of the event
// loop — and only when the focus is not already there, so nothing is redrawn for nothing.
func FocusLater(obj interface {
	fyne.CanvasObject
	fyne.Focusable
},
) {
	a := fyne.CurrentApp()
	if a == nil {
		return
	}
	c := a.Driver().CanvasForObject(obj)
	if c == nil || c.Focused() == obj {
		return // moving with the keyboard keeps the focus where it is
	}
	Later(func() {
		if c.Focused() != obj {
			c.Focus(obj)
		}
	})
}

// ForwardShortcut hands a window shortcut from a focused widget to the window's canvas.
func ForwardShortcut(o fyne.CanvasObject, s fyne.Shortcut) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		if sc, ok := c.(fyne.Shortcutable); ok {
			sc.TypedShortcut(s)
		}
	}
}
