package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data/disktest"
)

// A healthy database on a disk that filled up: SQLite cannot create its -shm, so it does not
// open. That is no damage — restore must refuse, saying the disk is full, and leave the file
// where it is (it used to be moved aside as 损坏 and the next start opened an empty database).
func TestRestoreOnAFullDiskLeavesTheHealthyDatabaseInPlace(t *testing.T) {
	disk := disktest.SmallDisk(t, "4m")
	path := filepath.Join(disk, "库.db")
	s := openWithMembers(t, path, 5)
	backup := filepath.Join(t.TempDir(), "备份.db")
	if err := s.BackupTo(backup); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	disktest.Fill(t, disk)

	err := Restore(path, backup)
	if err == nil {
		t.Fatal("restore on a full disk reported success")
	}
	t.Logf("refusal: %v", err)
	if !strings.Contains(Explain(err), "磁盘已满") {
		t.Errorf("refusal %q does not say the disk is full", Explain(err))
	}
	if aside, _ := filepath.Glob(path + ".损坏-*"); len(aside) != 0 {
		t.Errorf("the healthy database was moved aside as damaged: %v", aside)
	}
	after, err := os.ReadFile(path)
	if err != nil || string(after) != string(before) {
		t.Fatalf("the database is not in place unchanged (%v)", err)
	}
	os.Remove(filepath.Join(disk, "filler"))
	if got := membersIn(t, path); got != 5 {
		t.Fatalf("%d members after freeing the disk, want 5", got)
	}
}
