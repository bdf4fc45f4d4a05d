package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sparse makes a file of size bytes that costs no disk: all zeros but its first bytes.
func sparse(t *testing.T, path string, head []byte, size int64) string {
	t.Helper()
	if err := os.WriteFile(path, head, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, size); err != nil {
		t.Fatal(err)
	}
	return path
}

// Every reader of an outside file bounds what it reads. Each of these ran the program out of
// memory (Go's "fatal error: out of memory", exit 2, a stack trace) or held a gigabyte: now each
// is refused with one Chinese line, exit 1, and the database is as it was.
func TestOversizedAndEndlessInputsAreRefused(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	zeroCSV := filepath.Join(dir, "名单.csv")
	if err := os.Symlink("/dev/zero", zeroCSV); err != nil {
		t.Fatal(err)
	}
	zeroXLSX := filepath.Join(dir, "目录.xlsx")
	if err := os.Symlink("/dev/zero", zeroXLSX); err != nil {
		t.Fatal(err)
	}
	hugeXLSX := sparse(t, filepath.Join(dir, "考评表.xlsx"), []byte("PK\x03\x04"), 2<<30)
	hugeCSV := sparse(t, filepath.Join(dir, "大名单.csv"), []byte("姓名,公民身份号码\n"), 300<<20)
	// One line of 3 MB: a roster's row is under 1 KB; encoding/csv holds a line whole in memory.
	longLine := filepath.Join(dir, "长行.csv")
	if err := os.WriteFile(longLine, append([]byte("姓名,公民身份号码\n张三,"), bytes.Repeat([]byte("1"), 3<<20)...), 0o600); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(db)
	for name, c := range map[string]struct {
		args []string
		say  string
	}{
		"eval import /dev/zero":            {[]string{"eval", "import", "/dev/zero"}, "不是普通文件"},
		"eval import 2 GB sparse .xlsx":    {[]string{"eval", "import", hugeXLSX}, "超过可导入的上限"},
		"import roster CSV → /dev/zero":    {[]string{"import", "roster", zeroCSV}, "不是普通文件"},
		"import roster 300 MB CSV":         {[]string{"import", "roster", hugeCSV}, "超过可导入的上限"},
		"import roster 3 MB line":          {[]string{"import", "roster", longLine}, "有一行超过 1 MB"},
		"import roster -dry-run 3 MB line": {[]string{"import", "roster", longLine, "-dry-run"}, "有一行超过 1 MB"},
		"ab import .xlsx → /dev/zero":      {[]string{"ab", "import", zeroXLSX}, "不是普通文件"},
		"ab import 2 GB sparse .xlsx":      {[]string{"ab", "import", hugeXLSX}, "超过可导入的上限"},
	} {
		_, e, code := cli(t, append([]string{"-db", db}, c.args...)...)
		if code != 1 || strings.Count(strings.TrimSpace(e), "\n") != 0 || !strings.Contains(e, c.say) {
			t.Errorf("%s: exit %d, stderr %q; want exit 1 and one line saying %q", name, code, e, c.say)
		}
	}
	if now, _ := os.ReadFile(db); !bytes.Equal(now, before) {
		t.Error("a refused input changed the database")
	}
}
