//go:build unix

package data

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// The same database through a symlink is the same database: its lock is taken once, and a
// restore through the alias replaces the database the link points at, keeping the link.
func TestLockAndRestoreThroughASymlinkAreTheSameDatabase(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "数据", "库.db")
	os.MkdirAll(filepath.Dir(real), 0o700)
	alias := filepath.Join(dir, "别名.db")
	if err := os.Symlink(real, alias); err != nil {
		t.Fatal(err)
	}
	release, err := AcquireLock(real)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := AcquireLock(alias); !errors.Is(err, ErrLocked) {
		t.Fatalf("lock through the symlink while the file is locked: %v, want ErrLocked", err)
	}
	rel, err := filepath.Rel(mustGetwd(t), real)
	if err == nil {
		if _, err := AcquireLock(rel); !errors.Is(err, ErrLocked) {
			t.Fatalf("lock through a relative path: %v, want ErrLocked", err)
		}
	}
	release()

	backup := backedUp(t, real, "手动", 2, 3)
	if err := Restore(alias, backup); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(alias); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the symlink was replaced by a file (%v)", err)
	}
	if got := membersIn(t, real); got != 2 {
		t.Fatalf("%d members in the database the link points at, want the backup's 2", got)
	}
}

func mustGetwd(t *testing.T) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}
