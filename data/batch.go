package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"dangjian/data/internal/sqldb"
)

// Batch is one import of the history: what it was, when, by whom, and whether it was undone.
// Every import (roster, A/B posts, scores) records its changes through one batchWriter, so one
// mechanism undoes all of them.
type Batch struct {
	ID       int64
	Kind     string
	Source   string
	At       time.Time
	User     string
	Summary  string
	UndoneAt time.Time
}

// batchWriter records what one import changes, row by row, inside its transaction
// (sqldb.Batch).
type batchWriter struct {
	s          *Store
	id         int64
	kind, from string
	tx         *sql.Tx
	tables     []string // the tables touched, in first-touch order
	// pending are the inserts not yet written to batch_change. They are written together, in
	// order, before the next before-image and at Finish: a statement per recorded row made the
	// record a third of a 100 000-row import.
	pending []batchRow
}

type batchRow struct {
	table string
	id    int64
}

// beginBatch starts recording an import inside tx.
func (s *Store) beginBatch(tx *sql.Tx, kind, source string) (*batchWriter, error) {
	res, err := tx.Exec(`INSERT INTO batch(kind, source, at, user) VALUES (?,?,?,?)`, kind, source, s.Now().Format(time.RFC3339), s.User)
	if err != nil {
		return nil, err
	}
	id, _ := res.LastInsertId()
	return &batchWriter{s: s, id: id, kind: kind, from: source, tx: tx}, nil
}

// ID is the batch's number in the import history.
func (b *batchWriter) ID() int64 { return b.id }

// Inserted records a row the batch created; undo deletes it. The record is written by the
// next Updating or by Finish, in the order the rows were recorded, so undo still deletes the
// rows in reverse order (a member before the unit it was given).
func (b *batchWriter) Inserted(table string, id int64) error {
	if !sqldb.Undoable(table) {
		return fmt.Errorf("table %s is not undoable", table)
	}
	b.touch(table)
	b.pending = append(b.pending, batchRow{table, id})
	return nil
}

func (b *batchWriter) touch(table string) {
	if !slices.Contains(b.tables, table) {
		b.tables = append(b.tables, table)
	}
}

// flushInserts writes the pending inserts to batch_change, one statement per run of one
// table, keeping their order. At Finish (withAfter) each record gets its after-image as it is
// written, instead of a second pass rewriting every record.
func (b *batchWriter) flushInserts(withAfter bool) error {
	objs := map[string]string{}
	for len(b.pending) > 0 {
		table := b.pending[0].table
		n := 1
		for n < len(b.pending) && b.pending[n].table == table {
			n++
		}
		ids := make([]byte, 0, n*8)
		ids = append(ids, '[')
		for i, r := range b.pending[:n] {
			if i > 0 {
				ids = append(ids, ',')
			}
			ids = strconv.AppendInt(ids, r.id, 10)
		}
		ids = append(ids, ']')
		after := "''"
		if withAfter {
			if objs[table] == "" {
				obj, err := jsonObjectOf(b.tx, table)
				if err != nil {
					return err
				}
				objs[table] = obj
			}
			after = `(SELECT ` + objs[table] + ` FROM ` + table + ` t WHERE t.id = j.value)`
		}
		// The records' ids follow the ids' order in the array, given rather than left to an
		// ORDER BY, which made SQLite sort every record with its after-image in a temp b-tree.
		var next int64
		if err := b.tx.QueryRow(`SELECT COALESCE(MAX(id), 0) + 1 FROM batch_change`).Scan(&next); err != nil {
			return err
		}
		if _, err := b.tx.Exec(`INSERT INTO batch_change(id, batch_id, tbl, row_id, op, after)
			SELECT ? + j.key, ?, ?, j.value, 'insert', `+after+` FROM json_each(?) j`, next, b.id, table, string(ids)); err != nil {
			return err
		}
		b.pending = b.pending[n:]
	}
	b.pending = nil
	return nil
}

// Flush writes the records of the rows inserted so far, with their after-images. A caller that
// writes in chunks and will not change those rows again in this batch (the streaming roster
// import) calls it after each chunk, so that the work is done while the file is still being
// read instead of all at Finish.
func (b *batchWriter) Flush() error { return b.flushInserts(true) }

// Updating records a row's before-image; call it before the batch changes the row.
func (b *batchWriter) Updating(table string, id int64) error {
	if !sqldb.Undoable(table) {
		return fmt.Errorf("table %s is not undoable", table)
	}
	if err := b.flushInserts(false); err != nil {
		return err
	}
	before, err := rowJSON(b.tx, table, id)
	if err != nil {
		return err
	}
	_, err = b.tx.Exec(`INSERT INTO batch_change(batch_id, tbl, row_id, op, before) VALUES (?,?,?, 'update', ?)`, b.id, table, id, before)
	b.touch(table)
	return err
}

// Finish stores the after-images (so undo can tell a row edited since) and the summary, and
// logs the import in the audit. The after-images are written by one statement per table with
// SQLite's json_object (undo compares them as JSON values with rowJSON's), because a row-by-row
// pass made a 100 000-row import take minutes; inserts still pending get theirs as they are
// recorded, and only the records written earlier are updated.
func (b *batchWriter) Finish(summary string) error {
	if err := b.flushInserts(true); err != nil {
		return err
	}
	for _, table := range b.tables {
		obj, err := jsonObjectOf(b.tx, table)
		if err != nil {
			return err
		}
		if _, err := b.tx.Exec(`UPDATE batch_change SET after = (SELECT `+obj+` FROM `+table+` t WHERE t.id = batch_change.row_id)
			WHERE batch_id = ? AND tbl = ? AND after = ''`, b.id, table); err != nil {
			return err
		}
	}
	if _, err := b.tx.Exec(`UPDATE batch SET summary=? WHERE id=?`, summary, b.id); err != nil {
		return err
	}
	return b.s.audit(b.tx, "导入", b.kind, summary, b.from, b.id)
}

// jsonObjectOf is the json_object(...) expression of every column of table (aliased t).
func jsonObjectOf(q queryer, table string) (string, error) {
	rows, err := q.Query(`SELECT name FROM pragma_table_info(?)`, table)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var parts []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return "", err
		}
		parts = append(parts, "'"+c+"', t."+c)
	}
	return "json_object(" + strings.Join(parts, ", ") + ")", rows.Err()
}

// rowJSON is the row as a JSON object of column → value.
func rowJSON(q queryer, table string, id int64) (string, error) {
	rows, err := q.Query(`SELECT * FROM `+table+` WHERE id = ?`, id)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	if !rows.Next() {
		return "", rows.Err()
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return "", err
	}
	m := make(map[string]any, len(cols))
	for i, c := range cols {
		if b, ok := vals[i].([]byte); ok {
			vals[i] = string(b)
		}
		m[c] = vals[i]
	}
	b, err := json.Marshal(m)
	return string(b), err
}

// Batches lists the import history, newest first.
func (s *Store) Batches(ctx context.Context) ([]Batch, error) {
	return sqldb.Collect(ctx, s.q(ctx), func(rows scanner) (Batch, error) {
		var b Batch
		var at, undone string
		if err := rows.Scan(&b.ID, &b.Kind, &b.Source, &at, &b.User, &b.Summary, &undone); err != nil {
			return b, err
		}
		b.At, _ = time.Parse(time.RFC3339, at)
		b.UndoneAt, _ = time.Parse(time.RFC3339, undone)
		return b, nil
	}, `SELECT id, kind, source, at, user, summary, undone_at FROM batch ORDER BY id DESC`)
}

// UndoBatch puts back every row the batch touched, in one transaction: rows it inserted are
// deleted, rows it updated get their before-image. It refuses, naming the rows, when any of
// them was edited after the import, since undo would then throw that edit away.
//
// progress (may be nil) hears how far it is: total is the batch's row count, and done climbs
// to it once, half a row for each row checked against its after-image and half for each row
// put back, with what saying which of the two it is doing and how many rows it has done.
func (s *Store) UndoBatch(ctx context.Context, id int64, reason string, progress func(done, total int, what string)) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		kind, changes, err := batchToUndo(tx, id)
		if err != nil {
			return err
		}
		p := undoProgress{progress, len(changes)}
		if err := editedSince(tx, changes, p.checked); err != nil {
			return err
		}
		if err := laterDependents(tx, id); err != nil {
			return err
		}
		for i, c := range changes {
			if err := c.undo(tx); err != nil {
				return err
			}
			p.restored(i + 1)
		}
		if _, err := tx.Exec(`UPDATE batch SET undone_at=? WHERE id=?`, s.Now().Format(time.RFC3339), id); err != nil {
			return err
		}
		return s.audit(tx, "撤销导入", kind, fmt.Sprintf("撤销第 %d 批，还原 %d 条记录", id, len(changes)), reason, id)
	})
}

// undoProgress tells an undo's progress callback (nil: nobody listens) how far it is. Undo
// passes over the batch's n rows twice — checking each against its after-image, then putting
// it back — and reports both as one climb to n, half a row per row of either pass, so the
// window's bar fills once.
type undoProgress struct {
	report func(done, total int, what string)
	n      int
}

// checked reports i rows checked.
func (u undoProgress) checked(i int) {
	if u.report != nil {
		u.report(i/2, u.n, fmt.Sprintf("正在核对导入后是否改动过：%d / %d 条", i, u.n))
	}
}

// restored reports i rows put back (or kept, when undo keeps the edited ones).
func (u undoProgress) restored(i int) {
	if u.report != nil {
		u.report((u.n+i)/2, u.n, fmt.Sprintf("正在还原导入前的记录：%d / %d 条", i, u.n))
	}
}

// batchChange is one row a batch inserted or updated, with its images.
type batchChange struct {
	table, op, before, after string
	id                       int64
}

// batchToUndo is the kind of batch id and its changes, the last first; it is refused when
// there is no such batch or it was undone already.
func batchToUndo(tx *sql.Tx, id int64) (string, []batchChange, error) {
	var kind, undone string
	if err := tx.QueryRow(`SELECT kind, undone_at FROM batch WHERE id=?`, id).Scan(&kind, &undone); err != nil {
		return "", nil, fmt.Errorf("找不到第 %d 批导入", id)
	}
	if undone != "" {
		return "", nil, fmt.Errorf("第 %d 批导入已于 %s 撤销过", id, undone)
	}
	changes, err := changesOf(tx, id)
	return kind, changes, err
}

// editedSince refuses, naming the rows, when any row of the batch was edited after the import:
// undo would throw that edit away.
func editedSince(tx *sql.Tx, changes []batchChange, checked func(i int)) error {
	var edited []string
	for i, c := range changes {
		ed, err := rowEditedSince(tx, c)
		if err != nil {
			return err
		}
		checked(i + 1)
		if ed {
			edited = append(edited, describeRow(tx, c.table, c.id))
		}
	}
	if len(edited) == 0 {
		return nil
	}
	if len(edited) > 10 {
		edited = append(edited[:10], fmt.Sprintf("等共 %d 条", len(edited)))
	}
	return fmt.Errorf("导入后以下记录又被修改过，撤销会丢掉这些修改，因此未撤销：%s。请先手工核对这些记录", strings.Join(edited, "、"))
}

// undo puts one row back: an inserted row is deleted, an updated one gets its before-image.
func (c batchChange) undo(tx *sql.Tx) error {
	if !sqldb.Undoable(c.table) {
		return fmt.Errorf("table %s is not undoable", c.table)
	}
	switch c.op {
	case "insert":
		if _, err := tx.Exec(`DELETE FROM `+c.table+` WHERE id=?`, c.id); err != nil {
			if KindOf(err) == KindForeignKey {
				return stillUsedError(tx, c.table, c.id)
			}
			return fmt.Errorf("撤销失败，未作任何改动：%w", err)
		}
	case "update":
		return restoreRow(tx, c.table, c.id, c.before)
	}
	return nil
}

func sameJSON(a, b string) bool {
	x, err1 := rowValues(a)
	y, err2 := rowValues(b)
	if err1 != nil || err2 != nil {
		return false
	}
	xb, _ := json.Marshal(x)
	yb, _ := json.Marshal(y)
	return string(xb) == string(yb)
}

// rowValues reads a row image with its numbers exact: an integer stays an int64 (float64 would
// round one beyond 2^53, restoring a wrong value and missing an edit), a whole REAL such as
// SQLite's 5.0 reads as the integer 5 it equals, any other number as float64.
func rowValues(image string) (map[string]any, error) {
	d := json.NewDecoder(strings.NewReader(image))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return nil, err
	}
	for k, v := range m {
		n, ok := v.(json.Number)
		if !ok {
			continue
		}
		if i, err := n.Int64(); err == nil {
			m[k] = i
		} else if f, err := n.Float64(); err == nil && f == float64(int64(f)) && f > -1<<62 && f < 1<<62 {
			m[k] = int64(f)
		} else {
			m[k] = f
		}
	}
	return m, nil
}

func restoreRow(tx *sql.Tx, table string, id int64, before string) error {
	m, err := rowValues(before)
	if err != nil {
		return err
	}
	var sets []string
	var args []any
	for col, v := range m {
		if col == "id" {
			continue
		}
		sets = append(sets, col+" = ?")
		args = append(args, v)
	}
	_, err = tx.Exec(`UPDATE `+table+` SET `+strings.Join(sets, ", ")+` WHERE id = ?`, append(args, id)...)
	return err
}

func describeRow(q queryer, table string, id int64) string {
	var name string
	switch table {
	case "person":
		q.QueryRow(`SELECT name FROM person WHERE id=?`, id).Scan(&name)
	case "membership":
		q.QueryRow(`SELECT p.name FROM membership m JOIN person p ON p.id=m.person_id WHERE m.id=?`, id).Scan(&name)
	case "org", "unit":
		q.QueryRow(`SELECT name FROM `+table+` WHERE id=?`, id).Scan(&name)
	}
	if name == "" {
		return fmt.Sprintf("%s第 %d 条", tableLabel(table), id)
	}
	return "“" + name + "”"
}
