package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// UndoBatch refuses a batch some of whose rows were edited after the import, since undoing
// would throw the edit away. That left the office at a dead end ("…因此未撤销：“胡斌”"); these
// are the two ways on: undo every other row and keep the edited ones, or restore the backup
// taken before the import.

// changesOf reads a batch's changes, the last first (the order undo goes in).
func changesOf(q queryer, batch int64) ([]batchChange, error) {
	return collect(q, func(rows scanner) (batchChange, error) {
		var c batchChange
		return c, rows.Scan(&c.table, &c.id, &c.op, &c.before, &c.after)
	}, `SELECT tbl, row_id, op, before, after FROM batch_change WHERE batch_id=? ORDER BY id DESC`, batch)
}

// rowEditedSince tells whether the row of c differs now from what the import left.
func rowEditedSince(q queryer, c batchChange) (bool, error) {
	now, err := rowJSON(q, c.table, c.id)
	if err != nil {
		return false, err
	}
	return now != c.after && !sameJSON(now, c.after), nil
}

// EditedSinceImport names the rows of batch id that were edited after the import (“胡斌”):
// those UndoBatch refuses to overwrite. Empty when the batch can be undone as a whole.
func (s *Store) EditedSinceImport(ctx context.Context, id int64) ([]string, error) {
	return readWith(ctx, s, func(q queryer) ([]string, error) { return editedSinceImport(q, id) })
}

func editedSinceImport(q queryer, id int64) ([]string, error) {
	changes, err := changesOf(q, id)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, c := range changes {
		ed, err := rowEditedSince(q, c)
		if err != nil {
			return nil, err
		}
		if ed {
			out = appendOnce(out, describeRow(q, c.table, c.id))
		}
	}
	return out, nil
}

// UndoBatchKeepingEdited undoes batch id except what was edited after the import: an edited
// person keeps everything the batch wrote for them (the person and their membership), an
// edited other row stays as it is now, and a row that a kept one still needs (the unit a kept
// person works in) stays too. It returns what it kept, for the user and the 操作日志.
// progress (may be nil) hears how far it is, as UndoBatch's does.
func (s *Store) UndoBatchKeepingEdited(ctx context.Context, id int64, reason string, progress func(done, total int, what string)) ([]string, error) {
	var kept []string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		kind, changes, err := batchToUndo(tx, id)
		if err != nil {
			return err
		}
		p := undoProgress{progress, len(changes)}
		var keep []bool
		keep, kept, err = editedToKeep(tx, changes, p.checked)
		if err != nil {
			return err
		}
		if err := laterDependents(tx, id); err != nil {
			return err
		}
		restored := 0
		for i, c := range changes {
			p.restored(i + 1)
			if keep[i] {
				continue
			}
			switch c.op {
			case "insert":
				if _, err := tx.Exec(`DELETE FROM `+c.table+` WHERE id=?`, c.id); err != nil {
					if KindOf(err) != KindForeignKey {
						return fmt.Errorf("撤销失败，未作任何改动：%w", err)
					}
					// still used by a row that stays: it stays with it
					kept = appendOnce(kept, describeRow(tx, c.table, c.id))
					continue
				}
			case "update":
				if err := restoreRow(tx, c.table, c.id, c.before); err != nil {
					return err
				}
			}
			restored++
		}
		if _, err := tx.Exec(`UPDATE batch SET undone_at=? WHERE id=?`, s.Now().Format(time.RFC3339), id); err != nil {
			return err
		}
		detail := fmt.Sprintf("撤销第 %d 批，还原 %d 条记录，保留导入后修改过的：%s", id, restored, strings.Join(kept, "、"))
		return s.audit(tx, "撤销导入", kind, detail, reason, id)
	})
	return kept, err
}

// editedToKeep marks the changes to keep — the rows edited since the import and every row of
// a person with an edited one — and names the edited rows.
func editedToKeep(q queryer, changes []batchChange, checked func(i int)) ([]bool, []string, error) {
	keep := make([]bool, len(changes))
	var kept []string
	persons := map[int64]bool{}
	for i, c := range changes {
		ed, err := rowEditedSince(q, c)
		if err != nil {
			return nil, nil, err
		}
		checked(i + 1)
		if ed {
			keep[i] = true
			kept = appendOnce(kept, describeRow(q, c.table, c.id))
			if p := personOfChange(c); p != 0 {
				persons[p] = true
			}
		}
	}
	for i, c := range changes {
		if p := personOfChange(c); p != 0 && persons[p] {
			keep[i] = true
		}
	}
	return keep, kept, nil
}

// personOfChange is the person a changed row belongs to (a person, their membership, transfer
// or temporary-branch place), 0 for other rows; read from the image the import left.
func personOfChange(c batchChange) int64 {
	if c.table == "person" {
		return c.id
	}
	m, err := rowValues(c.after)
	if err != nil {
		return 0
	}
	if p, ok := m["person_id"].(int64); ok {
		return p
	}
	return 0
}

// BackupBeforeImport is the backup taken just before batch id (导入前): the newest backup of
// this database taken no later than the import. ErrNotFound when the ten kept no longer hold it.
func (s *Store) BackupBeforeImport(ctx context.Context, id int64) (BackupInfo, error) {
	var at string
	if err := s.q(ctx).QueryRowContext(ctx, `SELECT at FROM batch WHERE id=?`, id).Scan(&at); err != nil {
		return BackupInfo{}, lookupFailed("该批导入", err)
	}
	when, err := time.Parse(time.RFC3339, at)
	if err != nil {
		return BackupInfo{}, ErrNotFound
	}
	list, err := s.Backups()
	if err != nil {
		return BackupInfo{}, err
	}
	var best BackupInfo
	for _, b := range list {
		if strings.HasSuffix(b.Why, "导入前") && !b.At.After(when) && (best.Path == "" || !b.At.Before(best.At)) {
			best = b
		}
	}
	if best.Path == "" {
		return best, ErrNotFound
	}
	return best, nil
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
