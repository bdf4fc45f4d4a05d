package main

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"

	"dangjian/app/desktop"
)

// The main window opens at a size that fits the screen's work area (1280×800 where there is
// room; a 1366×768 screen has 728 pixels above the taskbar), at the size and place the user
// left it when that still fits, and remembers both when it closes.

// startGeometry is the geometry the window opens with: the size asked for with -size (not
// remembered: a screenshot run must not change the user's window), else the remembered one when
// it fits the current screen, else the size that fits, centred.
func startGeometry(a fyne.App, size string) (desktop.Geometry, string) {
	if w, h, ok := desktop.ParseSize(size); ok {
		return desktop.Geometry{Width: w, Height: h}, ""
	}
	work, scale, _ := desktop.WorkArea() // off Windows: the 1366×768 fallback
	if s := a.Settings().Scale(); s > 0 {
		scale *= s
	}
	fitW, fitH := desktop.FitSize(work, scale)
	path, err := desktop.GeometryPath()
	if err != nil {
		return desktop.Geometry{Width: fitW, Height: fitH}, ""
	}
	g, _ := desktop.LoadGeometry(path)
	return g.Trusted(fitW, fitH, desktop.OnScreen), path
}

// placeWindow puts the shown window where g says, or centres it on the work area (Fyne centres
// on the whole monitor, which on Windows puts the bottom of a tall window under the taskbar),
// and gives it the .exe's icon drawn for 16 pixels.
func placeWindow(w fyne.Window, g desktop.Geometry) {
	if runtime.GOOS != "windows" {
		return
	}
	hwnd := nativeHandle(w)
	desktop.UseExeIcon(hwnd, desktop.ExeIconName)
	frame, _, ok := desktop.Frame(hwnd)
	if !ok {
		return
	}
	x, y := g.Frame.X, g.Frame.Y
	if g.Frame == (desktop.Rect{}) {
		work, _, ok := desktop.WorkArea()
		if !ok {
			return
		}
		x = work.X + max(0, (work.W-frame.W)/2)
		y = work.Y + max(0, (work.H-frame.H)/2)
	}
	desktop.Place(hwnd, x, y, g.Maximised)
}

// rememberGeometry saves the window's size and place for the next start. A maximised window
// keeps the size it had before, so un-maximising next time gives it back.
func rememberGeometry(w fyne.Window, start desktop.Geometry, path string) {
	if path == "" {
		return
	}
	g := start
	frame, maximised, ok := desktop.Frame(nativeHandle(w))
	g.Maximised = maximised
	if !maximised {
		size := w.Canvas().Size()
		g.Width, g.Height = size.Width, size.Height
		g.Frame = desktop.Rect{}
		if ok {
			g.Frame = frame
		}
	}
	_ = desktop.SaveGeometry(path, g) // a geometry not saved only costs the user a resize
}

// nativeHandle is the window's HWND on Windows (its X11 window elsewhere); 0 when the window
// was never made.
func nativeHandle(w fyne.Window) uintptr {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return 0
	}
	var h uintptr
	nw.RunNative(func(ctx any) {
		switch c := ctx.(type) {
		case driver.WindowsWindowContext:
			h = c.HWND
		case driver.X11WindowContext:
			h = c.WindowHandle
		case driver.WaylandWindowContext:
			h = c.WaylandSurface
		case driver.MacWindowContext:
			h = c.NSWindow
		}
	})
	return h
}

// windowMade reports whether the window exists on the screen: Fyne only logs a window it could
// not make (no OpenGL 2.1) and carries on without it. Drivers without native windows (the test
// driver) always count as made.
func windowMade(w fyne.Window) bool {
	if _, ok := w.(driver.NativeWindow); !ok {
		return true
	}
	return nativeHandle(w) != 0
}
