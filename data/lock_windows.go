//go:build windows

package data

import (
	"os"

	"golang.org/x/sys/windows"
)

// The locked byte lies far beyond the file's text, so another instance can still read who
// holds the lock (Windows forbids reading a locked range).
const lockOffsetHigh = 1

// lockFile takes an exclusive LockFileEx without waiting; Windows drops it when the process dies.
func lockFile(f *os.File) error {
	ol := windows.Overlapped{OffsetHigh: lockOffsetHigh}
	return windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
}

func unlockFile(f *os.File) error {
	ol := windows.Overlapped{OffsetHigh: lockOffsetHigh}
	return windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, &ol)
}
