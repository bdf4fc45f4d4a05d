package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// corpusDir holds roster templates that other party-building systems hand to offices, with
// what a correct import gives in each NAME.expect.json (../shared/corpus/real-rosters). The
// files are read where they are, never copied into the project.
const corpusDir = "../../../shared/corpus/real-rosters"

type corpusExpect struct {
	Rows, Imported, Rejected int
	Refused                  bool
	MessageContains          string `json:"message_contains"`
	Samples                  []struct{ ID, Name, Branch string }
	RejectCodes              []string `json:"reject_codes"`
	Joined                   []string
	Category                 []string
}

// Every file in the corpus imports as its expect file says, into a database set up as an
// office's first day is: init, then the roster with -create-branches (the branches go under
// the 党委). A refused file exits 1 with one line and changes nothing.
func TestRealRosterCorpus(t *testing.T) {
	expects, _ := filepath.Glob(filepath.Join(corpusDir, "*.expect.json"))
	if len(expects) == 0 {
		t.Skip("corpus folder ../shared/corpus/real-rosters absent")
	}
	for _, ef := range expects {
		file := strings.TrimSuffix(ef, ".expect.json")
		t.Run(filepath.Base(file), func(t *testing.T) {
			raw, err := os.ReadFile(ef)
			if err != nil {
				t.Fatal(err)
			}
			var want corpusExpect
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			db := filepath.Join(t.TempDir(), "office.db")
			if _, e, code := cli(t, "-db", db, "init", "-name", "中共某某研究院委员会", "-short", "院党委"); code != 0 {
				t.Fatal(e)
			}
			before, _, _ := cli(t, "-db", db, "orgs", "-json")
			out, e, code := cli(t, "-db", db, "import", "roster", file, "-create-branches", "-json")
			if want.Refused {
				if code != 1 || strings.Count(strings.TrimSpace(e), "\n") != 0 || !strings.Contains(e, want.MessageContains) {
					t.Errorf("exit %d, stderr %q, stdout %.300q; want one refusal line containing %q", code, e, out, want.MessageContains)
				}
				if after, _, _ := cli(t, "-db", db, "orgs", "-json"); after != before {
					t.Errorf("a refused import changed the tree:\n%s", after)
				}
				if ms, _, _ := cli(t, "-db", db, "members", "-json"); ms != "" {
					t.Errorf("a refused import left members:\n%s", ms)
				}
				return
			}
			if code != 0 {
				t.Fatalf("exit %d: %s", code, e)
			}
			var got summary
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("summary %q: %v", out, err)
			}
			if got.Rows != want.Rows || got.Imported != want.Imported || got.Rejected != want.Rejected {
				t.Errorf("rows %d imported %d rejected %d; want %d %d %d; errors %+v", got.Rows, got.Imported, got.Rejected,
					want.Rows, want.Imported, want.Rejected, got.Errors)
			}
			for _, er := range got.Errors {
				if len(want.RejectCodes) > 0 && !slices.Contains(want.RejectCodes, er.Code) {
					t.Errorf("row %d rejected for %s (%s); want only %v", er.Row, er.Code, er.Message, want.RejectCodes)
				}
			}
			members := map[string]memberJSON{}
			ms, _, _ := cli(t, "-db", db, "members", "-json")
			for _, line := range strings.Split(strings.TrimSpace(ms), "\n") {
				if line == "" {
					continue
				}
				var m memberJSON
				if err := json.Unmarshal([]byte(line), &m); err != nil {
					t.Fatal(err)
				}
				members[m.IDNumber] = m
			}
			for i, s := range want.Samples {
				m, ok := members[s.ID]
				if !ok {
					t.Errorf("%s %s not in members -json", s.ID, s.Name)
					continue
				}
				if m.Name != s.Name || m.Branch != s.Branch {
					t.Errorf("%s: %s in %s; want %s in %s", s.ID, m.Name, m.Branch, s.Name, s.Branch)
				}
				if i < len(want.Joined) && m.Joined != want.Joined[i] {
					t.Errorf("%s: joined %s, want %s", s.Name, m.Joined, want.Joined[i])
				}
				if i < len(want.Category) && m.Category != want.Category[i] {
					t.Errorf("%s: category %s, want %s", s.Name, m.Category, want.Category[i])
				}
			}
		})
	}
}
