package data

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestSecondLockInTheSameProcessIsRefusedUntilReleased(t *testing.T) {
	db := filepath.Join(t.TempDir(), "党建 数据", "库.db") // folder not there yet: first start
	release, err := AcquireLock(db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = AcquireLock(db)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second acquire: %v, want ErrLocked", err)
	}
	if !strings.Contains(err.Error(), "已在另一个窗口中打开") || !strings.Contains(err.Error(), "用户 ") {
		t.Errorf("message %q does not say who holds it", err)
	}
	release()
	release() // harmless twice
	again, err := AcquireLock(db)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	again()
	if st, _ := os.Stat(LockPath(db)); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("lock file mode %v, want 0600", st.Mode().Perm())
	}
}

// TestLockHelperProcess is the other instance of TestLockHeldByAKilledProcessIsFreed: it
// takes the lock, says so, and waits to be killed.
func TestLockHelperProcess(t *testing.T) {
	db := helperDB(t, "DANGJIAN_LOCK_HELPER")
	if _, err := AcquireLock(db); err != nil {
		os.Stdout.WriteString("refused\n")
		os.Exit(3)
	}
	os.Stdout.WriteString("locked\n")
	time.Sleep(time.Hour) // not select{}: with no timer left the runtime would end a deadlocked process
}

func TestLockHeldByAKilledProcessIsFreed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	cmd, _ := startHelper(t, "TestLockHelperProcess", "DANGJIAN_LOCK_HELPER", db, "locked", 1)
	if _, err := AcquireLock(db); !errors.Is(err, ErrLocked) {
		t.Fatalf("while another process holds it: %v, want ErrLocked", err)
	}
	cmd.Process.Kill() // as a crash would: no release runs
	cmd.Wait()
	release, err := AcquireLock(db)
	if err != nil {
		t.Fatalf("after the holder was killed: %v", err)
	}
	release()
}
