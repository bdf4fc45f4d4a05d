package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// safetyFindButton returns the visible, enabled-or-not button with the given text under root.
func safetyFindButton(root fyne.CanvasObject, text string) *widget.Button {
	for _, b := range findAll[*widget.Button](root) {
		if b.Text == text {
			return b
		}
	}
	return nil
}

// safetyTap taps the button with text, looking first in the topmost dialog (as a person sees
// it) and then in the window's content.
func safetyTap(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	if b := safetyButton(w, text); b != nil {
		test.Tap(b)
		return
	}
	t.Fatalf("no visible button %q", text)
}

func safetyButton(w fyne.Window, text string) *widget.Button {
	if top := w.Canvas().Overlays().Top(); top != nil {
		if b := safetyFindButton(top, text); b != nil {
			return b
		}
	}
	return safetyFindButton(w.Canvas().Content(), text)
}
