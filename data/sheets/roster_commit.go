package sheets

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"

	"dangjian/data"
)

// Committing a plan: one backup, then one transaction that is one undoable batch. A
// cancelled or failed commit rolls back whole, so the database is as it was.

// BatchKind names roster imports in the import history.
const BatchKind = "花名册导入"

// CommitImport writes the plan's new and updated members (and the branches chosen to be
// created) and returns the batch id for undo; 0 when the plan changes nothing. progress, when
// not nil, is told rows done of rows to write.
func CommitImport(ctx context.Context, s *data.Store, p *Plan, progress func(done, total int)) (int64, error) {
	total := p.New + p.Updated
	if total == 0 {
		return 0, nil
	}
	if _, err := s.AutoBackup("导入前"); err != nil {
		return 0, fmt.Errorf("导入前备份数据库失败，未导入任何数据：%w", err)
	}
	var batchID int64
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		b, err := s.BeginBatch(tx, BatchKind, filepath.Base(p.File.Path))
		if err != nil {
			return err
		}
		batchID = b.ID
		w, err := newCommitWriter(tx, b)
		if err != nil {
			return err
		}
		defer w.close()
		if err := w.createBranches(p); err != nil {
			return err
		}
		done := 0
		for i := range p.Items {
			it := &p.Items[i]
			if it.Action != ActionNew && it.Action != ActionUpdate {
				continue
			}
			if done%500 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				if progress != nil {
					progress(done, total)
				}
			}
			if err := w.write(it); err != nil {
				return fmt.Errorf("导入工作表“%s”第 %d 行失败：%w", it.Row.Sheet.Name, it.Row.Line, err)
			}
			done++
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		summary := fmt.Sprintf("新增 %d 人，更新 %d 人，无变化 %d 人，未导入 %d 行", p.New, p.Updated, p.Unchanged, p.Rejected)
		if len(w.branches) > 0 {
			summary += fmt.Sprintf("，新建支部 %d 个", len(w.branches))
		}
		if err := b.Finish(s, summary); err != nil {
			return err
		}
		if progress != nil {
			progress(total, total)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return batchID, nil
}

// commitWriter holds the prepared statements of one commit.
type commitWriter struct {
	tx                                         *sql.Tx
	b                                          *data.Batch
	units                                      map[string]int64
	branches                                   map[string]int64
	insPerson, updPerson, insMember, updMember *sql.Stmt
}

const personCols = `name,gender,ethnicity,birth,id_number,education,degree,title,unit_id,post,phone`

func newCommitWriter(tx *sql.Tx, b *data.Batch) (*commitWriter, error) {
	w := &commitWriter{tx: tx, b: b, units: map[string]int64{}, branches: map[string]int64{}}
	rows, err := tx.Query(`SELECT id, name FROM unit`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return nil, err
		}
		w.units[name] = id
	}
	rows.Close()
	for _, st := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&w.insPerson, `INSERT INTO person(` + personCols + `) VALUES (?,?,?,?,?,?,?,?,?,?,?)`},
		{&w.updPerson, `UPDATE person SET name=?,gender=?,ethnicity=?,birth=?,id_number=?,education=?,degree=?,title=?,unit_id=?,post=?,phone=? WHERE id=?`},
		{&w.insMember, `INSERT INTO membership(person_id, branch_id, category, joined, full_date, status) VALUES (?,?,?,?,?,?)`},
		{&w.updMember, `UPDATE membership SET branch_id=?, category=?, joined=?, full_date=? WHERE id=?`},
	} {
		if *st.dst, err = tx.Prepare(st.sql); err != nil {
			w.close()
			return nil, err
		}
	}
	return w, nil
}

func (w *commitWriter) close() {
	for _, st := range []*sql.Stmt{w.insPerson, w.updPerson, w.insMember, w.updMember} {
		if st != nil {
			st.Close()
		}
	}
}

// createBranches creates the unknown branches the user chose to create and that rows use.
func (w *commitWriter) createBranches(p *Plan) error {
	used := map[string]bool{}
	for _, it := range p.Items {
		if it.NewBranch != "" && it.Action != ActionRejected {
			used[it.NewBranch] = true
		}
	}
	names := make([]string, 0, len(used))
	for n := range used {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, name := range names {
		res, err := w.tx.Exec(`INSERT INTO org(parent_id, type_code, name) VALUES (?,?,?)`, p.Create[name], data.TypeBranch, name)
		if err != nil {
			return fmt.Errorf("新建党支部“%s”失败：%w", name, err)
		}
		id, _ := res.LastInsertId()
		if err := w.b.Inserted("org", id); err != nil {
			return err
		}
		w.branches[name] = id
	}
	return nil
}

func (w *commitWriter) unitID(name string) (any, error) {
	if name == "" {
		return nil, nil
	}
	if id, ok := w.units[name]; ok {
		return id, nil
	}
	id, err := data.EnsureUnit(w.tx, name, "")
	if err != nil {
		return nil, err
	}
	if err := w.b.Inserted("unit", id); err != nil {
		return nil, err
	}
	w.units[name] = id
	return id, nil
}

func (w *commitWriter) write(it *PlanItem) error {
	m := it.Member
	if it.NewBranch != "" {
		m.BranchID = w.branches[it.NewBranch]
	}
	var unit any
	var err error
	if m.UnitID != 0 {
		unit = m.UnitID
	} else if unit, err = w.unitID(m.UnitName); err != nil {
		return err
	}
	args := []any{m.Name, m.Gender, m.Ethnicity, data.DateText(m.Birth), nullable(m.IDNumber), m.Education, m.Degree,
		m.Title, unit, m.Post, m.Phone}
	if it.Action == ActionNew {
		res, err := w.insPerson.Exec(args...)
		if err != nil {
			return err
		}
		pid, _ := res.LastInsertId()
		if err := w.b.Inserted("person", pid); err != nil {
			return err
		}
		res, err = w.insMember.Exec(pid, m.BranchID, m.Category, data.DateText(m.Joined), data.DateText(m.Full), m.Status)
		if err != nil {
			return err
		}
		mid, _ := res.LastInsertId()
		return w.b.Inserted("membership", mid)
	}
	if changesPerson(it.Changes) {
		if err := w.b.Updating("person", m.Person.ID); err != nil {
			return err
		}
		if _, err := w.updPerson.Exec(append(args, m.Person.ID)...); err != nil {
			return err
		}
	}
	if changesMembership(it.Changes) {
		if err := w.b.Updating("membership", m.Membership.ID); err != nil {
			return err
		}
		if _, err := w.updMember.Exec(m.BranchID, m.Category, data.DateText(m.Joined), data.DateText(m.Full), m.Membership.ID); err != nil {
			return err
		}
	}
	return nil
}

var membershipLabels = []string{FieldBranch.Label(), FieldCategory.Label(), FieldJoined.Label(), FieldFull.Label()}

func changesMembership(changes []string) bool {
	for _, c := range changes {
		if slices.Contains(membershipLabels, c) {
			return true
		}
	}
	return false
}

func changesPerson(changes []string) bool {
	for _, c := range changes {
		if !slices.Contains(membershipLabels, c) {
			return true
		}
	}
	return false
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
