package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Ten backups dated after the clock (a PC whose clock ran ahead, or files copied in) made the
// new 导入前 backup the oldest by name, and it was pruned at once. The backup just taken is
// never pruned; the others go by when they were written, not by the time in their names.
func TestTheBackupJustTakenIsKeptWhateverTheOthersAreNamed(t *testing.T) {
	s := openTest(t)
	ahead := time.Date(2031, 1, 1, 9, 0, 0, 0, time.Local)
	for i := 0; i < KeepBackups; i++ {
		s.Now = func() time.Time { return ahead.Add(time.Duration(i) * time.Minute) }
		if _, err := s.AutoBackup("每日"); err != nil {
			t.Fatal(err)
		}
	}
	s.Now = func() time.Time { return time.Date(2026, 11, 28, 10, 0, 0, 0, time.Local) }
	addMembers(t, s, 2)
	taken, err := s.AutoBackup("导入前")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(taken); err != nil {
		t.Fatalf("the backup just taken was pruned: %v", err)
	}
	list, _ := s.Backups()
	if len(list) != KeepBackups || list[0].Path != taken {
		t.Fatalf("%d backups, newest %s; want %d with the one just taken first", len(list), filepath.Base(list[0].Path), KeepBackups)
	}
	if c, err := InspectBackup(taken); err != nil || c.Members != 2 {
		t.Fatalf("the backup just taken holds %+v, %v", c, err)
	}
}

// Backups are named after the database file, so two databases side by side keep apart; the
// old dangjian-… names are still listed.
func TestBackupsAreNamedAfterTheDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "二支部.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Now = func() time.Time { return time.Date(2026, 11, 28, 10, 0, 0, 0, time.Local) }
	taken, err := s.AutoBackup("手动")
	if err != nil {
		t.Fatal(err)
	}
	if got := filepath.Base(taken); got != "二支部-20261128-100000-手动.db" {
		t.Errorf("backup named %s, want 二支部-20261128-100000-手动.db", got)
	}
	old := filepath.Join(s.BackupDir(), "dangjian-20261127-090000-每日.db")
	if err := s.BackupTo(old); err != nil {
		t.Fatal(err)
	}
	list, _ := s.Backups()
	var names []string
	for _, b := range list {
		names = append(names, filepath.Base(b.Path)+"/"+b.Why)
	}
	if len(list) != 2 || !strings.Contains(strings.Join(names, " "), "dangjian-20261127-090000-每日.db/每日") {
		t.Fatalf("backups listed: %v", names)
	}
}
