package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"dangjian/data"
)

func TestBackupThenRestoreThroughTheCommandLine(t *testing.T) {
	db := demoDB(t)
	out, e, code := cli(t, "-db", db, "backup")
	if code != 0 || !strings.Contains(out, "名党员") {
		t.Fatalf("backup: %d %q %q", code, out, e)
	}
	members, _, _ := cli(t, "-db", db, "members")
	want := len(strings.Split(strings.TrimSpace(members), "\n"))
	if !strings.Contains(out, "（"+strconv.Itoa(want)+" 名党员）") {
		t.Errorf("backup says %q, want %d members", out, want)
	}
	copyTo := filepath.Join(t.TempDir(), "U盘 备份", "周五.db")
	if _, e, code := cli(t, "-db", db, "backup", copyTo); code != 0 {
		t.Fatalf("backup OUT: %d %s", code, e)
	}
	if _, e, code := cli(t, "-db", db, "backup", copyTo); code != 1 || !strings.Contains(e, "已存在") {
		t.Errorf("backup over an existing file: %d %q, want a refusal", code, e)
	}
	list, _, code := cli(t, "-db", db, "backup", "-list")
	if code != 0 || !strings.Contains(list, "手动") || !strings.Contains(list, "完好") {
		t.Fatalf("backup -list: %d %q", code, list)
	}

	// Someone removes every member; the restore brings them back.
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	raw := rawDB(t, s)
	if _, err := raw.Exec(`DELETE FROM membership`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	s.Close()
	if m, _, _ := cli(t, "-db", db, "members"); strings.TrimSpace(m) != "" {
		t.Fatal("members still there after the delete")
	}
	out, e, code = cli(t, "-db", db, "restore", copyTo)
	if code != 0 || !strings.Contains(out, "已从") {
		t.Fatalf("restore: %d %q %q", code, out, e)
	}
	after, _, _ := cli(t, "-db", db, "members")
	if after != members {
		t.Fatalf("after restore %d member lines, want %d", len(strings.Split(after, "\n")), want)
	}
	list, _, _ = cli(t, "-db", db, "backup", "-list")
	if !strings.Contains(list, "恢复前") || !strings.Contains(list, "\t0 名党员") {
		t.Errorf("no 恢复前 backup with the emptied state: %q", list)
	}
}

func TestRestoreRefusedWhileTheAppHoldsTheDatabase(t *testing.T) {
	db := demoDB(t)
	bak := filepath.Join(t.TempDir(), "b.db")
	if _, e, code := cli(t, "-db", db, "backup", bak); code != 0 {
		t.Fatal(e)
	}
	release, err := data.AcquireLock(db) // the desktop app is running on it
	if err != nil {
		t.Fatal(err)
	}
	_, e, code := cli(t, "-db", db, "restore", bak)
	release()
	if code != 1 || !strings.Contains(e, "另一个窗口") {
		t.Fatalf("restore while locked: %d %q", code, e)
	}
	if _, e, code := cli(t, "-db", db, "restore"); code != 2 {
		t.Errorf("restore without a file: %d %q, want usage error", code, e)
	}
	notDB := filepath.Join(t.TempDir(), "名单.xlsx")
	os.WriteFile(notDB, []byte("PK\x03\x04"), 0o600)
	if _, e, code := cli(t, "-db", db, "restore", notDB); code != 1 || !strings.Contains(e, "不是本程序的备份") {
		t.Errorf("restore from a non-database: %d %q", code, e)
	}
}
