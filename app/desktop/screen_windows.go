package desktop

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	user32                    = windows.NewLazySystemDLL("user32.dll")
	procSystemParametersInfoW = user32.NewProc("SystemParametersInfoW")
	procGetDpiForSystem       = user32.NewProc("GetDpiForSystem")
	procGetWindowRect         = user32.NewProc("GetWindowRect")
	procSetWindowPos          = user32.NewProc("SetWindowPos")
	procIsZoomed              = user32.NewProc("IsZoomed")
	procShowWindow            = user32.NewProc("ShowWindow")
	procMonitorFromRect       = user32.NewProc("MonitorFromRect")
	procGetMonitorInfoW       = user32.NewProc("GetMonitorInfoW")
)

const (
	spiGetWorkArea       = 0x0030
	monitorDefaultToNull = 0
	swpNoSize            = 0x0001
	swpNoZOrder          = 0x0004
	swpNoActivate        = 0x0010
	swMaximize           = 3
)

type monitorInfo struct {
	size    uint32
	monitor windows.Rect
	work    windows.Rect
	flags   uint32
}

func fromWin(r windows.Rect) Rect {
	return Rect{X: int(r.Left), Y: int(r.Top), W: int(r.Right - r.Left), H: int(r.Bottom - r.Top)}
}

// WorkArea is the primary monitor's work area (the screen less the taskbar) and the scale
// Windows applies to it (1.5 at 150 %), read after GLFW made the process DPI-aware, so both are
// in device pixels. ok is false when Windows does not say.
func WorkArea() (work Rect, scale float32, ok bool) {
	var r windows.Rect
	if ret, _, _ := procSystemParametersInfoW.Call(spiGetWorkArea, 0, uintptr(unsafe.Pointer(&r)), 0); ret == 0 {
		return Rect{}, 1, false
	}
	scale = 1
	if procGetDpiForSystem.Find() == nil { // Windows 10 1607 and later
		if dpi, _, _ := procGetDpiForSystem.Call(); dpi > 0 {
			scale = float32(dpi) / 96
		}
	}
	return fromWin(r), scale, true
}

// OnScreen reports whether the frame r lies wholly on one monitor's work area.
func OnScreen(r Rect) bool {
	wr := windows.Rect{Left: int32(r.X), Top: int32(r.Y), Right: int32(r.X + r.W), Bottom: int32(r.Y + r.H)}
	mon, _, _ := procMonitorFromRect.Call(uintptr(unsafe.Pointer(&wr)), monitorDefaultToNull)
	if mon == 0 {
		return false
	}
	mi := monitorInfo{size: uint32(unsafe.Sizeof(monitorInfo{}))}
	if ret, _, _ := procGetMonitorInfoW.Call(mon, uintptr(unsafe.Pointer(&mi))); ret == 0 {
		return false
	}
	// Windows 10/11 frames carry invisible resize borders of about 8 pixels, so a window snapped
	// to a screen edge reaches a little past the work area: allow that much.
	work := fromWin(mi.work)
	const slack = 12
	work = Rect{X: work.X - slack, Y: work.Y - slack, W: work.W + 2*slack, H: work.H + 2*slack}
	return work.Contains(r)
}

// Frame is the window's frame on the screen and whether it is maximised.
func Frame(hwnd uintptr) (r Rect, maximised, ok bool) {
	if hwnd == 0 {
		return Rect{}, false, false
	}
	var wr windows.Rect
	if ret, _, _ := procGetWindowRect.Call(hwnd, uintptr(unsafe.Pointer(&wr))); ret == 0 {
		return Rect{}, false, false
	}
	z, _, _ := procIsZoomed.Call(hwnd)
	return fromWin(wr), z != 0, true
}

// Place moves the window's frame to (x, y), keeping its size, and maximises it when asked.
func Place(hwnd uintptr, x, y int, maximise bool) {
	if hwnd == 0 {
		return
	}
	procSetWindowPos.Call(hwnd, 0, uintptr(x), uintptr(y), 0, 0, swpNoSize|swpNoZOrder|swpNoActivate)
	if maximise {
		procShowWindow.Call(hwnd, swMaximize)
	}
}
