package data

import (
	"context"
	"database/sql"
	"testing"
)

// When SQLite ends a transaction by itself (as it does on a full disk), the statements the
// action still runs on its *sql.Tx ran on their own and committed. Here the transaction is
// ended from inside (ROLLBACK, what SQLite does on SQLITE_FULL) and the action goes on writing:
// nothing of it may stay.
func TestNothingCommitsAfterTheTransactionIsGone(t *testing.T) {
	s := openTest(t)
	err := s.tx(context.Background(), func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO unit(name) VALUES ('事务内')`); err != nil {
			return err
		}
		if _, err := tx.Exec(`ROLLBACK`); err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO unit(name) VALUES ('事务结束后')`); err == nil {
			t.Error("a write after the transaction was gone ran without an error")
		} else if keepsTransaction(err) {
			t.Errorf("the refused write (%v) reads as one that keeps its transaction", err)
		}
		return nil
	})
	if err == nil {
		t.Error("the action's commit succeeded although its transaction was gone")
	}
	var n int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM unit`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d units after the lost transaction (%v), want 0", n, err)
	}
	// The connection serves the next action as usual.
	if err := s.tx(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO unit(name) VALUES ('下一次')`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO unit(name) VALUES ('事务外')`); err != nil {
		t.Fatalf("a write outside any transaction was refused: %v", err)
	}
	s.db.QueryRow(`SELECT COUNT(*) FROM unit`).Scan(&n)
	if n != 2 {
		t.Errorf("%d units, want 2", n)
	}
}
