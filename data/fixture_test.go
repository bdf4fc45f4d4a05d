package data

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"dangjian/data/civil"
	"dangjian/data/idcard"
)

// fixture builds small rosters through the public API, so tests exercise what the app does.
type fixture struct {
	t   testing.TB
	s   *Store
	seq int
}

func newFixture(t testing.TB) *fixture { return &fixture{t: t, s: openTest(t)} }

func (f *fixture) org(parent int64, code int, name, unit, kind string) Org {
	f.t.Helper()
	o := Org{ParentID: parent, TypeCode: code, Name: name, UnitName: unit, UnitKind: kind}
	if o.IsTemporary() {
		o.Mission = "发射任务"
	}
	if err := f.s.SaveOrg(context.Background(), &o); err != nil {
		f.t.Fatal(err)
	}
	o, _ = f.s.Org(context.Background(), o.ID)
	return o
}

// member adds a member of branch b working in unit; category and joined as given.
func (f *fixture) member(b Org, name, category string, joined time.Time, mod func(*Member)) Member {
	f.t.Helper()
	f.seq++
	birth := civil.Date(1980, 1, 1).AddDate(0, 0, f.seq)
	m := Member{
		Person:     Person{Name: name, IDNumber: idcard.Make("340104", birth, f.seq%100, f.seq%2 == 1), UnitID: b.UnitID},
		Membership: Membership{BranchID: b.ID, Category: category, Joined: joined},
	}
	if category == CategoryFull {
		m.Full = joined.AddDate(1, 0, 0)
	}
	if mod != nil {
		mod(&m)
	}
	if err := f.s.SaveMember(context.Background(), &m); err != nil {
		f.t.Fatalf("member %s: %v", name, err)
	}
	return m
}

func (f *fixture) fullMembers(b Org, n int) []Member {
	var out []Member
	for i := 0; i < n; i++ {
		out = append(out, f.member(b, "成员"+string(rune('甲'+i)), CategoryFull, civil.Date(2010, 5, 1), nil))
	}
	return out
}

func (f *fixture) committee(b Org, start time.Time, seats map[string]int64) Term {
	f.t.Helper()
	t, err := f.s.StartTerm(context.Background(), b.ID, start)
	if err != nil {
		f.t.Fatal(err)
	}
	for role, pid := range seats {
		if _, err := f.s.Appoint(context.Background(), t.ID, pid, role, start); err != nil {
			f.t.Fatal(err)
		}
	}
	return t
}

// imported records a roster import of new members of branch b, each a person and a
// membership as the import writes them, and returns the batch and the persons in the order of
// names.
func (f *fixture) imported(b Org, names ...string) (batch int64, persons []int64) {
	f.t.Helper()
	batch = inBatch(f.t, f.s, "花名册导入", "名册.xlsx", fmt.Sprintf("新增 %d", len(names)), func(tx *sql.Tx, bt *batchWriter) error {
		for _, name := range names {
			res, err := tx.Exec(`INSERT INTO person(name) VALUES (?)`, name)
			if err != nil {
				return err
			}
			person, _ := res.LastInsertId()
			if err := bt.Inserted("person", person); err != nil {
				return err
			}
			res, err = tx.Exec(`INSERT INTO membership(person_id, branch_id, joined) VALUES (?,?, '2015-07-01')`, person, b.ID)
			if err != nil {
				return err
			}
			mid, _ := res.LastInsertId()
			if err := bt.Inserted("membership", mid); err != nil {
				return err
			}
			persons = append(persons, person)
		}
		return nil
	})
	return batch, persons
}

// inBatch records a batch by hand, as an import does, in one transaction: write makes the
// batch's changes through bt, and the batch is finished with summary. It returns the batch.
func inBatch(t testing.TB, s *Store, kind, source, summary string, write func(tx *sql.Tx, bt *batchWriter) error) int64 {
	t.Helper()
	var id int64
	err := s.tx(context.Background(), func(tx *sql.Tx) error {
		bt, err := s.beginBatch(tx, kind, source)
		if err != nil {
			return err
		}
		id = bt.ID()
		if err := write(tx, bt); err != nil {
			return err
		}
		return bt.Finish(summary)
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func rulesOf(fs []Finding, orgID int64) map[string]bool {
	out := map[string]bool{}
	for _, f := range fs {
		if orgID == 0 || f.OrgID == orgID {
			out[f.Rule] = true
		}
	}
	return out
}
