package desktop

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	procLoadImageW       = user32.NewProc("LoadImageW")
	procSendMessageW     = user32.NewProc("SendMessageW")
	procGetSystemMetrics = user32.NewProc("GetSystemMetrics")
)

const (
	imageIcon  = 1
	wmSetIcon  = 0x0080
	iconSmall  = 0
	iconBig    = 1
	smCxIcon   = 11
	smCxSmIcon = 49
)

// UseExeIcon gives the window the .exe's own icon (the group named name, drawn at 16, 24, 32, 48
// and 256 pixels) for its title bar and taskbar button. Fyne hands Windows one 512-pixel image,
// which Windows shrinks to a smudge at 16 pixels.
func UseExeIcon(hwnd uintptr, name string) {
	if hwnd == 0 {
		return
	}
	var module windows.Handle
	if err := windows.GetModuleHandleEx(0, nil, &module); err != nil {
		return
	}
	res, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return
	}
	for _, which := range []struct{ kind, metric uintptr }{{iconSmall, smCxSmIcon}, {iconBig, smCxIcon}} {
		px, _, _ := procGetSystemMetrics.Call(which.metric)
		icon, _, _ := procLoadImageW.Call(uintptr(module), uintptr(unsafe.Pointer(res)), imageIcon, px, px, 0)
		if icon != 0 {
			procSendMessageW.Call(hwnd, wmSetIcon, which.kind, icon)
		}
	}
}
