package desktop

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFitSizeKeepsTheFrameOnTheWorkArea(t *testing.T) {
	cases := []struct {
		name   string
		work   Rect
		scale  float32
		wW, wH float32
	}{
		{"1366×768 with the taskbar", Rect{W: 1366, H: 728}, 1, 1280, 689},
		{"1920×1080 at 150 %", Rect{W: 1920, H: 1040}, 1.5, 1264, 654.3333},
		{"1920×1080 at 100 %", Rect{W: 1920, H: 1040}, 1, 1280, 800},
		{"unknown work area", Rect{}, 1, 1280, 689},
		{"1024×768", Rect{W: 1024, H: 728}, 1, 1008, 689},
	}
	for _, c := range cases {
		w, h := FitSize(c.work, c.scale)
		if w != c.wW || h < c.wH-0.01 || h > c.wH+0.01 {
			t.Errorf("%s: FitSize = %v×%v, want %v×%v", c.name, w, h, c.wW, c.wH)
		}
		// The whole frame fits: content plus title bar and borders, in device pixels.
		work := c.work
		if work.W == 0 {
			work = FallbackWorkArea
		}
		if (w+frameWidth)*c.scale > float32(work.W)+0.5 || (h+frameHeight)*c.scale > float32(work.H)+0.5 {
			t.Errorf("%s: the frame of %v×%v does not fit in %v", c.name, w, h, work)
		}
	}
}

func TestTrustedGeometryNeverLeavesTheScreen(t *testing.T) {
	screen := Rect{W: 1366, H: 728}
	onScreen := screen.Contains
	fitW, fitH := FitSize(screen, 1)

	kept := Geometry{Width: 1100, Height: 600, Frame: Rect{X: 100, Y: 50, W: 1116, H: 639}}
	if got := kept.Trusted(fitW, fitH, onScreen); got != kept {
		t.Errorf("a geometry that fits was changed: %+v", got)
	}
	// Saved on a 1920×1080 monitor, opened on 1366×768: the size shrinks to fit and is centred.
	big := Geometry{Width: 1280, Height: 800, Frame: Rect{X: 300, Y: 100, W: 1296, H: 839}}
	if got := big.Trusted(fitW, fitH, onScreen); got.Width != fitW || got.Height != fitH || got.Frame != (Rect{}) {
		t.Errorf("a too-large geometry was trusted: %+v", got)
	}
	// The second monitor it was on is gone: same size, but centred on this one.
	gone := Geometry{Width: 1000, Height: 600, Frame: Rect{X: 1500, Y: 40, W: 1016, H: 639}}
	if got := gone.Trusted(fitW, fitH, onScreen); got.Width != 1000 || got.Frame != (Rect{}) {
		t.Errorf("a frame off every monitor was trusted: %+v", got)
	}
	// A hand-edited or broken file.
	if got := (Geometry{Width: -5, Height: 1e9}).Trusted(fitW, fitH, onScreen); got.Width != fitW || got.Height != fitH {
		t.Errorf("a nonsense size was trusted: %+v", got)
	}
}

func TestGeometryIsRememberedInAFile(t *testing.T) {
	path := filepath.Join(testDir(t), "dangjian", "window.json")
	if _, ok := LoadGeometry(path); ok {
		t.Fatal("a geometry was found before any was saved")
	}
	g := Geometry{Width: 1200, Height: 650, Frame: Rect{X: 20, Y: 30, W: 1216, H: 689}, Maximised: true}
	if err := SaveGeometry(path, g); err != nil {
		t.Fatal(err)
	}
	if got, ok := LoadGeometry(path); !ok || got != g {
		t.Fatalf("LoadGeometry = %+v, %v; want %+v", got, ok, g)
	}
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, ok := LoadGeometry(path); ok {
		t.Error("a damaged file was trusted")
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".window-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestParseSizeReadsAnExactWindowSize(t *testing.T) {
	good := map[string][2]float32{"1024x700": {1024, 700}, "1366×768": {1366, 768}, " 800X600 ": {800, 600}}
	for s, want := range good {
		if w, h, ok := ParseSize(s); !ok || w != want[0] || h != want[1] {
			t.Errorf("ParseSize(%q) = %v×%v %v, want %v×%v", s, w, h, ok, want[0], want[1])
		}
	}
	for _, s := range []string{"", "1024", "1024x", "x700", "axb", "100x100", "1024x-700", "99999x700"} {
		if w, h, ok := ParseSize(s); ok {
			t.Errorf("ParseSize(%q) = %v×%v, want refused", s, w, h)
		}
	}
}
