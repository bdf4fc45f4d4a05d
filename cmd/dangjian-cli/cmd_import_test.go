package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type summary struct {
	File      string `json:"file"`
	Rows      int    `json:"rows"`
	Imported  int    `json:"imported"`
	Updated   int    `json:"updated"`
	Unchanged int    `json:"unchanged"`
	Rejected  int    `json:"rejected"`
	Errors    []struct {
		Sheet, Column, Code, Message string
		Row                          int
	} `json:"errors"`
}

func importJSON(t *testing.T, args ...string) summary {
	t.Helper()
	out, e, code := cli(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d, %s", args, code, e)
	}
	var s summary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("not one JSON object: %q", out)
	}
	if s.Imported+s.Updated+s.Unchanged+s.Rejected != s.Rows {
		t.Fatalf("counts do not add up: %+v", s)
	}
	return s
}

// Export then import: every row unchanged.
func TestCLIExportImportRoundTrip(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "花名册.xlsx")
	if o, e, code := cli(t, "-db", db, "export", "roster", out); code != 0 || !strings.Contains(o, "已导出") {
		t.Fatalf("export: %d %s %s", code, o, e)
	}
	s := importJSON(t, "-db", db, "import", "roster", out, "-json")
	if s.Rows < 300 || s.Unchanged != s.Rows {
		t.Fatalf("round trip should be all unchanged: %+v", s)
	}
	if _, _, code := cli(t, "-db", db, "export", "roster", filepath.Join(t.TempDir(), "b.xlsx"), "-branch", "没有这个支部"); code != 1 {
		t.Errorf("an unknown branch must be refused, exit %d", code)
	}
}

func newRosterFile(t *testing.T) string {
	t.Helper()
	p := writeSheet(t, "新党员.xlsx", [][]any{
		{"姓名", "公民身份号码", "所在党支部", "入党日期"},
		{"新甲", testID(1980, 1), "新建的党支部", "2005-07-01"},
		{"新乙", testID(1981, 2), "新建的党支部", "2006年7月"},
		{"号码坏", "3401041980", "新建的党支部", "2006-07-01"},
	})
	return p
}

func TestCLIImportUnknownBranch(t *testing.T) {
	db := demoDB(t)
	file := newRosterFile(t)
	rej := filepath.Join(t.TempDir(), "错误行.xlsx")
	s := importJSON(t, "-db", db, "import", "roster", file, "-json", "-dry-run", "-rejects", rej)
	if s.Rejected != 3 || s.Errors[0].Code != "branch_unknown" || !strings.Contains(s.Errors[0].Message, "-create-branches") {
		t.Fatalf("without -create-branches rows of an unknown branch are rejected: %+v", s)
	}
	if _, err := os.Stat(rej); err != nil {
		t.Errorf("-rejects file not written: %v", err)
	}
	s = importJSON(t, "-db", db, "import", "roster", file, "-json", "-create-branches")
	if s.Imported != 2 || s.Rejected != 1 || s.Errors[0].Code != "id_invalid" || s.Errors[0].Row != 4 || s.Errors[0].Column != "公民身份号码" {
		t.Fatalf("with -create-branches: %+v", s)
	}
	out, _, _ := cli(t, "-db", db, "members", "-branch", "新建的党支部")
	if !strings.Contains(out, "新甲") || !strings.Contains(out, "新乙") {
		t.Errorf("imported members not listed: %q", out)
	}
	orgs, _, _ := cli(t, "-db", db, "orgs")
	if !strings.Contains(orgs, "新建的党支部") {
		t.Errorf("branch not created: %q", orgs)
	}
}

// A refused file: exit 1, one line on stderr, nothing changed.
func TestCLIImportRefused(t *testing.T) {
	db := demoDB(t)
	before, _, _ := cli(t, "-db", db, "members")
	dir := t.TempDir()
	xls := filepath.Join(dir, "旧表.xls")
	os.WriteFile(xls, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), 0o600)
	txt := filepath.Join(dir, "假的.xlsx")
	os.WriteFile(txt, []byte("姓名,身份证号\n"), 0o600)
	for file, want := range map[string]string{xls: "请另存为 .xlsx 后再导入", txt: "不是 Excel 工作簿"} {
		out, e, code := cli(t, "-db", db, "import", "roster", file, "-json")
		if code != 1 || !strings.Contains(e, want) || strings.Count(strings.TrimSpace(e), "\n") != 0 || out != "" {
			t.Errorf("%s: exit %d, stderr %q, stdout %q", filepath.Base(file), code, e, out)
		}
	}
	if after, _, _ := cli(t, "-db", db, "members"); after != before {
		t.Error("a refused import changed the roster")
	}
	if _, _, code := cli(t, "-db", db, "import", "members.xlsx"); code != 2 {
		t.Errorf("wrong usage must exit 2, got %d", code)
	}
}
