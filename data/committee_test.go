package data

import (
	"context"
	"strings"
	"testing"

	"dangjian/data/civil"
)

// Branch committee members are elected from full members in standing: a probationary member
// has no right to be elected, staff who are not party members and members who left cannot sit.
// The seat picker lists every person, so the store must refuse, saying why.
func TestAppointRefusesWhoCannotSitOnACommittee(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	b := f.org(0, TypeBranch, "庚支部", "庚实验室", "实验室")
	full := f.fullMembers(b, 3)
	prob := f.member(b, "预备戊", CategoryProbation, civil.Date(2026, 6, 1), nil)
	left := f.member(b, "调离己", CategoryFull, civil.Date(2005, 6, 1), nil)
	if err := f.s.TransferMember(ctx, left.Person.ID, 0, civil.Date(2026, 1, 5), "调离"); err != nil {
		t.Fatal(err)
	}
	staff := Person{Name: "群众庚"}
	if err := f.s.SavePerson(ctx, &staff); err != nil {
		t.Fatal(err)
	}
	term := f.committee(b, civil.Date(2026, 1, 10), nil)
	for _, c := range []struct {
		id   int64
		name string
		word string
	}{{prob.Person.ID, "预备戊", "预备党员"}, {left.Person.ID, "调离己", "已转出"}, {staff.ID, "群众庚", "不是"}} {
		_, err := f.s.Appoint(ctx, term.ID, c.id, "组织委员", civil.Date(2026, 1, 10))
		if err == nil || !strings.Contains(err.Error(), c.name) || !strings.Contains(err.Error(), c.word) {
			t.Errorf("appointing %s: %v, want a refusal naming them and saying %s", c.name, err, c.word)
		}
	}
	if _, err := f.s.Appoint(ctx, term.ID, full[0].Person.ID, "书记", civil.Date(2026, 1, 10)); err != nil {
		t.Fatal(err)
	}
	ts, _ := f.s.Terms(ctx, b.ID)
	if len(ts) != 1 || len(ts[0].Seats) != 1 {
		t.Fatalf("seats = %+v, want only the full member's", ts)
	}
}
