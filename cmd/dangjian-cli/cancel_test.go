package main

import (
	"bytes"
	"context"
	"testing"

	"dangjian/data"
)

// A command whose context is cancelled (Ctrl-C) stops with exit status 1 and one Chinese line,
// and a cancelled import leaves the database as it was: no member, no batch.
func TestCancelledCommandStopsAndChangesNothing(t *testing.T) {
	db := demoDB(t)
	roster := newRosterFile(t)
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	before, err := s.Members(context.Background(), data.MemberFilter{})
	if err != nil {
		t.Fatal(err)
	}
	batches, _ := s.Batches(context.Background())
	s.Close()

	var out, errOut bytes.Buffer
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, args := range [][]string{
		{"members"},
		{"orgs", "-json"},
		{"check"},
		{"import", "roster", roster, "-create-branches"},
	} {
		out.Reset()
		errOut.Reset()
		code := runIn(cancelled, append([]string{"-db", db}, args...), &out, &errOut)
		if code != 1 || errOut.String() != "已取消，数据未作任何改动。\n" {
			t.Errorf("%v cancelled: exit %d, stderr %q", args, code, errOut.String())
		}
		if out.Len() != 0 {
			t.Errorf("%v cancelled printed %q: a cancelled read prints nothing", args, out.String())
		}
	}

	s, err = data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	after, _ := s.Members(context.Background(), data.MemberFilter{})
	afterBatches, _ := s.Batches(context.Background())
	if len(after) != len(before) || len(afterBatches) != len(batches) {
		t.Errorf("the cancelled import changed the database: %d → %d members, %d → %d batches",
			len(before), len(after), len(batches), len(afterBatches))
	}
}
