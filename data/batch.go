package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Batch records what one import changed, row by row, so that it can be undone as a whole.
// Every import (roster, A/B posts, scores) goes through it: one mechanism serves all of them.
type Batch struct {
	ID       int64
	Kind     string
	Source   string
	At       time.Time
	User     string
	Summary  string
	UndoneAt time.Time

	tx      *sql.Tx
	touched []batchRow
	record  *sql.Stmt // prepared once: an import records a change per row
}

type batchRow struct {
	table string
	id    int64
}

// undoable names the tables a batch may touch; undo writes only to these.
var undoable = map[string]bool{
	"unit": true, "org": true, "person": true, "membership": true, "transfer": true,
	"temp_member": true, "term": true, "seat": true,
}

// RegisterUndoable lets a sub-package (abpost, criteria) allow batches over its own tables.
func RegisterUndoable(tables ...string) {
	for _, t := range tables {
		undoable[t] = true
	}
}

// BeginBatch starts recording an import inside tx.
func (s *Store) BeginBatch(tx *sql.Tx, kind, source string) (*Batch, error) {
	now := s.Now()
	res, err := tx.Exec(`INSERT INTO batch(kind, source, at, user) VALUES (?,?,?,?)`, kind, source, now.Format(time.RFC3339), s.User)
	if err != nil {
		return nil, err
	}
	id, _ := res.LastInsertId()
	return &Batch{ID: id, Kind: kind, Source: source, At: now, User: s.User, tx: tx}, nil
}

// Inserted records a row the batch created; undo deletes it.
func (b *Batch) Inserted(table string, id int64) error {
	if !undoable[table] {
		return fmt.Errorf("table %s is not undoable", table)
	}
	if b.record == nil {
		var err error
		if b.record, err = b.tx.Prepare(`INSERT INTO batch_change(batch_id, tbl, row_id, op) VALUES (?,?,?, 'insert')`); err != nil {
			return err
		}
	}
	_, err := b.record.Exec(b.ID, table, id)
	b.touched = append(b.touched, batchRow{table, id})
	return err
}

// Updating records a row's before-image; call it before the batch changes the row.
func (b *Batch) Updating(table string, id int64) error {
	if !undoable[table] {
		return fmt.Errorf("table %s is not undoable", table)
	}
	before, err := rowJSON(b.tx, table, id)
	if err != nil {
		return err
	}
	_, err = b.tx.Exec(`INSERT INTO batch_change(batch_id, tbl, row_id, op, before) VALUES (?,?,?, 'update', ?)`, b.ID, table, id, before)
	b.touched = append(b.touched, batchRow{table, id})
	return err
}

// Finish stores the after-images (so undo can tell a row edited since) and the summary, and
// logs the import in the audit. The after-images are written by one statement per table with
// SQLite's json_object (undo compares them as JSON values with rowJSON's), because a row-by-row
// pass made a 100 000-row import take minutes.
func (b *Batch) Finish(s *Store, summary string) error {
	done := map[string]bool{}
	for _, r := range b.touched {
		if done[r.table] {
			continue
		}
		done[r.table] = true
		obj, err := jsonObjectOf(b.tx, r.table)
		if err != nil {
			return err
		}
		if _, err := b.tx.Exec(`UPDATE batch_change SET after = (SELECT `+obj+` FROM `+r.table+` t WHERE t.id = batch_change.row_id)
			WHERE batch_id = ? AND tbl = ?`, b.ID, r.table); err != nil {
			return err
		}
	}
	b.Summary = summary
	if _, err := b.tx.Exec(`UPDATE batch SET summary=? WHERE id=?`, summary, b.ID); err != nil {
		return err
	}
	return s.audit(b.tx, "导入", b.Kind, summary, b.Source, b.ID)
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
func (s *Store) Batches() ([]Batch, error) {
	rows, err := s.db.Query(`SELECT id, kind, source, at, user, summary, undone_at FROM batch ORDER BY id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Batch
	for rows.Next() {
		var b Batch
		var at, undone string
		if err := rows.Scan(&b.ID, &b.Kind, &b.Source, &at, &b.User, &b.Summary, &undone); err != nil {
			return nil, err
		}
		b.At, _ = time.Parse(time.RFC3339, at)
		b.UndoneAt, _ = time.Parse(time.RFC3339, undone)
		out = append(out, b)
	}
	return out, rows.Err()
}

// UndoBatch puts back every row the batch touched, in one transaction: rows it inserted are
// deleted, rows it updated get their before-image. It refuses, naming the rows, when any of
// them was edited after the import, since undo would then throw that edit away.
func (s *Store) UndoBatch(ctx context.Context, id int64, reason string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var kind, undone string
		if err := tx.QueryRow(`SELECT kind, undone_at FROM batch WHERE id=?`, id).Scan(&kind, &undone); err != nil {
			return fmt.Errorf("找不到第 %d 批导入", id)
		}
		if undone != "" {
			return fmt.Errorf("第 %d 批导入已于 %s 撤销过", id, undone)
		}
		type change struct {
			table, op, before, after string
			id                       int64
		}
		rows, err := tx.Query(`SELECT tbl, row_id, op, before, after FROM batch_change WHERE batch_id=? ORDER BY id DESC`, id)
		if err != nil {
			return err
		}
		var changes []change
		for rows.Next() {
			var c change
			if err := rows.Scan(&c.table, &c.id, &c.op, &c.before, &c.after); err != nil {
				rows.Close()
				return err
			}
			changes = append(changes, c)
		}
		rows.Close()
		var edited []string
		for _, c := range changes {
			now, err := rowJSON(tx, c.table, c.id)
			if err != nil {
				return err
			}
			if now != c.after && !sameJSON(now, c.after) {
				edited = append(edited, describeRow(tx, c.table, c.id))
			}
		}
		if len(edited) > 0 {
			if len(edited) > 10 {
				edited = append(edited[:10], fmt.Sprintf("等共 %d 条", len(edited)))
			}
			return fmt.Errorf("导入后以下记录又被修改过，撤销会丢掉这些修改，因此未撤销：%s。请先手工核对这些记录", strings.Join(edited, "、"))
		}
		for _, c := range changes {
			if !undoable[c.table] {
				return fmt.Errorf("table %s is not undoable", c.table)
			}
			switch c.op {
			case "insert":
				if _, err := tx.Exec(`DELETE FROM `+c.table+` WHERE id=?`, c.id); err != nil {
					return fmt.Errorf("撤销失败：%s 第 %d 行仍被其他记录引用（%v）", c.table, c.id, err)
				}
			case "update":
				if err := restoreRow(tx, c.table, c.id, c.before); err != nil {
					return err
				}
			}
		}
		if _, err := tx.Exec(`UPDATE batch SET undone_at=? WHERE id=?`, s.Now().Format(time.RFC3339), id); err != nil {
			return err
		}
		return s.audit(tx, "撤销导入", kind, fmt.Sprintf("撤销第 %d 批，还原 %d 条记录", id, len(changes)), reason, id)
	})
}

func sameJSON(a, b string) bool {
	var x, y map[string]any
	if json.Unmarshal([]byte(a), &x) != nil || json.Unmarshal([]byte(b), &y) != nil {
		return false
	}
	xb, _ := json.Marshal(x)
	yb, _ := json.Marshal(y)
	return string(xb) == string(yb)
}

func restoreRow(tx *sql.Tx, table string, id int64, before string) error {
	var m map[string]any
	if err := json.Unmarshal([]byte(before), &m); err != nil {
		return err
	}
	var sets []string
	var args []any
	for col, v := range m {
		if col == "id" {
			continue
		}
		if f, ok := v.(float64); ok && f == float64(int64(f)) {
			v = int64(f) // JSON numbers come back as float64; ids and flags are integers
		}
		sets = append(sets, col+" = ?")
		args = append(args, v)
	}
	_, err := tx.Exec(`UPDATE `+table+` SET `+strings.Join(sets, ", ")+` WHERE id = ?`, append(args, id)...)
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
		return fmt.Sprintf("%s#%d", table, id)
	}
	return name
}
