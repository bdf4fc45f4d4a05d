package data

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"dangjian/data/civil"
	"dangjian/data/internal/sqldb"
)

// A roster import adds a member; the office then puts him on a branch committee. Undoing the
// import cannot delete him while he holds the seat: the refusal must say so in Chinese, name
// him and say what to do — not show SQLite's "FOREIGN KEY constraint failed" — and change nothing.
func TestUndoRefusesInChineseWhenAnImportedRowIsUsedSince(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	b := f.org(0, TypeBranch, "甲支部", "甲实验室", "实验室")
	batchID, pids := f.imported(b, "王新")
	pid := pids[0]
	f.committee(b, civil.Date(2026, 1, 10), map[string]int64{"组织委员": pid})

	err := f.s.UndoBatch(ctx, batchID, "导错了", nil)
	if err == nil {
		t.Fatal("undo deleted a person who holds a committee seat")
	}
	msg := err.Error()
	if strings.Contains(msg, "FOREIGN KEY") || strings.Contains(msg, "constraint") || !strings.Contains(msg, "王新") || !strings.Contains(msg, "支委") {
		t.Fatalf("refusal %q: want one Chinese sentence naming 王新 and his committee seat", msg)
	}
	if m, err := f.s.Member(ctx, pid); err != nil || m.Name != "王新" {
		t.Fatalf("refused undo changed the roster: %+v, %v", m, err)
	}
	var undone string
	f.s.db.QueryRow(`SELECT undone_at FROM batch WHERE id=?`, batchID).Scan(&undone)
	if undone != "" {
		t.Fatal("refused undo marked the batch undone")
	}
}

// Undo restores before-images from JSON: an integer beyond 2^53 must come back exactly, and a
// row whose value differs from the import's only past float64 precision is an edit.
func TestUndoKeepsLargeIntegersExact(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if _, err := s.db.Exec(`CREATE TABLE review_big(id INTEGER PRIMARY KEY, n INTEGER, x REAL, t TEXT)`); err != nil {
		t.Fatal(err)
	}
	sqldb.RegisterUndoable("review_big")
	const big = int64(9007199254740993) // 2^53 + 1: not a float64
	s.db.Exec(`INSERT INTO review_big(id, n, x, t) VALUES (1, ?, 85.33333333333333, NULL)`, big)
	batchID := inBatch(t, s, "测试导入", "", "更新 1", func(tx *sql.Tx, bt *batchWriter) error {
		if err := bt.Updating("review_big", 1); err != nil {
			return err
		}
		_, err := tx.Exec(`UPDATE review_big SET n = 7, x = 1.5, t = 'x' WHERE id = 1`)
		return err
	})
	if err := s.UndoBatch(ctx, batchID, "", nil); err != nil {
		t.Fatal(err)
	}
	var n int64
	var x float64
	var txt sql.NullString
	s.db.QueryRow(`SELECT n, x, t FROM review_big WHERE id = 1`).Scan(&n, &x, &txt)
	if n != big || x != 85.33333333333333 || txt.Valid {
		t.Fatalf("after undo n=%d x=%v t=%v; want %d, 85.33333333333333, NULL", n, x, txt, big)
	}

	// A second import sets n = big; someone then changes it to big-1 by hand (the same float64).
	batchID = inBatch(t, s, "测试导入", "", "更新 1", func(tx *sql.Tx, bt *batchWriter) error {
		bt.Updating("review_big", 1)
		_, err := tx.Exec(`UPDATE review_big SET n = ? WHERE id = 1`, big)
		return err
	})
	s.db.Exec(`UPDATE review_big SET n = ? WHERE id = 1`, big-1)
	if err := s.UndoBatch(ctx, batchID, "", nil); err == nil {
		t.Fatal("undo threw away a later edit that differs only beyond float64 precision")
	}
}
