//go:build !windows

package desktop

import (
	"errors"
	"fmt"
	"os/exec"
	"time"
)

// openerWait is how long run waits for xdg-open to say whether it failed. Without a desktop
// environment xdg-open runs the program itself and returns only when it is closed, so a
// program still running after this long has opened the file.
const openerWait = 5 * time.Second

// run starts l's program and reports its failure from xdg-open's exit code: 2 the file is not
// there, 3 and 4 no program could open it.
func run(l Launch) error {
	cmd := exec.Command(l.File, l.Args...)
	cmd.Dir = l.Dir
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("%w: %s", ErrNoProgram, l.File)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return exitError(err, l)
	case <-time.After(openerWait):
		return nil
	}
}

func exitError(err error, l Launch) error {
	if err == nil {
		return nil
	}
	target := l.File
	if len(l.Args) > 0 {
		target = l.Args[len(l.Args)-1]
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		return fmt.Errorf("%w: %s", ErrOpenFailed, target)
	}
	switch exit.ExitCode() {
	case 2:
		return fmt.Errorf("%w: %s", ErrNotFound, target)
	case 3, 4:
		return fmt.Errorf("%w: %s", ErrNoProgram, target)
	}
	return fmt.Errorf("%w: %s", ErrOpenFailed, target)
}
