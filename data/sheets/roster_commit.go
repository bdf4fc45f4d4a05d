package sheets

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

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
		// Updates one by one (each records its row's before-image), then the new members in
		// multi-row statements.
		done := 0
		tell := func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if progress != nil {
				progress(done, total)
			}
			return nil
		}
		var fresh []*PlanItem
		for i := range p.Items {
			it := &p.Items[i]
			switch it.Action {
			case ActionNew:
				fresh = append(fresh, it)
				continue
			case ActionUpdate:
			default:
				continue
			}
			if done%500 == 0 {
				if err := tell(); err != nil {
					return err
				}
			}
			if err := w.update(it); err != nil {
				return rowFailed(it, err)
			}
			done++
		}
		for len(fresh) > 0 {
			n := min(len(fresh), insertChunk)
			if err := w.insert(fresh[:n]); err != nil {
				return err
			}
			done += n
			fresh = fresh[n:]
			if err := tell(); err != nil {
				return err
			}
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
	tx                     *sql.Tx
	b                      *data.Batch
	units                  map[string]int64
	branches               map[string]int64
	updPerson, updMember   *sql.Stmt
	insPersons, insMembers *sql.Stmt                 // the full multi-row inserts, prepared on first use
	nextPerson, nextMember int64                     // the ids the next new member takes
	parentOf               func(branch string) int64 // where a branch not yet created goes
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
		{&w.updPerson, `UPDATE person SET name=?,gender=?,ethnicity=?,birth=?,id_number=?,education=?,degree=?,title=?,unit_id=?,post=?,phone=? WHERE id=?`},
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
	for _, st := range []*sql.Stmt{w.insPersons, w.updPerson, w.insMembers, w.updMember} {
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
		if _, err := w.newBranch(name, p.Create[name]); err != nil {
			return err
		}
	}
	return nil
}

// newBranch creates a 党支部 under parent.
func (w *commitWriter) newBranch(name string, parent int64) (int64, error) {
	res, err := w.tx.Exec(`INSERT INTO org(parent_id, type_code, name) VALUES (?,?,?)`, parent, data.TypeBranch, name)
	if err != nil {
		return 0, fmt.Errorf("新建党支部“%s”失败：%w", name, err)
	}
	id, _ := res.LastInsertId()
	if err := w.b.Inserted("org", id); err != nil {
		return 0, err
	}
	w.branches[name] = id
	return id, nil
}

// branchOf puts the id of the branch created for the item into its member; a streaming
// import creates each branch when its first row is written, through parentOf.
func (w *commitWriter) branchOf(it *PlanItem) error {
	if it.NewBranch == "" {
		return nil
	}
	id, ok := w.branches[it.NewBranch]
	if !ok {
		var err error
		if w.parentOf == nil {
			return fmt.Errorf("党支部“%s”未建立", it.NewBranch)
		}
		if id, err = w.newBranch(it.NewBranch, w.parentOf(it.NewBranch)); err != nil {
			return err
		}
	}
	it.Member.BranchID = id
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

// insertChunk is how many new members are written between progress reports, and
// rowsPerInsert how many rows one INSERT statement carries: a statement per row spent more
// time in database/sql and the driver than in SQLite.
const (
	insertChunk   = 5000
	rowsPerInsert = 400
)

// Column lists of the multi-row inserts; ids are given, assigned before the insert (the
// transaction holds SQLite's write lock, so no one else can take them).
var (
	personInsert = insertRows{head: `INSERT INTO person(id,` + personCols + `) VALUES `, cols: 12}
	memberInsert = insertRows{head: `INSERT INTO membership(id, person_id, branch_id, category, joined, full_date, status) VALUES `, cols: 7}
)

// insertRows builds the INSERT of n rows of cols values.
type insertRows struct {
	head string
	cols int
}

func (r insertRows) sql(n int) string {
	one := "(" + strings.Repeat("?,", r.cols-1) + "?)"
	return r.head + strings.Repeat(one+",", n-1) + one
}

// insert writes new members: their units first, then the persons, then the memberships.
func (w *commitWriter) insert(items []*PlanItem) error {
	if w.nextPerson == 0 {
		for _, q := range []struct {
			dst *int64
			sql string
		}{{&w.nextPerson, `SELECT COALESCE(MAX(id), 0) + 1 FROM person`}, {&w.nextMember, `SELECT COALESCE(MAX(id), 0) + 1 FROM membership`}} {
			if err := w.tx.QueryRow(q.sql).Scan(q.dst); err != nil {
				return err
			}
		}
	}
	persons := make([]any, 0, len(items)*personInsert.cols)
	members := make([]any, 0, len(items)*memberInsert.cols)
	for _, it := range items {
		m := it.Member
		if err := w.branchOf(it); err != nil {
			return rowFailed(it, err)
		}
		unit, err := w.unitOf(m)
		if err != nil {
			return rowFailed(it, err)
		}
		pid, mid := w.nextPerson, w.nextMember
		w.nextPerson, w.nextMember = pid+1, mid+1
		persons = append(persons, pid, m.Name, m.Gender, m.Ethnicity, data.DateText(m.Birth), nullable(m.IDNumber), m.Education, m.Degree,
			m.Title, unit, m.Post, m.Phone)
		members = append(members, mid, pid, m.BranchID, m.Category, data.DateText(m.Joined), data.DateText(m.Full), m.Status)
	}
	if err := w.insertRows(personInsert, &w.insPersons, persons, items); err != nil {
		return err
	}
	if err := w.insertRows(memberInsert, &w.insMembers, members, items); err != nil {
		return err
	}
	for _, table := range []string{"person", "membership"} {
		first := w.nextPerson - int64(len(items))
		if table == "membership" {
			first = w.nextMember - int64(len(items))
		}
		for i := range items {
			if err := w.b.Inserted(table, first+int64(i)); err != nil {
				return err
			}
		}
	}
	return nil
}

// insertRows runs the inserts of args (r.cols values per item), rowsPerInsert rows a
// statement. When a statement fails on a constraint, its rows are tried one by one to name the
// row at fault: SQLite undid only the failed statement, and the transaction is rolled back
// anyway. Any other failure (a full disk above all) may have rolled the transaction back
// already, so nothing more may run: each retry would commit on its own.
func (w *commitWriter) insertRows(r insertRows, full **sql.Stmt, args []any, items []*PlanItem) error {
	if *full == nil {
		var err error
		if *full, err = w.tx.Prepare(r.sql(rowsPerInsert)); err != nil {
			return err
		}
	}
	for start := 0; start < len(items); start += rowsPerInsert {
		n := min(rowsPerInsert, len(items)-start)
		vals := args[start*r.cols : (start+n)*r.cols]
		var err error
		if n == rowsPerInsert {
			_, err = (*full).Exec(vals...)
		} else {
			_, err = w.tx.Exec(r.sql(n), vals...)
		}
		if err == nil {
			continue
		}
		if !data.KeepsTransaction(err) {
			return err
		}
		for i := range n {
			if _, e := w.tx.Exec(r.sql(1), vals[i*r.cols:(i+1)*r.cols]...); e != nil {
				if !data.KeepsTransaction(e) {
					return e
				}
				return rowFailed(items[start+i], e)
			}
		}
		return err
	}
	return nil
}

func (w *commitWriter) unitOf(m *data.Member) (any, error) {
	if m.UnitID != 0 {
		return m.UnitID, nil
	}
	return w.unitID(m.UnitName)
}

// update writes a changed member over the stored one, recording the before-images.
func (w *commitWriter) update(it *PlanItem) error {
	m := it.Member
	if err := w.branchOf(it); err != nil {
		return err
	}
	unit, err := w.unitOf(m)
	if err != nil {
		return err
	}
	if changesPerson(it.Changes) {
		if err := w.b.Updating("person", m.Person.ID); err != nil {
			return err
		}
		if _, err := w.updPerson.Exec(m.Name, m.Gender, m.Ethnicity, data.DateText(m.Birth), nullable(m.IDNumber), m.Education, m.Degree,
			m.Title, unit, m.Post, m.Phone, m.Person.ID); err != nil {
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

func rowFailed(it *PlanItem, err error) error {
	return fmt.Errorf("导入工作表“%s”第 %d 行失败：%w", it.Row.Sheet.Name, it.Row.Line, err)
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
