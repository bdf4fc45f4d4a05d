//go:build windows

package data

import (
	"errors"
	"syscall"

	"golang.org/x/sys/windows"
)

// osKind reads the kind from Windows' error number.
func osKind(err error) Kind {
	var en syscall.Errno
	if !errors.As(err, &en) {
		return KindOther
	}
	switch en {
	case windows.ERROR_DISK_FULL, windows.ERROR_HANDLE_DISK_FULL:
		return KindDiskFull
	case windows.ERROR_WRITE_PROTECT:
		return KindReadOnly
	case windows.ERROR_ACCESS_DENIED, windows.ERROR_SHARING_VIOLATION, windows.ERROR_LOCK_VIOLATION:
		return KindPermission
	case windows.ERROR_DIRECTORY, windows.ERROR_INVALID_NAME:
		return KindNotAFile
	case windows.ERROR_FILE_NOT_FOUND, windows.ERROR_PATH_NOT_FOUND:
		return KindNotFound
	case windows.ERROR_ALREADY_EXISTS, windows.ERROR_FILE_EXISTS, windows.ERROR_DIR_NOT_EMPTY:
		return KindExists
	}
	return KindOther
}

// dirWritable cannot be asked on Windows without writing; the error codes above say enough.
func dirWritable(string) error { return nil }

// freeSpace is the space left for the user on the disk that holds dir.
func freeSpace(dir string) (uint64, bool) {
	p, err := windows.UTF16PtrFromString(dir)
	if err != nil {
		return 0, false
	}
	var free uint64
	if err := windows.GetDiskFreeSpaceEx(p, &free, nil, nil); err != nil {
		return 0, false
	}
	return free, true
}
