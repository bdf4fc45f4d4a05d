package demo

import (
	"context"
	"database/sql"
	"time"

	"dangjian/data"
	"dangjian/data/internal/sqldb"
)

// writer adds demo and synthetic records inside one transaction, through the store's own use
// cases — SaveOrg, SaveMember, StartTerm, Appoint, AddTempMembers — run in the loader's
// transaction that ctx carries: every rule the window's edits meet and every audit line they
// leave, the demo meets and leaves too.
type writer struct {
	ctx  context.Context // carries tx
	s    *data.Store
	tx   *sql.Tx
	full map[int64]bool // the persons saved as full members, for the committees
}

func newWriter(ctx context.Context, s *data.Store, tx *sql.Tx) *writer {
	return &writer{ctx: sqldb.WithTx(ctx, tx), s: s, tx: tx, full: map[int64]bool{}}
}

func (w *writer) unit(r *Roster, name, kind string) (int64, error) {
	if id, ok := r.Units[name]; ok {
		return id, nil
	}
	id, err := sqldb.Of(w.s).EnsureUnit(w.tx, name, kind)
	r.Units[name] = id
	return id, err
}

func (w *writer) org(parent int64, code int, name, short string, unit int64, founded time.Time, sort int) (int64, error) {
	return w.saveOrg(data.Org{ParentID: parent, TypeCode: code, Name: name, ShortName: short, UnitID: unit, Founded: founded, Sort: sort})
}

func (w *writer) saveOrg(o data.Org) (int64, error) {
	if err := w.s.SaveOrg(w.ctx, &o); err != nil {
		return 0, err
	}
	return o.ID, nil
}

// term opens a committee term (换届) of org on start.
func (w *writer) term(org int64, start time.Time) (int64, error) {
	t, err := w.s.StartTerm(w.ctx, org, start)
	return t.ID, err
}

// appoint seats a full member on a term from a day (任命).
func (w *writer) appoint(term, person int64, role string, from time.Time) error {
	_, err := w.s.Appoint(w.ctx, term, person, role, from)
	return err
}

// backbone sets a member's 科研骨干 flag as the member form saves it.
func (w *writer) backbone(person int64, on bool) error {
	m, err := w.s.Member(w.ctx, person)
	if err != nil || m.Backbone == on {
		return err
	}
	m.Backbone = on
	return w.s.SaveMember(w.ctx, &m)
}

// member inserts a plausible member of a unit into a branch and returns the person id.
func (w *writer) member(g *gen, r *Roster, branch, unit int64, unitName string, head bool, category string, today time.Time) (int64, error) {
	birth, male, id := g.person(today.Year()-62, today.Year()-24)
	gender := "女"
	if male {
		gender = "男"
	}
	edu := g.pick(educations)
	degree := map[string]string{"博士研究生": "博士", "硕士研究生": "硕士", "大学本科": "学士"}[edu]
	joined := birth.AddDate(19+g.r.IntN(12), g.r.IntN(12), g.r.IntN(28))
	if joined.After(today) || category == data.CategoryProbation {
		joined = today.AddDate(0, -1-g.r.IntN(13), -g.r.IntN(28))
	}
	var full time.Time
	if category == data.CategoryFull {
		full = data.ProbationEnd(joined)
		if full.After(today) {
			category = data.CategoryProbation
			full = time.Time{}
		}
	}
	post := g.pick([]string{"科研人员", "科研人员", "科研人员", "工程技术人员", "管理人员", "研究生导师"})
	if head {
		post = "负责人"
	}
	name := g.name()
	m := data.Member{
		Person: data.Person{
			Name: name, Gender: gender, Ethnicity: g.pick(ethnicities), Birth: birth, IDNumber: id, Education: edu,
			Degree: degree, Title: g.pick(titles), UnitID: unit, Post: post, Phone: g.phone(),
			Backbone: g.r.IntN(5) == 0, Returnee: g.r.IntN(12) == 0, UnitHead: head,
		},
		Membership: data.Membership{BranchID: branch, Category: category, Joined: joined, Full: full, Status: data.StatusNormal},
	}
	if err := w.s.SaveMember(w.ctx, &m); err != nil {
		return 0, err
	}
	pid := m.Person.ID
	w.full[pid] = m.Category == data.CategoryFull
	if r != nil {
		r.Staff[unitName] = append(r.Staff[unitName], pid)
		r.Names[pid] = name
	}
	return pid, nil
}

// fullMembers keeps the persons among ids who are full members, in order.
func (w *writer) fullMembers(ids []int64) []int64 {
	var out []int64
	for _, id := range ids {
		if w.full[id] {
			out = append(out, id)
		}
	}
	return out
}
