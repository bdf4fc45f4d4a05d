package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// The one way members are imported, whoever classified them: the wizard's finished plan and
// the command line's streaming read both hand their rows to ImportMembers, which takes the one
// backup, writes in one transaction that is one undoable batch, and logs one audit entry with
// one summary. A cancelled or failed import rolls back whole, so the database is as it was.
//
// The rows come in chunks from feed, which runs on the caller's goroutine while a writer
// goroutine holds the transaction, so the command line's XML parsing and SQLite's inserts
// overlap. The writer opens the transaction (after the backup) when the first chunk arrives,
// so an import with nothing to write costs no backup, and commits only when feed returns
// without error.

// ImportItem is one row an import writes: a new member (Person.ID 0) or a stored one with the
// file's values laid over it. The import leaves the member's ids as they are, so a plan whose
// import failed and was rolled back can be imported again.
type ImportItem struct {
	Member *Member
	// PersonChanged and MembershipChanged say which of an update's two rows it changes.
	PersonChanged, MembershipChanged bool
	// NewBranch names a 党支部 to create under CreateUnder on its first row; the member is put
	// in it.
	NewBranch   string
	CreateUnder int64
	// Sheet and Line name the row in the file, for the message when it cannot be written.
	Sheet string
	Line  int
}

// ImportCounts are the outcomes of every row of an import; they add up to the rows read.
type ImportCounts struct {
	New, Updated, Unchanged, Rejected int
}

// ImportFeed hands an import its rows: send for each chunk, in file order, then the counts of
// the whole file. An error from feed rolls the import back; an error from send is the writer's,
// and feed should return it.
type ImportFeed func(send func([]ImportItem) error) (ImportCounts, error)

// MemberImport names an import for the history and the audit log.
type MemberImport struct {
	Kind   string // 花名册导入
	Source string // the file's name
	// Progress, when not nil, is told the rows written so far after each chunk.
	Progress func(written int)
}

// ImportMembers writes what feed hands it and returns the undoable batch, 0 when nothing was
// written.
func (s *Store) ImportMembers(ctx context.Context, imp MemberImport, feed ImportFeed) (int64, error) {
	w := &memberImport{
		ctx: ctx, s: s, imp: imp, chunks: make(chan []ImportItem, 8),
		verdict: make(chan importVerdict, 1), done: make(chan struct{}),
	}
	go func() {
		defer close(w.done)
		w.err = w.write()
	}()
	counts, err := feed(w.send)
	return w.finish(err, counts)
}

// ImportSummary is what an import did, as the history and the audit log say it.
func ImportSummary(c ImportCounts, branches int) string {
	summary := fmt.Sprintf("新增 %d 人，更新 %d 人，无变化 %d 人，未导入 %d 行", c.New, c.Updated, c.Unchanged, c.Rejected)
	if branches > 0 {
		summary += fmt.Sprintf("，新建支部 %d 个", branches)
	}
	return summary
}

// memberImport is the writer goroutine and what it shares with the caller.
type memberImport struct {
	ctx     context.Context
	s       *Store
	imp     MemberImport
	chunks  chan []ImportItem
	verdict chan importVerdict // feed's outcome, once every chunk is sent
	done    chan struct{}
	err     error // the writer's error, set before done closes
	batch   int64
}

type importVerdict struct {
	err    error
	counts ImportCounts
}

// send hands rows to the writer, or returns the writer's error once it failed.
func (w *memberImport) send(items []ImportItem) error {
	select {
	case <-w.done:
		return w.err
	default:
	}
	select {
	case w.chunks <- items:
		return nil
	case <-w.done:
		return w.err
	}
}

// finish tells the writer feed's outcome (nil: commit) and waits for it.
func (w *memberImport) finish(feedErr error, counts ImportCounts) (int64, error) {
	close(w.chunks)
	w.verdict <- importVerdict{feedErr, counts}
	<-w.done
	if err := w.ctx.Err(); err != nil && (w.err != nil || feedErr != nil) {
		// database/sql rolls the transaction back on a cancel; the writer's error is then
		// only that the transaction is gone.
		return 0, err
	}
	if w.err != nil {
		return 0, w.err
	}
	if feedErr != nil {
		return 0, feedErr
	}
	return w.batch, nil
}

func (w *memberImport) write() error {
	first, ok := <-w.chunks
	if !ok {
		return nil // nothing to write: no backup, no batch
	}
	if _, err := w.s.AutoBackup("导入前"); err != nil {
		return fmt.Errorf("导入前备份数据库失败，未导入任何数据：%w", err)
	}
	return w.s.tx(w.ctx, func(tx *sql.Tx) error {
		b, err := w.s.beginBatch(tx, w.imp.Kind, w.imp.Source)
		if err != nil {
			return err
		}
		mw, err := newMemberWriter(w.s, tx, b)
		if err != nil {
			return err
		}
		defer mw.close()
		written := 0
		for items := first; ok; items, ok = <-w.chunks {
			if err := w.ctx.Err(); err != nil {
				return err
			}
			if err := mw.chunk(items); err != nil {
				return err
			}
			// The rows just written do not change again in this import (an ID number is
			// imported once), so their undo records can be final now.
			if err := b.Flush(); err != nil {
				return err
			}
			written += len(items)
			if w.imp.Progress != nil {
				w.imp.Progress(written)
			}
		}
		v := <-w.verdict
		if v.err != nil {
			return v.err
		}
		if err := w.ctx.Err(); err != nil {
			return err
		}
		if err := b.Finish(ImportSummary(v.counts, len(mw.branches))); err != nil {
			return err
		}
		w.batch = b.ID()
		return nil
	})
}

// memberWriter holds the prepared statements of one import.
type memberWriter struct {
	s                      *Store
	tx                     *sql.Tx
	b                      *batchWriter
	units                  map[string]int64
	branches               map[string]int64
	updPerson, updMember   *sql.Stmt
	insPersons, insMembers *sql.Stmt // the full multi-row inserts, prepared on first use
	nextPerson, nextMember int64     // the ids the next new member takes
}

const importPersonCols = `name,gender,ethnicity,birth,id_number,education,degree,title,unit_id,post,phone`

func newMemberWriter(s *Store, tx *sql.Tx, b *batchWriter) (*memberWriter, error) {
	w := &memberWriter{s: s, tx: tx, b: b, units: map[string]int64{}, branches: map[string]int64{}}
	units, err := unitsIn(tx)
	if err != nil {
		return nil, err
	}
	for _, u := range units {
		w.units[u.Name] = u.ID
	}
	for _, st := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&w.updPerson, `UPDATE person SET ` + strings.ReplaceAll(importPersonCols, ",", "=?,") + `=? WHERE id=?`},
		{&w.updMember, `UPDATE membership SET branch_id=?, category=?, joined=?, full_date=? WHERE id=?`},
	} {
		if *st.dst, err = tx.Prepare(st.sql); err != nil {
			w.close()
			return nil, err
		}
	}
	return w, nil
}

func (w *memberWriter) close() {
	for _, st := range []*sql.Stmt{w.insPersons, w.updPerson, w.insMembers, w.updMember} {
		if st != nil {
			st.Close()
		}
	}
}

// chunk writes the updates of a chunk one by one (each records its row's before-image), then
// its new members in multi-row inserts.
func (w *memberWriter) chunk(items []ImportItem) error {
	fresh := make([]*ImportItem, 0, len(items))
	for i := range items {
		it := &items[i]
		if it.Member.Person.ID == 0 {
			fresh = append(fresh, it)
			continue
		}
		if err := w.update(it); err != nil {
			return rowFailed(it, err)
		}
	}
	for len(fresh) > 0 {
		n := min(len(fresh), importRowsPerInsert)
		if err := w.insert(fresh[:n]); err != nil {
			return err
		}
		fresh = fresh[n:]
	}
	return nil
}

func rowFailed(it *ImportItem, err error) error {
	return fmt.Errorf("导入工作表“%s”第 %d 行失败：%w", it.Sheet, it.Line, err)
}

// branchOf puts the id of the branch created for the item into its member, creating the
// branch on its first row through the one way an organisation is created (checked and
// logged like one made in the window).
func (w *memberWriter) branchOf(it *ImportItem) error {
	if it.NewBranch == "" {
		return nil
	}
	id, ok := w.branches[it.NewBranch]
	if !ok {
		o := Org{ParentID: it.CreateUnder, TypeCode: TypeBranch, Name: it.NewBranch}
		if it.CreateUnder == 0 {
			return fmt.Errorf("党支部“%s”未建立", it.NewBranch)
		}
		if v := ValidateOrg(o, w.s.Today()); len(v) > 0 {
			return fmt.Errorf("新建党支部“%s”失败：%w", it.NewBranch, v)
		}
		if err := w.s.createOrg(w.tx, &o); err != nil {
			return fmt.Errorf("新建党支部“%s”失败：%w", it.NewBranch, err)
		}
		if err := w.b.Inserted("org", o.ID); err != nil {
			return err
		}
		id = o.ID
		w.branches[it.NewBranch] = id
	}
	it.Member.BranchID = id
	return nil
}

// unitOf is the id of the member's unit, created (and recorded for undo) when new.
func (w *memberWriter) unitOf(m *Member) (any, error) {
	if m.UnitID != 0 {
		return m.UnitID, nil
	}
	name := m.UnitName
	if name == "" {
		return nil, nil
	}
	if id, ok := w.units[name]; ok {
		return id, nil
	}
	id, err := ensureUnit(w.tx, name, "")
	if err != nil {
		return nil, err
	}
	if err := w.b.Inserted("unit", id); err != nil {
		return nil, err
	}
	w.units[name] = id
	return id, nil
}

// importRowsPerInsert is how many rows one INSERT statement carries: a statement per row spent
// more time in database/sql and the driver than in SQLite.
const importRowsPerInsert = 400

// Column lists of the multi-row inserts; ids are given, assigned before the insert (the
// transaction holds SQLite's write lock, so no one else can take them).
var (
	personInsert = insertRows{head: `INSERT INTO person(id,` + importPersonCols + `) VALUES `, cols: 12}
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

// insert writes new members: their branches and units first, then the persons, then the
// memberships.
func (w *memberWriter) insert(items []*ImportItem) error {
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
	firstPerson, firstMember := w.nextPerson, w.nextMember
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
		persons = append(persons, pid, m.Name, m.Gender, m.Ethnicity, DateText(m.Birth), nullText(m.IDNumber), m.Education, m.Degree,
			m.Title, unit, m.Post, m.Phone)
		members = append(members, mid, pid, m.BranchID, m.Category, DateText(m.Joined), DateText(m.Full), m.Status)
	}
	if err := w.insertRows(personInsert, &w.insPersons, persons, items); err != nil {
		return err
	}
	if err := w.insertRows(memberInsert, &w.insMembers, members, items); err != nil {
		return err
	}
	for i := range items {
		if err := w.b.Inserted("person", firstPerson+int64(i)); err != nil {
			return err
		}
	}
	for i := range items {
		if err := w.b.Inserted("membership", firstMember+int64(i)); err != nil {
			return err
		}
	}
	return nil
}

// insertRows runs one insert of args (r.cols values per item). When it fails on a constraint,
// its rows are tried one by one to name the row at fault: SQLite undid only the failed
// statement, and the transaction is rolled back anyway. Any other failure (a full disk above
// all) may have rolled the transaction back already, so nothing more may run: each retry
// would commit on its own.
func (w *memberWriter) insertRows(r insertRows, full **sql.Stmt, args []any, items []*ImportItem) error {
	var err error
	if len(items) == importRowsPerInsert {
		if *full == nil {
			if *full, err = w.tx.Prepare(r.sql(importRowsPerInsert)); err != nil {
				return err
			}
		}
		_, err = (*full).Exec(args...)
	} else {
		_, err = w.tx.Exec(r.sql(len(items)), args...)
	}
	if err == nil || !keepsTransaction(err) {
		return err
	}
	for i := range items {
		if _, e := w.tx.Exec(r.sql(1), args[i*r.cols:(i+1)*r.cols]...); e != nil {
			if !keepsTransaction(e) {
				return e
			}
			return rowFailed(items[i], e)
		}
	}
	return err
}

// update writes a changed member over the stored one, recording the before-images.
func (w *memberWriter) update(it *ImportItem) error {
	m := it.Member
	if err := w.branchOf(it); err != nil {
		return err
	}
	unit, err := w.unitOf(m)
	if err != nil {
		return err
	}
	if it.PersonChanged {
		if err := w.b.Updating("person", m.Person.ID); err != nil {
			return err
		}
		if _, err := w.updPerson.Exec(m.Name, m.Gender, m.Ethnicity, DateText(m.Birth), nullText(m.IDNumber), m.Education, m.Degree,
			m.Title, unit, m.Post, m.Phone, m.Person.ID); err != nil {
			return err
		}
	}
	if it.MembershipChanged {
		if err := w.b.Updating("membership", m.Membership.ID); err != nil {
			return err
		}
		if _, err := w.updMember.Exec(m.BranchID, m.Category, DateText(m.Joined), DateText(m.Full), m.Membership.ID); err != nil {
			return err
		}
	}
	return nil
}
