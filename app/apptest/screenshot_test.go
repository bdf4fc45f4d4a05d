package apptest

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A blank image (a screen that built nothing) counts as blank; a drawn label does not.
func TestScreenshotBlankDetection(t *testing.T) {
	blank := image.NewRGBA(image.Rect(0, 0, 200, 100))
	for i := range blank.Pix {
		blank.Pix[i] = 0xFF
	}
	if got := drawnShare(blank); got != 0 {
		t.Errorf("a white image has %.3f drawn, want 0", got)
	}
	NewTestApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("党员花名册 共 386 人"))
	w.Resize(fyne.NewSize(200, 100))
	if got := drawnShare(w.Canvas().Capture()); got < 0.005 {
		t.Errorf("a drawn label counts as blank: %.4f drawn", got)
	}
}
