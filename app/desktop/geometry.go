package desktop

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Rect is a rectangle on the screen in device pixels: a monitor's work area (the screen less the
// taskbar) or a window's frame.
type Rect struct{ X, Y, W, H int }

// Contains reports whether r lies wholly inside o.
func (o Rect) Contains(r Rect) bool {
	return r.W > 0 && r.H > 0 && r.X >= o.X && r.Y >= o.Y && r.X+r.W <= o.X+o.W && r.Y+r.H <= o.Y+o.H
}

// The window the app asks for when the screen allows it, in Fyne's units (device pixels at
// 100 % scaling).
const (
	WantWidth  = 1280
	WantHeight = 800
)

// frameWidth and frameHeight are what a Windows 10/11 frame adds around the window's content at
// 100 % scaling: the title bar (31) and the resize borders (8 at each side and the bottom).
const (
	frameWidth  = 16
	frameHeight = 39
)

// FallbackWorkArea is assumed when the work area cannot be read: the smallest office screen,
// 1366×768, less a 40-pixel taskbar.
var FallbackWorkArea = Rect{W: 1366, H: 728}

// FitSize is the content size (Fyne's units) of a window that fits, frame and all, in the work
// area work (device pixels) at scale (device pixels per unit: 1.5 at 150 %): 1280×800 where it
// fits, smaller where the screen is (1366×768 gives 1280×689).
func FitSize(work Rect, scale float32) (w, h float32) {
	if scale <= 0 {
		scale = 1
	}
	if work.W <= 0 || work.H <= 0 {
		work = FallbackWorkArea
	}
	w = min(WantWidth, float32(work.W)/scale-frameWidth)
	h = min(WantHeight, float32(work.H)/scale-frameHeight)
	return w, h
}

// Geometry is the window's size and place as the user left it, kept per Windows user.
type Geometry struct {
	Width     float32 `json:"width"` // content size in Fyne's units
	Height    float32 `json:"height"`
	Frame     Rect    `json:"frame"` // the frame on the screen (device pixels); zero when not known
	Maximised bool    `json:"maximised"`
}

// Trusted is g made safe for the current screen: a size larger than fits is replaced by fit (a
// geometry saved on a larger monitor must not push the toolbar off a smaller one), and a frame
// that is not wholly on one monitor's work area (onScreen false: the monitor is gone, the
// resolution dropped) is dropped, so the window is centred instead.
func (g Geometry) Trusted(fitW, fitH float32, onScreen func(Rect) bool) Geometry {
	if g.Width <= 0 || g.Height <= 0 || g.Width > fitW || g.Height > fitH {
		g.Width, g.Height = fitW, fitH
		g.Frame = Rect{}
	}
	if g.Frame != (Rect{}) && (onScreen == nil || !onScreen(g.Frame)) {
		g.Frame = Rect{}
	}
	return g
}

// GeometryPath is the file that keeps the window's geometry for this user: window.json in the
// app's folder under the user's config directory (%AppData%\dangjian on Windows), whichever
// database is open.
func GeometryPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "dangjian", "window.json"), nil
}

// LoadGeometry reads the remembered geometry; ok is false when there is none or it is unreadable
// (then the window opens at the size that fits).
func LoadGeometry(path string) (g Geometry, ok bool) {
	b, err := os.ReadFile(path)
	if err != nil || len(b) > 4096 {
		return Geometry{}, false
	}
	if json.Unmarshal(b, &g) != nil {
		return Geometry{}, false
	}
	return g, true
}

// SaveGeometry writes g to path through a temporary file, so a crash never leaves half a file.
func SaveGeometry(path string, g Geometry) error {
	b, err := json.Marshal(g)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".window-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// ParseSize reads a window size given as WIDTHxHEIGHT in Fyne's units ("1024x700"; × and X
// also), for a start at an exact size (the real-window screenshots shoot 1366×768 and
// 1024×700, which off Windows would not be trusted as remembered sizes). ok is false for
// anything else, and for sizes below 640×480 or above 7680×4320.
func ParseSize(s string) (w, h float32, ok bool) {
	s = strings.NewReplacer("×", "x", "X", "x").Replace(strings.TrimSpace(s))
	ws, hs, found := strings.Cut(s, "x")
	if !found {
		return 0, 0, false
	}
	wi, err1 := strconv.Atoi(strings.TrimSpace(ws))
	hi, err2 := strconv.Atoi(strings.TrimSpace(hs))
	if err1 != nil || err2 != nil || wi < 640 || hi < 480 || wi > 7680 || hi > 4320 {
		return 0, 0, false
	}
	return float32(wi), float32(hi), true
}
