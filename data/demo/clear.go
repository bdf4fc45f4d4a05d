package demo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"dangjian/data"
	"dangjian/data/internal/sqldb"
)

// ErrNotDemo refuses to clear a database that was not filled with the demo.
var ErrNotDemo = errors.New("这个数据库不是演示数据，不能用“清除演示数据”清空；如需删除记录，请在各页面逐条处理")

// demoTables are every table the demo (and work done on it) fills, children before parents so
// each DELETE leaves no reference dangling. The audit log stays: clearing is in it too.
var demoTables = []string{
	"eval_veto", "eval_override", "eval_ballot", "eval_score", "eval_group", "eval_organ", "eval_round",
	"eval_indicator", "eval_dimension", "eval_set",
	"ab_calendar_day", "ab_absence", "ab_assignment", "ab_item",
	"seat", "term", "temp_member", "transfer", "membership", "person", "org", "unit", "profile",
	"batch_change",
}

// IsDemo tells whether the store holds the demo institute: the demo was loaded and not
// cleared since, and there are records.
func IsDemo(ctx context.Context, s *data.Store) (bool, error) {
	empty, err := IsEmpty(ctx, s)
	if err != nil || empty {
		return false, err
	}
	var loaded, cleared sql.NullInt64
	err = sqldb.Of(s).Q(ctx).QueryRowContext(ctx, `SELECT MAX(CASE WHEN action = '载入演示数据' THEN id END),
		MAX(CASE WHEN action = '清除演示数据' THEN id END) FROM audit`).Scan(&loaded, &cleared)
	return loaded.Valid && (!cleared.Valid || cleared.Int64 < loaded.Int64), err
}

// Clear empties a demo database after a backup, in one transaction, and logs it with the
// backup's path: what the office typed into the demo goes too, which the window says before
// asking. It returns the backup's path.
func Clear(ctx context.Context, s *data.Store) (string, error) {
	demo, err := IsDemo(ctx, s)
	if err != nil {
		return "", err
	}
	if !demo {
		return "", ErrNotDemo
	}
	backup, err := s.AutoBackup("清除演示数据前")
	if err != nil {
		return "", fmt.Errorf("清除前的备份未能完成，演示数据未清除：%w", err)
	}
	return backup, sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		for _, t := range demoTables {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+t); err != nil {
				return fmt.Errorf("清除演示数据（%s）：%w", t, err)
			}
		}
		// Import batches of the demo cannot be undone once their rows are gone.
		if _, err := tx.ExecContext(ctx, `UPDATE audit SET batch_id = NULL`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM batch`); err != nil {
			return err
		}
		return sqldb.Of(s).Audit(tx, "清除演示数据", "演示研究院", "清除前的备份："+backup, "", 0)
	})
}
