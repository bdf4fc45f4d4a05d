package demo

import (
	"database/sql"
	"time"

	"dangjian/data"
)

// writer inserts demo and synthetic records with prepared statements inside one transaction:
// loading 100 000 members one action at a time would take minutes.
type writer struct {
	tx                                *sql.Tx
	person, membership, seat, orgStmt *sql.Stmt
}

func newWriter(tx *sql.Tx) (*writer, error) {
	w := &writer{tx: tx}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.Prepare(q)
		return st
	}
	w.person = prep(`INSERT INTO person(name,gender,ethnicity,birth,id_number,education,degree,title,unit_id,post,phone,backbone,returnee,unit_head)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	w.membership = prep(`INSERT INTO membership(person_id,branch_id,category,joined,full_date,status) VALUES (?,?,?,?,?,?)`)
	w.seat = prep(`INSERT INTO seat(term_id, person_id, role, from_date) VALUES (?,?,?,?)`)
	w.orgStmt = prep(`INSERT INTO org(parent_id,type_code,name,short_name,unit_id,founded,sort) VALUES (?,?,?,?,?,?,?)`)
	return w, err
}

func (w *writer) close() {
	for _, st := range []*sql.Stmt{w.person, w.membership, w.seat, w.orgStmt} {
		if st != nil {
			st.Close()
		}
	}
}

func (w *writer) unit(r *Roster, name, kind string) (int64, error) {
	if id, ok := r.Units[name]; ok {
		return id, nil
	}
	id, err := data.EnsureUnit(w.tx, name, kind)
	r.Units[name] = id
	return id, err
}

func (w *writer) org(parent int64, code int, name, short string, unit int64, founded time.Time, sort int) (int64, error) {
	var p, u any
	if parent != 0 {
		p = parent
	}
	if unit != 0 {
		u = unit
	}
	res, err := w.orgStmt.Exec(p, code, name, short, u, data.DateText(founded), sort)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
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
	full := ""
	if category == data.CategoryFull {
		due := data.ProbationEnd(joined)
		full = data.DateText(due)
		if due.After(today) {
			category = data.CategoryProbation
			full = ""
		}
	}
	post := g.pick([]string{"科研人员", "科研人员", "科研人员", "工程技术人员", "管理人员", "研究生导师"})
	if head {
		post = "负责人"
	}
	name := g.name()
	res, err := w.person.Exec(name, gender, g.pick(ethnicities), data.DateText(birth), id, edu, degree, g.pick(titles), unit, post,
		g.phone(), boolInt(g.r.IntN(5) == 0), boolInt(g.r.IntN(12) == 0), boolInt(head))
	if err != nil {
		return 0, err
	}
	pid, _ := res.LastInsertId()
	if _, err := w.membership.Exec(pid, branch, category, data.DateText(joined), full, data.StatusNormal); err != nil {
		return 0, err
	}
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

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
