package apptest

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// FindButton returns the visible, enabled-or-not button with the given text under root.
func FindButton(root fyne.CanvasObject, text string) *widget.Button {
	for _, b := range FindAll[*widget.Button](root) {
		if b.Text == text {
			return b
		}
	}
	return nil
}

// Tap taps the button with text, looking first in the topmost dialog (as a person sees
// it) and then in the window's content.
func Tap(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	if b := Button(w, text); b != nil {
		test.Tap(b)
		return
	}
	t.Fatalf("no visible button %q", text)
}

func Button(w fyne.Window, text string) *widget.Button {
	if top := w.Canvas().Overlays().Top(); top != nil {
		if b := FindButton(top, text); b != nil {
			return b
		}
	}
	return FindButton(w.Canvas().Content(), text)
}
