package demo_test

import (
	"context"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
	"dangjian/data/storetest"
)

// committees lists every term of every organisation, and how many seats they hold.
func committees(t *testing.T, s *data.Store) (terms []data.Term, seats int) {
	t.Helper()
	ctx := context.Background()
	orgs, err := s.Orgs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orgs {
		ts, err := s.Terms(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range ts {
			seats += len(x.Seats)
		}
		terms = append(terms, ts...)
	}
	return terms, seats
}

// seatsHeldByFullMembers fails for a seat whose holder is no full member in standing: the
// committee is elected from full members, and Appoint refuses anyone else.
func seatsHeldByFullMembers(t *testing.T, s *data.Store, terms []data.Term) {
	t.Helper()
	for _, x := range terms {
		for _, st := range x.Seats {
			m, err := s.Member(context.Background(), st.PersonID)
			if err != nil || m.Category != data.CategoryFull || m.Status != data.StatusNormal {
				t.Errorf("%s holds %s on term %d as %s %s (%v): a seat needs a full member in standing",
					st.Name, st.Role, x.ID, m.Category, m.Status, err)
			}
		}
	}
}

// The demo's committees and mission branches are written by StartTerm, Appoint and
// AddTempMembers, as the window writes them: each term, each seat and each secondment is in
// the 操作日志 like a user's, and every seat passed Appoint's rules.
func TestDemoCommitteesAreWrittenThroughTheStore(t *testing.T) {
	s := openDemo(t)
	ctx := context.Background()
	terms, seats := committees(t, s)
	if len(terms) == 0 || seats == 0 {
		t.Fatalf("the demo has %d terms, %d seats", len(terms), seats)
	}
	count := func(action string) int {
		es, err := s.AuditLog(ctx, data.AuditFilter{Action: action})
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}
	if n := count("换届"); n != len(terms) {
		t.Errorf("操作日志 has %d 换届 for %d terms", n, len(terms))
	}
	if n := count("任命"); n != seats {
		t.Errorf("操作日志 has %d 任命 for %d seats", n, seats)
	}
	temps := 0
	orgs, _ := s.Orgs(ctx)
	for _, o := range orgs {
		if o.IsTemporary() {
			temps++
			tms, err := s.TempMembers(ctx, o.ID)
			if err != nil || len(tms) == 0 {
				t.Errorf("%s has no seconded members (%v)", o.Name, err)
			}
		}
	}
	if n := count("临时支部编入"); temps == 0 || n != temps {
		t.Errorf("操作日志 has %d 临时支部编入 for %d temporary branches", n, temps)
	}
	// The 科研骨干 flags the committees need are set by the member save, which logs them.
	if es, _ := s.AuditLog(ctx, data.AuditFilter{Action: "修改党员信息", Text: "科研骨干"}); len(es) == 0 {
		t.Error("no 科研骨干 change in the 操作日志: the demo set the flags by itself")
	}
	seatsHeldByFullMembers(t, s, terms)
}

// The synthetic roster of the benchmarks seats its 书记 through Appoint too: a probationary
// unit head is not seated.
func TestSyntheticSeatsOnlyFullMembers(t *testing.T) {
	s := storetest.Open(t, time.Date(2026, 11, 28, 9, 0, 0, 0, time.Local))
	if err := demo.Synthetic(context.Background(), s, 400, 70); err != nil {
		t.Fatal(err)
	}
	terms, seats := committees(t, s)
	if len(terms) != 14 || seats == 0 {
		t.Fatalf("%d terms with %d seats, want 14 terms (every fifth of 70 branches)", len(terms), seats)
	}
	seatsHeldByFullMembers(t, s, terms)
}
