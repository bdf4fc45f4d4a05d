package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A crafted file that only looks like a backup — the right user_version and a membership
// table, or a real backup missing one column, or one whose index disagrees with its table —
// is refused before anything is swapped; the database keeps its data.
func TestRestoreRefusesAFileWithoutTheWholeSchema(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "库.db")
	s := openWithMembers(t, path, 3)

	crafted := filepath.Join(dir, "crafted.db")
	rawExec(t, crafted,
		`CREATE TABLE membership(id INTEGER PRIMARY KEY, status TEXT)`,
		`INSERT INTO membership(status) VALUES ('正常')`,
		`PRAGMA user_version = 4`)

	column := filepath.Join(dir, "column.db")
	if err := s.BackupTo(column); err != nil {
		t.Fatal(err)
	}
	rawExec(t, column, `ALTER TABLE audit DROP COLUMN reason`)

	index := filepath.Join(dir, "index.db")
	if err := s.BackupTo(index); err != nil {
		t.Fatal(err)
	}
	rawExec(t, index,
		`PRAGMA writable_schema = ON`,
		`UPDATE sqlite_schema SET sql = 'CREATE INDEX membership_branch ON membership(person_id)' WHERE name = 'membership_branch'`,
		`UPDATE membership SET branch_id = branch_id`)
	s.Close()

	for name, file := range map[string]string{"只有一张表": crafted, "缺一列": column, "索引不符": index} {
		before, _ := os.ReadFile(path)
		err := Restore(path, file)
		if err == nil {
			t.Fatalf("%s: restored", name)
		}
		msg := Explain(err)
		t.Logf("%s: %s", name, msg)
		saysInChinese(t, name, strings.ReplaceAll(msg, "损坏", "坏"), "不能用来恢复", file)
		if after, _ := os.ReadFile(path); string(after) != string(before) {
			t.Fatalf("%s: the database was changed", name)
		}
	}
	if got := membersIn(t, path); got != 3 {
		t.Fatalf("%d members, want 3", got)
	}
}
