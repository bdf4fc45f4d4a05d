//go:build unix

package data

import (
	"errors"
	"syscall"
)

// osKind reads the kind from the operating system's error number.
func osKind(err error) Kind {
	var en syscall.Errno
	if !errors.As(err, &en) {
		return KindOther
	}
	switch en {
	case syscall.ENOSPC, syscall.EDQUOT:
		return KindDiskFull
	case syscall.EROFS:
		return KindReadOnly
	case syscall.EACCES, syscall.EPERM:
		return KindPermission
	case syscall.EISDIR, syscall.ENOTDIR, syscall.ENXIO, syscall.ENODEV:
		return KindNotAFile
	case syscall.ENOENT:
		return KindNotFound
	case syscall.EEXIST, syscall.ENOTEMPTY:
		return KindExists
	case syscall.EIO:
		return KindIO
	}
	return KindOther
}

// dirWritable asks the kernel whether files can be created in dir, without creating one.
func dirWritable(dir string) error { return syscall.Access(dir, 2 /* W_OK */) }

// freeSpace is the space left for an unprivileged user on the disk that holds dir.
func freeSpace(dir string) (uint64, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return uint64(st.Bavail) * uint64(st.Bsize), true
}
