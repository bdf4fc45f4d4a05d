package desktop

import (
	"fmt"
	"path/filepath"
	"runtime"
)

// Open opens the file at path with the program the user set for its kind (Excel or WPS for
// .xlsx, a PDF reader for .pdf). It blocks until the program has been started or refused, so
// call it off the UI goroutine. The error wraps ErrNoProgram, ErrNotFound, ErrDenied or
// ErrOpenFailed.
func Open(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrNotFound, path)
	}
	return run(OpenLaunch(runtime.GOOS, abs))
}

// Reveal shows the folder that holds path, with the file selected where the system can.
func Reveal(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrNotFound, path)
	}
	return run(RevealLaunch(runtime.GOOS, abs))
}
