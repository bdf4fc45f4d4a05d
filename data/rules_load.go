package data

import (
	"context"
	"time"

	"dangjian/data/internal/sqldb"
)

// What the derived rules read from the store, loaded apart from the rules so that the rules are
// plain functions of these values (rules.go).

// rosterFacts is everything the rules look at, as of one day.
type rosterFacts struct {
	Orgs         []Org
	Probationers []probationer
	Counts       map[int64]BranchCount
	Latest       map[int64]Term   // the newest term of each organisation
	Seats        map[int64][]Seat // the seats held on the day, per term
	UnitMembers  []unitMembers    // units with members in normal standing (joint branches aside)
}

// probationer is a probationary member in normal standing.
type probationer struct {
	PersonID int64
	Name     string
	BranchID int64
	Membership
}

// unitMembers is a unit and how many members in normal standing work in it.
type unitMembers struct {
	ID   int64
	Name string
	N    int
}

// BranchCount is how many members in normal standing a branch holds, full members apart.
type BranchCount struct{ All, Full int }

// committeeOf is an organisation's committee as the rules see it on the facts' day.
func (f rosterFacts) committeeOf(orgID int64) committee {
	t, ok := f.Latest[orgID]
	if !ok || !t.ActualEnd.IsZero() {
		return committee{} // no term, or the last one was closed without a new one
	}
	return committee{Term: t, Open: true, Current: f.Seats[t.ID]}
}

func loadRosterFacts(q queryer, today time.Time) (rosterFacts, error) {
	var f rosterFacts
	var err error
	if f.Orgs, err = orgs(q); err != nil {
		return f, err
	}
	if f.Probationers, err = probationers(q); err != nil {
		return f, err
	}
	if f.Counts, err = branchCounts(q); err != nil {
		return f, err
	}
	if f.Latest, err = latestTerms(q); err != nil {
		return f, err
	}
	if f.Seats, err = seatsHeld(q, today); err != nil {
		return f, err
	}
	f.UnitMembers, err = collect(q, func(rows scanner) (unitMembers, error) {
		var u unitMembers
		return u, rows.Scan(&u.ID, &u.Name, &u.N)
	}, `SELECT u.id, u.name, COUNT(*) FROM membership m JOIN person p ON p.id=m.person_id
		JOIN unit u ON u.id=p.unit_id JOIN org o ON o.id=m.branch_id
		WHERE m.status=? AND o.type_code <> ? GROUP BY u.id ORDER BY u.name`, StatusNormal, TypeJointBranch)
	return f, err
}

func probationers(q queryer) ([]probationer, error) {
	return collect(q, func(rows scanner) (probationer, error) {
		p := probationer{Membership: Membership{Category: CategoryProbation, Status: StatusNormal}}
		var joined, extended string
		err := rows.Scan(&p.PersonID, &p.Name, &p.BranchID, &joined, &extended)
		p.Membership.PersonID, p.Membership.BranchID, p.Joined = p.PersonID, p.BranchID, ParseDateText(joined)
		p.ProbationExtended = ParseDateText(extended)
		return p, err
	}, `SELECT p.id, p.name, m.branch_id, m.joined, m.probation_end FROM membership m JOIN person p ON p.id=m.person_id
		WHERE m.category=? AND m.status=? AND m.joined<>''`, CategoryProbation, StatusNormal)
}

// branchCounts is the one count of members per branch: the rules and Headcounts both use it.
func branchCounts(q queryer) (map[int64]BranchCount, error) {
	out := map[int64]BranchCount{}
	err := sqldb.Each(context.Background(), q, func(rows scanner) error {
		var id int64
		var c BranchCount
		if err := rows.Scan(&id, &c.All, &c.Full); err != nil {
			return err
		}
		out[id] = c
		return nil
	}, `SELECT branch_id, COUNT(*), SUM(category=?) FROM membership WHERE status=? GROUP BY branch_id`, CategoryFull, StatusNormal)
	return out, err
}

func latestTerms(q queryer) (map[int64]Term, error) {
	out := map[int64]Term{}
	err := sqldb.Each(context.Background(), q, func(rows scanner) error {
		t, err := scanTerm(rows)
		if err != nil {
			return err
		}
		out[t.OrgID] = t // ordered by start: the last one read is the newest
		return nil
	}, `SELECT id, org_id, start_date, due_end, actual_end FROM term ORDER BY org_id, start_date, id`)
	return out, err
}

// seatsHeld are the seats held on day, per term.
func seatsHeld(q queryer, day time.Time) (map[int64][]Seat, error) {
	all, err := seats(q, `WHERE s.to_date = '' OR s.to_date >= ?`, DateText(day))
	if err != nil {
		return nil, err
	}
	out := map[int64][]Seat{}
	for _, st := range all {
		if st.Current(day) {
			out[st.TermID] = append(out[st.TermID], st)
		}
	}
	return out, nil
}
