package data

import (
	"testing"
	"time"
)

// The office restores the oldest of the ten backups kept ("before last month's import"): the
// 恢复前 backup taken first must not prune the very file being restored.
func TestRestoringTheOldestKeptBackupRestoresIt(t *testing.T) {
	s := openTest(t)
	addMembers(t, s, 2)
	base := time.Date(2026, 11, 1, 9, 0, 0, 0, time.Local)
	var oldest string
	for i := 0; i < KeepBackups; i++ {
		s.Now = func() time.Time { return base.Add(time.Duration(i) * time.Hour) }
		p, err := s.AutoBackup("导入前")
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			oldest = p
		}
		addMembers(t, s, 1)
	}
	s.Now = func() time.Time { return base.Add(48 * time.Hour) }
	ns, err := s.RestoreFrom(oldest, "回到最早的备份")
	if ns != nil {
		t.Cleanup(func() { ns.Close() })
	}
	if err != nil {
		t.Fatalf("restoring the oldest kept backup: %v", err)
	}
	if got := countMembers(t, ns); got != 2 {
		t.Fatalf("%d members after restoring the oldest backup, want its 2", got)
	}
}
