package apptest

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"dangjian/app/ui"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// NewTestApp starts a throwaway Fyne test app with the workbench theme, so
// text is measured and drawn with the embedded Noto Sans SC as in the real app.
func NewTestApp(t *testing.T) fyne.App {
	t.Helper()
	a := test.NewTempApp(t)
	test.ApplyTheme(t, ui.NewTheme())
	return a
}

// SaveScreenshot renders obj at size through the software test driver, as every test run does:
// the test fails when any of the texts in want is not drawn in obj or the image is blank (all
// one colour — a screen that did not build or lay out). The image is written to
// docs/screenshots/<name>.png only when SCREENSHOTS=1 (make screenshots), so ordinary test runs
// never touch the tracked images. Call it after NewTestApp.
func SaveScreenshot(t *testing.T, name string, obj fyne.CanvasObject, size fyne.Size, want ...string) {
	t.Helper()
	for _, text := range want {
		if !Shows(obj, text) {
			t.Errorf("screenshot %s: %q is not on screen; it shows %q", name, text, Texts(obj))
		}
	}
	w := test.NewTempWindow(t, obj)
	w.Resize(size)
	img := w.Canvas().Capture()
	if share := drawnShare(img); share < 0.005 {
		t.Errorf("screenshot %s is blank: %.2f%% of its pixels differ from the background", name, 100*share)
	}
	if os.Getenv("SCREENSHOTS") != "1" {
		return
	}

	dir := filepath.Join(moduleRoot(t), "docs", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// Write beside the target and rename, so a failed run never leaves a half image.
	f, err := os.CreateTemp(dir, name+"-*.png.tmp")
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(f.Name())
	if err := png.Encode(f, img); err != nil {
		f.Close()
		t.Fatalf("encode %s: %v", name, err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil { // CreateTemp makes it private
		t.Fatal(err)
	}
	out := filepath.Join(dir, name+".png")
	if err := os.Rename(f.Name(), out); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot written to %s", out)
}

// moduleRoot finds the directory holding go.mod above the test's working directory.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}

// drawnShare is the share of pixels that differ from the image's most common colour (its
// background): 0 for a blank image.
func drawnShare(img image.Image) float64 {
	b := img.Bounds()
	counts := map[color.RGBA]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			counts[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), uint8(a >> 8)}]++
		}
	}
	total, most := 0, 0
	for _, n := range counts {
		total += n
		most = max(most, n)
	}
	if total == 0 {
		return 0
	}
	return float64(total-most) / float64(total)
}
