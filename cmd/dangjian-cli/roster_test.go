package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
)

// cli runs the command line in-process and returns stdout, stderr and the exit status.
func cli(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return out.String(), errb.String(), code
}

func demoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "演示 库.db")
	if _, e, code := cli(t, "-db", db, "demo"); code != 0 {
		t.Fatalf("demo: %d %s", code, e)
	}
	return db
}

func TestWhereAndUsage(t *testing.T) {
	out, _, code := cli(t, "-db", "/tmp/x/y.db", "where")
	if code != 0 || strings.TrimSpace(out) != "/tmp/x/y.db" {
		t.Errorf("where = %q, %d", out, code)
	}
	if _, e, code := cli(t, "frobnicate"); code != 2 || !strings.Contains(e, "未知命令") {
		t.Errorf("unknown command: %d %q", code, e)
	}
	if _, _, code := cli(t, "members", "-nosuchflag"); code != 2 {
		t.Errorf("bad flag exit %d, want 2", code)
	}
}

func TestDemoMembersOrgsCheck(t *testing.T) {
	db := demoDB(t)
	if _, e, code := cli(t, "-db", db, "demo"); code != 1 || !strings.Contains(e, "空数据库") {
		t.Errorf("second demo: %d %q, want a refusal", code, e)
	}
	out, _, code := cli(t, "-db", db, "members", "-json")
	if code != 0 {
		t.Fatal(code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 350 || len(lines) > 450 {
		t.Errorf("%d members, want about 400", len(lines))
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id_number", "name", "gender", "ethnicity", "birth", "branch", "category", "joined", "full", "phone", "status"} {
		if _, ok := m[k]; !ok {
			t.Errorf("members -json lacks %q", k)
		}
	}
	if b, _ := m["birth"].(string); len(b) != 10 || b[4] != '-' {
		t.Errorf("birth %q is not YYYY-MM-DD", b)
	}
	name := m["name"].(string)
	out, _, _ = cli(t, "-db", db, "members", "-q", name, "-json")
	if !strings.Contains(out, name) {
		t.Errorf("search for %s found %q", name, out)
	}
	out, _, _ = cli(t, "-db", db, "members", "-branch", "科研处党支部")
	if n := strings.Count(out, "\n"); n < 10 || strings.Contains(out, "人事处党支部") {
		t.Errorf("branch filter: %d lines\n%s", n, out)
	}
	if _, e, code := cli(t, "-db", db, "members", "-branch", "不存在的支部"); code != 1 || !strings.Contains(e, "不存在的支部") {
		t.Errorf("unknown branch: %d %q", code, e)
	}

	out, _, _ = cli(t, "-db", db, "orgs")
	for _, want := range []string{"华东物质科学研究院党委", "  院机关党委（党委）", "临时党支部"} {
		if !strings.Contains(out, want) {
			t.Errorf("orgs lacks %q", want)
		}
	}
	out, _, _ = cli(t, "-db", db, "check")
	for _, want := range []string{"人事处党支部：本届支委会应于", "计算中心", "不足3人", "没有在任支委", "没有科研骨干", "不是“院办公室”的负责人"} {
		if !strings.Contains(out, want) {
			t.Errorf("check lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = cli(t, "-db", db, "check", "-json")
	if err := json.Unmarshal([]byte(strings.Split(out, "\n")[0]), &m); err != nil || m["rule"] == nil {
		t.Errorf("check -json line: %q %v", out, err)
	}
}

func TestRefusesFileThatIsNotADatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "花名册.xlsx")
	os.WriteFile(db, []byte("PK\x03\x04 not a database"), 0o644)
	_, e, code := cli(t, "-db", db, "members")
	if code != 1 || !strings.Contains(e, db) || strings.Count(strings.TrimSpace(e), "\n") != 0 {
		t.Errorf("exit %d, stderr %q: want 1 and one line naming the file", code, e)
	}
	b, _ := os.ReadFile(db)
	if string(b) != "PK\x03\x04 not a database" {
		t.Error("the file was modified")
	}
}

func TestWritersAreRefusedWhileTheAppHoldsTheDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "held.db")
	release, err := data.AcquireLock(db)
	if err != nil {
		t.Fatal(err)
	}
	_, e, code := cli(t, "-db", db, "demo")
	if code != 1 || !strings.Contains(e, "已被另一个程序打开") {
		t.Errorf("demo while locked: exit %d, %q", code, e)
	}
	// Readers still work: staff may list members from a script while the window is open.
	if _, e, code := cli(t, "-db", db, "members"); code != 0 {
		t.Errorf("members while locked: exit %d, %q", code, e)
	}
	release()
	if _, e, code := cli(t, "-db", db, "demo"); code != 0 {
		t.Errorf("demo after release: exit %d, %q", code, e)
	}
}
