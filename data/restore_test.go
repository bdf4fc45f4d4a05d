package data

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data/disktest"
)

// addMembers puts n members into a branch directly, as an import would.
// openWithMembers opens (or creates) the database at path and adds n members; the caller
// closes it.
func openWithMembers(t *testing.T, path string, n int) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	addMembers(t, s, n)
	return s
}

func addMembers(t *testing.T, s *Store, n int) {
	t.Helper()
	var branch int64
	if err := s.db.QueryRow(`SELECT id FROM org WHERE name='测试支部'`).Scan(&branch); err != nil {
		res, err := s.db.Exec(`INSERT INTO org(type_code, name) VALUES (631, '测试支部')`)
		if err != nil {
			t.Fatal(err)
		}
		branch, _ = res.LastInsertId()
	}
	for i := 0; i < n; i++ {
		res, err := s.db.Exec(`INSERT INTO person(name) VALUES (?)`, "党员")
		if err != nil {
			t.Fatal(err)
		}
		pid, _ := res.LastInsertId()
		if _, err := s.db.Exec(`INSERT INTO membership(person_id, branch_id) VALUES (?,?)`, pid, branch); err != nil {
			t.Fatal(err)
		}
	}
}

// backedUp makes the database at path with n members, backs it up (why) and adds more after
// the backup; it returns the backup, the database closed.
func backedUp(t *testing.T, path, why string, n, more int) string {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	addMembers(t, s, n)
	backup, err := s.AutoBackup(why)
	if err != nil {
		t.Fatal(err)
	}
	addMembers(t, s, more)
	return backup
}

// membersIn is how many memberships the database at path holds, as it opens after the fact.
func membersIn(t *testing.T, path string) int {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("the database %s does not open: %v", path, err)
	}
	defer s.Close()
	return countMembers(t, s)
}

func countMembers(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM membership`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestRestoreFromPutsBackTheBackupAndKeepsTheCurrentState(t *testing.T) {
	s := openTest(t)
	addMembers(t, s, 3)
	backup, err := s.AutoBackup("手动")
	if err != nil {
		t.Fatal(err)
	}
	if c, err := InspectBackup(backup); err != nil || c.Members != 3 || c.Version != SchemaVersion() {
		t.Fatalf("InspectBackup = %+v, %v; want 3 members", c, err)
	}
	addMembers(t, s, 4) // work done after the backup, which restoring throws away
	s.Now = func() time.Time { return time.Date(2026, 11, 28, 11, 0, 0, 0, time.Local) }

	ns, err := s.RestoreFrom(backup, "误删后恢复")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ns.Close() })
	if got := countMembers(t, ns); got != 3 {
		t.Fatalf("%d members after restore, want the backup's 3", got)
	}
	list, _ := ns.Backups()
	var pre string
	for _, b := range list {
		if b.Why == "恢复前" {
			pre = b.Path
		}
	}
	if c, err := InspectBackup(pre); err != nil || c.Members != 7 {
		t.Fatalf("恢复前 backup holds %+v, %v; want the 7 members before the restore", c, err)
	}
	log, _ := ns.AuditLog(context.Background(), AuditFilter{Action: "恢复备份"})
	if len(log) != 1 || log[0].Reason != "误删后恢复" || log[0].Subject != filepath.Base(backup) {
		t.Fatalf("audit = %+v", log)
	}
	if st, _ := os.Stat(ns.Path()); st.Mode().Perm() != 0o600 {
		t.Errorf("restored database mode %v, want 0600", st.Mode().Perm())
	}
}

func TestRestoreRefusesFilesThatAreNoGoodBackup(t *testing.T) {
	s := openTest(t)
	addMembers(t, s, 2)
	dir := t.TempDir()
	text := filepath.Join(dir, "名单.xlsx")
	os.WriteFile(text, []byte("PK\x03\x04 not a database"), 0o600)
	newer := filepath.Join(dir, "newer.db")
	if err := s.BackupTo(newer); err != nil {
		t.Fatal(err)
	}
	nw, _ := Open(newer)
	nw.db.Exec(`PRAGMA user_version = 99`)
	nw.Close()
	damaged := filepath.Join(dir, "damaged.db")
	if err := s.BackupTo(damaged); err != nil {
		t.Fatal(err)
	}
	disktest.Damage(t, damaged)
	other := filepath.Join(dir, "other.db")
	rawExec(t, other, `CREATE TABLE x(a)`)

	for name, path := range map[string]string{
		"不是 SQLite": text, "更新版本": newer, "已损坏": damaged, "别的程序": other, "不存在": filepath.Join(dir, "none.db"),
	} {
		ns, err := s.RestoreFrom(path, "")
		if err == nil {
			t.Fatalf("%s: restore accepted %s", name, path)
		}
		t.Logf("%s: %v", name, err)
		if ns != s {
			t.Fatalf("%s: store closed although the file was refused", name)
		}
		if strings.Contains(err.Error(), "sqlite") || !strings.ContainsAny(err.Error(), "备份数据库") {
			t.Errorf("%s: message %q is not a clear Chinese sentence", name, err)
		}
	}
	if got := countMembers(t, s); got != 2 {
		t.Fatalf("%d members after refused restores, want 2 untouched", got)
	}
	list, _ := s.Backups()
	for _, b := range list {
		if b.Why == "恢复前" {
			t.Fatal("a refused restore took a 恢复前 backup")
		}
	}
}

func TestRestoreOverADamagedDatabaseKeepsTheDamagedFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "党建 数据")
	path := filepath.Join(dir, "我的 库.db")
	backup := backedUp(t, path, "每日", 5, 1)
	disktest.Damage(t, path)
	if _, err := Open(path); err == nil {
		t.Fatal("damaged file opened")
	}
	damagedBytes, _ := os.ReadFile(path)

	if err := Restore(path, backup); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("restored database does not open: %v", err)
	}
	defer s.Close()
	if got := countMembers(t, s); got != 5 {
		t.Fatalf("%d members, want the backup's 5", got)
	}
	kept, _ := filepath.Glob(path + ".损坏-*")
	if len(kept) != 1 {
		t.Fatalf("damaged file not kept beside the database: %v", kept)
	}
	if b, _ := os.ReadFile(kept[0]); string(b) != string(damagedBytes) {
		t.Fatal("the damaged file was changed")
	}
	if log, _ := s.AuditLog(context.Background(), AuditFilter{Action: "恢复备份"}); len(log) != 1 {
		t.Fatalf("audit = %+v", log)
	}
}

func TestDailyBackupOncePerDay(t *testing.T) {
	s := openTest(t)
	day := time.Date(2026, 11, 28, 8, 0, 0, 0, time.Local)
	for i, at := range []time.Time{day, day.Add(2 * time.Hour), day.Add(9 * time.Hour), day.AddDate(0, 0, 1)} {
		s.Now = func() time.Time { return at }
		path, err := s.DailyBackup()
		if err != nil {
			t.Fatal(err)
		}
		wantNew := i == 0 || i == 3
		if (path != "") != wantNew {
			t.Errorf("start %d at %s: backup %q, want new=%v", i, at.Format("01-02 15:04"), path, wantNew)
		}
	}
	list, _ := s.Backups()
	if len(list) != 2 || list[0].Why != "每日" {
		t.Fatalf("backups = %+v, want two 每日", list)
	}
}

// FuzzInspectBackup: any file a user picks as a backup is refused with a message or accepted as
// a database of this app; it never panics and is never changed.
func FuzzInspectBackup(f *testing.F) {
	dir := f.TempDir()
	s, err := Open(filepath.Join(dir, "seed.db"))
	if err != nil {
		f.Fatal(err)
	}
	good := filepath.Join(dir, "good.db")
	s.BackupTo(good)
	s.Close()
	b, _ := os.ReadFile(good)
	f.Add(b)
	f.Add([]byte("SQLite format 3\x00"))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, content []byte) {
		path := filepath.Join(t.TempDir(), "b.db")
		os.WriteFile(path, content, 0o600)
		_, err := InspectBackup(path)
		if err != nil && strings.ContainsAny(err.Error(), "\n") {
			t.Fatalf("message not one line: %q", err)
		}
		after, _ := os.ReadFile(path)
		if string(after) != string(content) {
			t.Fatal("InspectBackup changed the file")
		}
	})
}
