package apptest

import (
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

// SaveScreenshot renders obj at size through the software test driver and writes
// docs/screenshots/<name>.png — only when SCREENSHOTS=1 (make screenshots), so
// ordinary test runs never touch the tracked images. Call it after NewTestApp.
func SaveScreenshot(t *testing.T, name string, obj fyne.CanvasObject, size fyne.Size) {
	t.Helper()
	if os.Getenv("SCREENSHOTS") != "1" {
		return
	}
	w := test.NewTempWindow(t, obj)
	w.Resize(size)
	img := w.Canvas().Capture()

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
