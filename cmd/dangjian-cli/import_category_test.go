package main

import (
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data/civil"
	"dangjian/data/idcard"
)

// A roster without a category column: a member who joined years ago and has no 转正日期 is not
// silently 正式党员; the import says the row needs a decision, in the text and the dry run.
func TestCLIImportFlagsAnUndecidedCategory(t *testing.T) {
	db := filepath.Join(t.TempDir(), "库.db")
	if _, e, code := cli(t, "-db", db, "init", "-name", "中共某某研究院委员会"); code != 0 {
		t.Fatal(e)
	}
	id := idcard.Make("340104", civil.Date(1980, 3, 3), 1, true)
	file := writeSheet(t, "无类别.xlsx", [][]any{
		{"姓名", "公民身份号码", "所在党支部", "入党日期"},
		{"甲", id, "一支部", "2015-07-01"},
	})
	for _, dry := range []bool{true, false} {
		args := []string{"-db", db, "import", "roster", file, "-create-branches"}
		if dry {
			args = append(args, "-dry-run")
		}
		out, e, code := cli(t, args...)
		if code != 0 || !strings.Contains(out, "需确认") || !strings.Contains(out, "第 2 行") {
			t.Errorf("dry-run %v: exit %d, %q %q; want the row flagged", dry, code, out, e)
		}
	}
	if ms, _, _ := cli(t, "-db", db, "members", "-json"); !strings.Contains(ms, `"category":"预备党员"`) {
		t.Errorf("stored as %s; want 预备党员 until the office decides", ms)
	}
}
