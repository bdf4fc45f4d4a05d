package demo_test

import (
	"context"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
	"dangjian/data/demo/demotest"
	"dangjian/data/idcard"
)

func openDemo(t *testing.T) *data.Store {
	t.Helper()
	return demotest.Store(t, time.Date(2026, 11, 28, 9, 0, 0, 0, time.Local))
}

func TestDemoInstituteLooksReal(t *testing.T) {
	s := openDemo(t)
	orgs, _ := s.Orgs(context.Background())
	var branches, temps, parents int
	for _, o := range orgs {
		switch {
		case o.TypeCode == data.TypeTempBranch:
			temps++
			if o.PledgeSigned.IsZero() || o.Mission == "" {
				t.Errorf("%s lacks its mission or pledge date", o.Name)
			}
			if tm, _ := s.TempMembers(context.Background(), o.ID); len(tm) < 5 {
				t.Errorf("%s has %d members", o.Name, len(tm))
			}
		case o.IsBranch():
			branches++
			if o.UnitID == 0 {
				t.Errorf("%s is built on no unit", o.Name)
			}
		case o.ParentID != 0:
			parents++
		}
	}
	if branches < 18 || branches > 24 || temps != 2 || parents < 3 || parents > 4 {
		t.Errorf("%d branches, %d temporary, %d committees/general branches", branches, temps, parents)
	}
	ms, _ := s.Members(context.Background(), data.MemberFilter{})
	if len(ms) < 350 || len(ms) > 450 {
		t.Errorf("%d members, want about 400", len(ms))
	}
	for _, m := range ms {
		info, err := idcard.Parse(m.IDNumber)
		if err != nil || !info.Birth.Equal(m.Birth) {
			t.Fatalf("%s: ID %s does not match birth %s: %v", m.Name, m.IDNumber, data.DateText(m.Birth), err)
		}
		if v := data.ValidateMember(m, s.Today()); len(v) > 0 {
			t.Fatalf("demo member %s is invalid: %v", m.Name, v)
		}
	}
	if err := demo.Load(context.Background(), s); err != demo.ErrNotEmpty {
		t.Errorf("second load: %v, want ErrNotEmpty", err)
	}
}

func TestDemoCommitteesHoldOnlyFullMembers(t *testing.T) {
	s := openDemo(t)
	orgs, _ := s.Orgs(context.Background())
	for _, o := range orgs {
		terms, _ := s.Terms(context.Background(), o.ID)
		for _, term := range terms {
			for _, seat := range term.Seats {
				m, err := s.Member(context.Background(), seat.PersonID)
				if err != nil {
					t.Fatal(err)
				}
				if m.Category != data.CategoryFull {
					t.Errorf("%s：%s %s 是%s", o.Name, seat.Role, seat.Name, m.Category)
				}
			}
		}
	}
}
