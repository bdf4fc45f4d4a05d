package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dangjian/data/disktest"
)

// englishWord is a run of Latin letters, as in "SQL logic error", "open", "mkdir": once the
// paths are taken out, a user's sentence has none.
var englishWord = regexp.MustCompile(`[A-Za-z]{3,}|\(\d+\)`)

// saysInChinese fails unless msg is our sentence: no English or Go text outside the paths it
// names, and none of the words in avoid.
func saysInChinese(t *testing.T, name, msg string, want string, paths ...string) {
	t.Helper()
	rest := msg
	for _, p := range paths {
		rest = strings.ReplaceAll(rest, p, "")
	}
	if w := englishWord.FindString(rest); w != "" {
		t.Errorf("%s: %q leaks %q", name, msg, w)
	}
	if !strings.Contains(msg, want) {
		t.Errorf("%s: %q does not say %q", name, msg, want)
	}
	if want != "损坏" && strings.Contains(msg, "损坏") {
		t.Errorf("%s: %q calls a healthy file damaged", name, msg)
	}
}

// A damaged file or a newer app's file in rollback-journal mode — the app's own backups are
// such files — is refused without a byte of it changing (setting WAL mode used to rewrite its
// header before the checks ran, although the message said 文件未被修改).
func TestOpenRefusesRollbackModeFilesByteForByteUnchanged(t *testing.T) {
	s := openTest(t)
	addMembers(t, s, 3)
	dir := t.TempDir()
	damaged := filepath.Join(dir, "damaged.db")
	if err := s.BackupTo(damaged); err != nil {
		t.Fatal(err)
	}
	disktest.Damage(t, damaged)
	newer := filepath.Join(dir, "newer.db")
	if err := s.BackupTo(newer); err != nil {
		t.Fatal(err)
	}
	rawExec(t, newer, `PRAGMA user_version = 99`)
	for name, path := range map[string]string{"已损坏": damaged, "更新版本": newer} {
		before, _ := os.ReadFile(path)
		if before[18] != 1 || before[19] != 1 {
			t.Fatalf("%s: not a rollback-journal file (header %v)", name, before[18:20])
		}
		if _, err := Open(path); err == nil {
			t.Fatalf("%s: opened", name)
		}
		after, _ := os.ReadFile(path)
		if string(after) != string(before) {
			for i := range before {
				if i < len(after) && before[i] != after[i] {
					t.Errorf("%s: byte %d changed from %#x to %#x", name, i, before[i], after[i])
				}
			}
			t.Fatalf("%s: the refused file was modified", name)
		}
		for _, suffix := range []string{"-wal", "-shm", "-journal"} {
			if _, err := os.Stat(path + suffix); err == nil {
				t.Errorf("%s: %s left beside the refused file", name, suffix)
			}
		}
	}
}

// A folder, a device or a path through a file in place of the database is said to be what it
// is — not 已损坏…请从备份恢复 — and nothing of Go's or SQLite's English reaches the user.
func TestOpenRefusesWhatIsNoDatabaseFileInChinese(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "数据库.db")
	os.Mkdir(folder, 0o700)
	file := filepath.Join(dir, "笔记.txt")
	os.WriteFile(file, []byte("x"), 0o600)
	for _, c := range []struct{ name, path, want string }{
		{"文件夹", folder, "不是一个普通文件"},
		{"设备", os.DevNull, "不是一个普通文件"},
		{"文件下的路径", filepath.Join(file, "库.db"), "不是一个普通文件"},
	} {
		_, err := Open(c.path)
		if err == nil {
			t.Fatalf("%s: opened", c.name)
		}
		saysInChinese(t, c.name, Explain(err), c.want, c.path, filepath.Dir(c.path))
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode().IsRegular() {
		t.Fatal(os.DevNull + " changed")
	}
}

// SQLite's and the system's own words, wrapped under our opening clause, come out as the
// sentence for their kind.
func TestExplainReplacesDriverAndSystemText(t *testing.T) {
	s := openTest(t)
	dir := t.TempDir()
	_, sqlErr := s.db.Exec(`SELECT * FROM nosuch`)
	_, openErr := os.Open(filepath.Join(dir, "没有.xlsx"))
	file := filepath.Join(dir, "a.txt")
	os.WriteFile(file, []byte("x"), 0o600)
	mkdirErr := os.MkdirAll(filepath.Join(file, "sub"), 0o700)
	full := filepath.Join(dir, "full")
	os.MkdirAll(filepath.Join(full, "x"), 0o700)
	renameErr := os.Rename(filepath.Join(dir, "full", "x"), dir)
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"SQL logic error", fmt.Errorf("导入失败：%w", sqlErr), "导入失败"},
		{"open", fmt.Errorf("无法读取 %s：%w", filepath.Join(dir, "没有.xlsx"), openErr), "找不到"},
		{"mkdir", fmt.Errorf("无法创建文件夹：%w", mkdirErr), "不是一个普通文件"},
		{"rename", fmt.Errorf("无法替换：%w", renameErr), "已有同名"},
		{"bare", renameErr, "已有同名"},
	} {
		if c.err == nil || errors.Unwrap(c.err) == nil && c.name != "bare" {
			t.Fatalf("%s: no error to explain", c.name)
		}
		saysInChinese(t, c.name, Explain(c.err), c.want, filepath.Join(dir, "没有.xlsx"), dir)
	}
}

// The writer's lock, taken before Open, refuses a folder or a device too, without making a
// lock file beside it (/dev/null.lock).
func TestLockRefusesWhatIsNoDatabaseFile(t *testing.T) {
	folder := t.TempDir()
	for _, p := range []string{folder, os.DevNull} {
		_, lockedBefore := os.Stat(p + ".lock")
		release, err := AcquireLock(p)
		if err == nil {
			release()
			t.Fatalf("%s: locked", p)
		}
		saysInChinese(t, p, Explain(err), "不是一个普通文件", p)
		if _, after := os.Stat(p + ".lock"); lockedBefore != nil && after == nil {
			os.Remove(p + ".lock")
			t.Errorf("%s: a lock file was made beside it", p)
		}
	}
}
