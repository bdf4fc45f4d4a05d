package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// openTest opens a fresh store in a temp dir with the clock pinned to 2026-11-28.
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return time.Date(2026, 11, 28, 10, 0, 0, 0, time.Local) }
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenCreatesSchemaAndReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var v int
	s.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != SchemaVersion() || v < 2 {
		t.Fatalf("user_version = %d, want %d", v, SchemaVersion())
	}
	s.Close()
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("database mode %v, want 0600", st.Mode().Perm())
	}
	s, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	s.Close()
}

func TestOpenUpgradesOlderDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	// A file as the first version wrote it: only migration 001, user_version 1.
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(ms[0].sql); err != nil {
		t.Fatal(err)
	}
	raw.Exec(`INSERT INTO unit(name, kind) VALUES ('旧单位', '实验室')`)
	raw.Exec("PRAGMA user_version = 1")
	raw.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer s.Close()
	if _, err := s.db.Exec("INSERT INTO audit(at, action) VALUES ('x','y')"); err != nil {
		t.Fatalf("audit table missing after upgrade: %v", err)
	}
	units, _ := s.Units(context.Background())
	if len(units) != 1 || units[0].Name != "旧单位" {
		t.Errorf("records lost in the upgrade: %+v", units)
	}
	var v int
	s.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != SchemaVersion() {
		t.Errorf("user_version = %d after upgrade, want %d", v, SchemaVersion())
	}
}

func TestOpenRefusesNewerDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	s, _ := Open(path)
	s.db.Exec("PRAGMA user_version = 999")
	s.Close()
	_, err := Open(path)
	if !errors.Is(err, ErrNewerDatabase) || !strings.Contains(err.Error(), path) {
		t.Fatalf("err = %v, want newer-database error naming the file", err)
	}
}

func TestOpenRefusesNonSQLiteAndLeavesItAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	content := []byte("这不是数据库，只是一段文字。\n")
	os.WriteFile(path, content, 0o644)
	_, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "不是") {
		t.Fatalf("err = %v", err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != string(content) {
		t.Fatal("the refused file was modified")
	}
}

func TestOpenRefusesCorruptDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.db")
	s, _ := Open(path)
	for i := 0; i < 200; i++ {
		s.db.Exec("INSERT INTO unit(name) VALUES (?)", strings.Repeat("x", 200)+string(rune('a'+i%26))+time.Now().String())
	}
	s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	s.Close()
	b, _ := os.ReadFile(path)
	for i := 4096 + 100; i < len(b) && i < 4096*4; i++ {
		b[i] = 0xA5
	}
	os.WriteFile(path, b, 0o600)
	before, _ := os.ReadFile(path)
	_, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), "损坏") {
		t.Fatalf("err = %v, want a damaged-file message", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Fatal("the damaged file was modified")
	}
}

func TestExplainSaysLowLevelErrorsInChinese(t *testing.T) {
	s := openTest(t)
	// A real foreign-key refusal from SQLite, as an undo or delete could meet it.
	_, err := s.db.Exec(`INSERT INTO membership(person_id, branch_id) VALUES (999, 999)`)
	if err == nil {
		t.Fatal("the foreign key was not enforced")
	}
	if got := Explain(err); !strings.Contains(got, "仍被其他记录引用") || strings.Contains(got, "constraint") {
		t.Errorf("Explain(%v) = %q", err, got)
	}
	wrapped := fmt.Errorf("无法写入 /tmp/花名册.xlsx：%w", errors.New("open /tmp/.~x: permission denied"))
	if got := Explain(wrapped); got != "无法写入 /tmp/花名册.xlsx：没有权限读写该文件或文件夹；请换一个位置，或关闭正在使用它的程序" {
		t.Errorf("Explain(%v) = %q", wrapped, got)
	}
	mine := errors.New("身份证号校验位不符")
	if Explain(mine) != mine.Error() {
		t.Error("a Chinese sentence of ours must pass through unchanged")
	}
}
