package data_test

import (
	"context"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo/demotest"
)

func TestHeadcountsMatchRosterAndTempBranches(t *testing.T) {
	s := demotest.Store(t, time.Date(2026, 11, 28, 10, 0, 0, 0, time.Local))
	ctx := context.Background()
	counts, err := s.Headcounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	orgs, _ := s.Orgs(ctx)
	var temp data.Org
	for _, o := range orgs {
		if o.TypeCode == data.TypeTempBranch && temp.ID == 0 {
			temp = o
		}
		if !o.IsBranch() || o.IsTemporary() {
			continue
		}
		ms, err := s.Members(ctx, data.MemberFilter{BranchID: o.ID, Status: data.StatusNormal})
		if err != nil {
			t.Fatal(err)
		}
		if counts[o.ID] != len(ms) {
			t.Errorf("%s: headcount %d, roster lists %d", o.Name, counts[o.ID], len(ms))
		}
	}
	if temp.ID == 0 {
		t.Fatal("demo has no temporary branch")
	}
	before := counts[temp.ID]
	// A member seconded from tomorrow on does not count today; one seconded since last month does.
	ms, _ := s.Members(ctx, data.MemberFilter{Limit: 400})
	var a, b int64
	tms, _ := s.TempMembers(ctx, temp.ID)
	in := map[int64]bool{}
	for _, tm := range tms {
		in[tm.PersonID] = true
	}
	for _, m := range ms {
		if in[m.PersonID] {
			continue
		}
		if a == 0 {
			a = m.PersonID
		} else if b == 0 {
			b = m.PersonID
		}
	}
	today := s.Today()
	if err := s.AddTempMembers(ctx, temp.ID, []int64{a}, today.AddDate(0, -1, 0), time.Time{}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddTempMembers(ctx, temp.ID, []int64{b}, today.AddDate(0, 0, 1), time.Time{}); err != nil {
		t.Fatal(err)
	}
	counts, _ = s.Headcounts(ctx)
	if counts[temp.ID] != before+1 {
		t.Errorf("temporary branch headcount %d after seconding one now and one tomorrow, want %d", counts[temp.ID], before+1)
	}
}
