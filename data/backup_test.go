package data

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func TestAutoBackupKeepsTheNewestTen(t *testing.T) {
	s := openTest(t)
	base := time.Date(2026, 11, 28, 9, 0, 0, 0, time.Local)
	for i := 0; i < 13; i++ {
		s.Now = func() time.Time { return base.Add(time.Duration(i) * time.Minute) }
		if _, err := s.AutoBackup("导入前"); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.Backups()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != KeepBackups {
		t.Fatalf("%d backups kept, want %d", len(list), KeepBackups)
	}
	if got := list[0].At.Format("15:04"); got != "09:12" {
		t.Errorf("newest backup at %s, want 09:12", got)
	}
	if list[0].Why != "导入前" {
		t.Errorf("why = %q", list[0].Why)
	}
	st, _ := os.Stat(list[0].Path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", st.Mode().Perm())
	}
	b, err := Open(list[0].Path)
	if err != nil {
		t.Fatalf("backup does not open: %v", err)
	}
	b.Close()
	_ = fmt.Sprint
}

func TestBackupsInTheSameSecondKeepTheirReason(t *testing.T) {
	s := openTest(t)
	for i := 0; i < 2; i++ {
		if _, err := s.AutoBackup("手动"); err != nil {
			t.Fatal(err)
		}
	}
	list, _ := s.Backups()
	if len(list) != 2 || list[0].Why != "手动" || list[1].Why != "手动" {
		t.Fatalf("backups = %+v", list)
	}
	if got := list[0].At.Format("2006-01-02 15:04:05"); got != "2026-11-28 10:00:00" {
		t.Errorf("time read from the name = %s", got)
	}
}
