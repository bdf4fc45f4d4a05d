package desktop

import "golang.org/x/sys/windows"

// ShowMessage shows a Windows message box with an error icon and waits for 确定. A GUI .exe
// has no console, so this is the only way to tell the user when no window can be made.
func ShowMessage(title, text string) {
	t, err1 := windows.UTF16PtrFromString(text)
	c, err2 := windows.UTF16PtrFromString(title)
	if err1 != nil || err2 != nil {
		return
	}
	_, _ = windows.MessageBox(0, t, c, windows.MB_OK|windows.MB_ICONERROR|windows.MB_SETFOREGROUND|windows.MB_TOPMOST)
}
