package demo

import (
	"context"
	"database/sql"
	"time"

	"dangjian/data"
	"dangjian/data/internal/sqldb"
)

// writer adds demo and synthetic records inside one transaction: organisations and members
// through the store's own SaveOrg and SaveMember (checked and logged as the window's are), run
// in the loader's transaction that ctx carries; committee terms and seats with a prepared
// statement.
type writer struct {
	ctx  context.Context // carries tx
	s    *data.Store
	tx   *sql.Tx
	seat *sql.Stmt
}

func newWriter(ctx context.Context, s *data.Store, tx *sql.Tx) (*writer, error) {
	w := &writer{ctx: sqldb.WithTx(ctx, tx), s: s, tx: tx}
	var err error
	w.seat, err = tx.Prepare(`INSERT INTO seat(term_id, person_id, role, from_date) VALUES (?,?,?,?)`)
	return w, err
}

func (w *writer) close() {
	if w.seat != nil {
		w.seat.Close()
	}
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

func (w *writer) term(org int64, start time.Time) (int64, error) {
	res, err := w.tx.Exec(`INSERT INTO term(org_id, start_date, due_end) VALUES (?,?,?)`,
		org, data.DateText(start), data.DateText(start.AddDate(data.TermYears, 0, 0)))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
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
	if r != nil {
		r.Staff[unitName] = append(r.Staff[unitName], pid)
		r.Names[pid] = name
	}
	return pid, nil
}

// fullMembers keeps the persons among ids who are full members, in order.
func (w *writer) fullMembers(ids []int64) ([]int64, error) {
	var out []int64
	for _, id := range ids {
		var cat string
		if err := w.tx.QueryRow(`SELECT category FROM membership WHERE person_id=?`, id).Scan(&cat); err != nil {
			return nil, err
		}
		if cat == data.CategoryFull {
			out = append(out, id)
		}
	}
	return out, nil
}
