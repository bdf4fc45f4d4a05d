package desktop

import (
	"errors"
	"fmt"
	"runtime"

	"golang.org/x/sys/windows"
)

// run hands l to ShellExecuteW. Shell extensions that open documents may use COM, so the call is
// made on a locked thread with COM initialised, as the ShellExecute documentation asks.
func run(l Launch) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED|windows.COINIT_DISABLE_OLE1DDE); err == nil {
		defer windows.CoUninitialize()
	}
	verb, err := windows.UTF16PtrFromString(l.Verb)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrNotFound, l.File)
	}
	file, err := windows.UTF16PtrFromString(l.File)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrNotFound, l.File)
	}
	var params, dir *uint16
	if l.Params != "" {
		if params, err = windows.UTF16PtrFromString(l.Params); err != nil {
			return fmt.Errorf("%w: %s", ErrNotFound, l.File)
		}
	}
	if l.Dir != "" {
		if dir, err = windows.UTF16PtrFromString(l.Dir); err != nil {
			return fmt.Errorf("%w: %s", ErrNotFound, l.File)
		}
	}
	// ShellExecuteW returns a value ≤ 32 on failure; x/sys turns that into the last error.
	if err := windows.ShellExecute(0, verb, file, params, dir, windows.SW_SHOWNORMAL); err != nil {
		return fmt.Errorf("%w: %s", shellError(err), l.File)
	}
	return nil
}

// shellError sorts ShellExecute's failure into the reasons the app explains.
func shellError(err error) error {
	var no windows.Errno
	if !errors.As(err, &no) {
		return ErrOpenFailed
	}
	switch no {
	case windows.ERROR_FILE_NOT_FOUND, windows.ERROR_PATH_NOT_FOUND:
		return ErrNotFound
	case windows.ERROR_NO_ASSOCIATION, windows.ERROR_DDE_FAIL, windows.ERROR_BAD_EXE_FORMAT:
		return ErrNoProgram
	case windows.ERROR_ACCESS_DENIED:
		return ErrDenied
	}
	return ErrOpenFailed
}
