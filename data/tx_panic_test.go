package data

import (
	"context"
	"database/sql"
	"testing"
)

// A write transaction whose work panics is rolled back: nothing it wrote stays, and the next
// action can write (the panic did not leave SQLite's write lock held by a forgotten
// transaction).
func TestTransactionThatPanicsIsRolledBack(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	func() {
		defer func() { recover() }()
		f.s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.Exec(`INSERT INTO unit(name, kind) VALUES ('半途', '')`); err != nil {
				t.Fatal(err)
			}
			panic("work failed half way")
		})
	}()
	if us, err := f.s.Units(ctx); err != nil || len(us) != 0 {
		t.Fatalf("after the panic: units %+v, %v; want none", us, err)
	}
	f.org(0, TypeBranch, "甲支部", "甲实验室", "实验室")
	if us, _ := f.s.Units(ctx); len(us) != 1 {
		t.Errorf("the next action could not write: units %+v", us)
	}
}
