package data

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestTempHelperProcess is the killed run of TestTempFilesOfAKilledRunAreSwept: it opens the
// store, writes a temporary copy as a backup or excelize would, says where, and waits to be
// killed.
func TestTempHelperProcess(t *testing.T) {
	db := helperDB(t, "DANGJIAN_TEMP_HELPER")
	s, err := Open(db)
	if err != nil {
		os.Stdout.WriteString("refused " + err.Error() + "\n")
		os.Exit(3)
	}
	copyPath, err := s.temp.file("backup-*.db")
	if err != nil {
		os.Exit(3)
	}
	sheet, err := os.CreateTemp(TempDir(), "excelize-") // as excelize does with Options.TmpDir
	if err != nil {
		os.Exit(3)
	}
	sheet.WriteString("张三,110101199003074514,13800138000")
	os.Stdout.WriteString("ready\n" + copyPath + "\n" + sheet.Name() + "\n")
	time.Sleep(time.Hour) // not select{}: with no timer left the runtime would end a deadlocked process
	s.Close()
}

// A run killed mid-way leaves its temporary copies private (0600 in a 0700 folder beside the
// database, not in the system temp folder), and the next start removes them; a live run's
// files are left alone.
func TestTempFilesOfAKilledRunAreSwept(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file modes are Unix")
	}
	old := setUmask(0) // the worst case the attack used: umask 000
	defer setUmask(old)
	dir := t.TempDir()
	db := filepath.Join(dir, "库.db")
	s, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// what earlier versions left at 0644
	os.MkdirAll(filepath.Join(dir, "backups"), 0o700)
	leftovers := []string{db + ".restore-1764288000", filepath.Join(dir, "backups", "库-20261128-100000-导入前.db.part")}
	for _, p := range leftovers {
		os.WriteFile(p, []byte("身份证号"), 0o644)
	}

	start := func() (*exec.Cmd, []string) {
		cmd, lines := startHelper(t, "TestTempHelperProcess", "DANGJIAN_TEMP_HELPER", db, "ready", 3)
		return cmd, lines[1:]
	}
	killed, files := start()
	killed.Process.Kill() // as kill -9 would: nothing cleans up
	killed.Wait()
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			t.Fatalf("no leftover to check: %v", err)
		}
		if !strings.HasPrefix(f, db+".tmp"+string(filepath.Separator)) {
			t.Errorf("temporary file %s is not in the private folder beside the database", f)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", filepath.Base(f), st.Mode().Perm())
		}
		if dst, _ := os.Stat(filepath.Dir(f)); dst.Mode().Perm() != 0o700 {
			t.Errorf("folder %s mode %v, want 0700", filepath.Dir(f), dst.Mode().Perm())
		}
	}
	if st, _ := os.Stat(db + ".tmp"); st == nil || st.Mode().Perm() != 0o700 {
		t.Errorf("private folder missing or not 0700: %v", st)
	}

	_, liveFiles := start() // killed when the test ends
	s, err = Open(db)       // the next start
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, f := range append(files, leftovers...) {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s of the killed run is still there", f)
		}
	}
	for _, f := range liveFiles {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("a live run's file %s was swept: %v", f, err)
		}
	}
	// and a backup written now is 0600 even under umask 000
	p, err := s.AutoBackup("手动")
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", st.Mode().Perm())
	}
}
