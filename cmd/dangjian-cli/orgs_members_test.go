package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"dangjian/data"
)

// The command line counts what the window's tree counts: data.Headcounts, temporary branches
// (members seconded beside their home branch) included.
func TestCLIOrgsHeadcountsEqualTheTree(t *testing.T) {
	db := demoDB(t)
	out, _, code := cli(t, "-db", db, "orgs", "-json")
	if code != 0 {
		t.Fatal(code)
	}
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	want, err := s.Headcounts(context.Background())
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	temps := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var o struct {
			ID        int64  `json:"id"`
			Name      string `json:"name"`
			Members   int    `json:"members"`
			Temporary bool   `json:"temporary"`
		}
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatal(err)
		}
		if o.Members != want[o.ID] {
			t.Errorf("%s: orgs says %d 人, the tree %d", o.Name, o.Members, want[o.ID])
		}
		if o.Temporary {
			temps++
			if o.Members == 0 {
				t.Errorf("%s: 0 人 for a temporary branch with seconded members", o.Name)
			}
		}
	}
	if temps < 2 {
		t.Errorf("%d temporary branches in the demo, want 2", temps)
	}
	text, _, _ := cli(t, "-db", db, "orgs")
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "临时党支部") && strings.Contains(line, "\t0 人") {
			t.Errorf("text output: %q", line)
		}
	}
}

// members -q finds what the window's search box finds: a phone typed with dashes, a name
// typed with a space.
func TestCLIMembersQuerySearchesAsTheWindowDoes(t *testing.T) {
	db := demoDB(t)
	for _, q := range []string{"139-1737-0743", "刘 悦悦", "1391737", "刘悦悦"} {
		out, _, code := cli(t, "-db", db, "members", "-q", q)
		if code != 0 || !strings.Contains(out, "刘悦悦") {
			t.Errorf("members -q %q: %d %q, want 刘悦悦", q, code, out)
		}
	}
	out, _, _ := cli(t, "-db", db, "members", "-q", "刘 悦悦", "-branch", "科研处党支部")
	if !strings.Contains(out, "刘悦悦") {
		t.Errorf("with -branch: %q", out)
	}
	out, _, _ = cli(t, "-db", db, "members", "-q", "不存在的人名")
	if strings.TrimSpace(out) != "" {
		t.Errorf("no match printed %q", out)
	}
}
