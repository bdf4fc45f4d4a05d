package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestABCoverageJSON(t *testing.T) {
	db := demoDB(t)
	out, e, code := cli(t, "-db", db, "ab", "coverage", "-days", "14", "-json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, e)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var gaps, bdays, days int
	for _, l := range lines[:len(lines)-1] {
		var o struct{ Date, Item, Door, A, B, Server, State string }
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		switch o.State {
		case "gap":
			gaps++
			if o.Server != "" {
				t.Fatalf("a gap has no server: %q", l)
			}
		case "b":
			bdays++
			if o.Server != o.B {
				t.Fatalf("B covering but server is not B: %q", l)
			}
		case "a":
			if o.Server != o.A {
				t.Fatalf("A serving but server is not A: %q", l)
			}
		default:
			t.Fatalf("state %q", o.State)
		}
		days++
	}
	var sum struct {
		Summary bool
		Gaps    int
		ByB     int `json:"by_b"`
		Items   int
	}
	json.Unmarshal([]byte(lines[len(lines)-1]), &sum)
	if !sum.Summary || sum.Gaps != gaps || sum.ByB != bdays || gaps != 1 || bdays < 5 || sum.Items != 21 || days%21 != 0 {
		t.Fatalf("gaps %d b-days %d lines %d summary %+v", gaps, bdays, days, sum)
	}
}

func TestABAbsentImportExport(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	// Export the guide, re-import it: nothing changes.
	guide := filepath.Join(dir, "指南.xlsx")
	if _, e, code := cli(t, "-db", db, "ab", "export", guide, "-guide"); code != 0 {
		t.Fatalf("export guide: %d %s", code, e)
	}
	out, e, code := cli(t, "-db", db, "ab", "import", guide, "-json")
	if code != 0 {
		t.Fatalf("import: %d %s", code, e)
	}
	var res struct{ Rows, Imported, Unchanged, Rejected int }
	json.Unmarshal([]byte(out), &res)
	if res.Rows != 21 || res.Unchanged != 21 {
		t.Fatalf("re-import of the guide: %s", out)
	}
	for _, name := range []string{"报备表.xlsx", "指南.pdf"} {
		args := []string{"-db", db, "ab", "export", filepath.Join(dir, name)}
		if strings.HasSuffix(name, ".pdf") {
			args = append(args, "-guide")
		}
		if _, e, code := cli(t, args...); code != 0 {
			t.Fatalf("export %s: %d %s", name, code, e)
		}
		if st, err := os.Stat(filepath.Join(dir, name)); err != nil || st.Size() < 1000 {
			t.Fatalf("%s not written: %v", name, err)
		}
	}
	if _, e, code := cli(t, "-db", db, "ab", "import", filepath.Join(dir, "nope.xlsx")); code != 1 || strings.Count(e, "\n") != 1 {
		t.Fatalf("missing file: exit %d %q", code, e)
	}

	// An absence that ends before it starts is refused; a bad date is wrong usage.
	from := time.Now().AddDate(0, 2, 0).Format("2006-01-02")
	to := time.Now().AddDate(0, 2, 2).Format("2006-01-02")
	name := firstAPerson(t, db)
	if _, e, code := cli(t, "-db", db, "ab", "absent", name, "-from", to, "-to", from); code != 1 || !strings.Contains(e, "早于开始日期") {
		t.Fatalf("reversed dates: %d %q", code, e)
	}
	if _, _, code := cli(t, "-db", db, "ab", "absent", name, "-from", "2026/1/1", "-to", to); code != 2 {
		t.Fatalf("bad date format: exit %d, want 2", code)
	}
	if _, e, code := cli(t, "-db", db, "ab", "absent", name, "-from", from, "-to", to, "-kind", "出差", "-handover"); code != 0 {
		t.Fatalf("absent: %d %s", code, e)
	}
	if _, e, code := cli(t, "-db", db, "ab", "absent", name, "-from", to, "-to", to); code != 1 || !strings.Contains(e, "重叠") {
		t.Fatalf("overlap: %d %q", code, e)
	}
}

// firstAPerson is the A of the first item, as the coverage prints it.
func firstAPerson(t *testing.T, db string) string {
	out, _, _ := cli(t, "-db", db, "ab", "coverage", "-days", "7", "-json")
	var o struct{ A, Dept string }
	json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &o)
	if o.A == "" {
		t.Fatalf("no A in %q", out)
	}
	return o.Dept + "/" + o.A
}
