package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A command of verbs without one, an unknown verb, or the wrong number of arguments is a usage
// error (exit 2) saying what the command takes, and touches no database.
func TestVerbsAndArgumentCountsAreRefusedWithUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "库.db")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"ab"}, "ab 需要子命令：import、export、absent 或 coverage"},
		{[]string{"eval"}, "eval 需要子命令：rounds、sheets、import 或 results"},
		{[]string{"ab", "frobnicate"}, "未知的 ab 子命令“frobnicate”"},
		{[]string{"eval", "frobnicate"}, "未知的 eval 子命令“frobnicate”"},
		{[]string{"orgs", "多余"}, "orgs 不带位置参数"},
		{[]string{"check", "多余"}, "check 不带位置参数"},
		{[]string{"eval", "rounds", "多余"}, "eval rounds 不带位置参数"},
		{[]string{"ab", "import"}, "ab import 需要一个文件"},
		{[]string{"eval", "import", "a.xlsx", "b.xlsx"}, "eval import 需要一个文件"},
	} {
		_, e, code := cli(t, append([]string{"-db", db}, c.args...)...)
		if code != 2 || !strings.Contains(e, c.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", c.args, code, e, c.want)
		}
	}
	if matches, _ := filepath.Glob(db + "*"); len(matches) != 0 {
		t.Errorf("usage errors created %v", matches)
	}
}
