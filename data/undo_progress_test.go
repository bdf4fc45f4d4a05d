package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
)

// Undoing a batch reports its progress against the batch's row count: done climbs without
// going back and ends at total, so the window's bar fills once, and the text names the rows
// done so far.
func TestUndoBatchReportsProgressUpToTheBatchsRows(t *testing.T) {
	for _, c := range []struct {
		name string
		undo func(s *Store, id int64, p func(done, total int, what string)) error
	}{
		{"UndoBatch", func(s *Store, id int64, p func(done, total int, what string)) error {
			return s.UndoBatch(context.Background(), id, "导错了", p)
		}},
		{"UndoBatchKeepingEdited", func(s *Store, id int64, p func(done, total int, what string)) error {
			_, err := s.UndoBatchKeepingEdited(context.Background(), id, "导错了", p)
			return err
		}},
	} {
		t.Run(c.name, func(t *testing.T) { undoReportsProgress(t, c.undo) })
	}
}

func undoReportsProgress(t *testing.T, undo func(s *Store, id int64, p func(done, total int, what string)) error) {
	f := newFixture(t)
	b := f.org(0, TypeBranch, "甲支部", "甲", "实验室")
	kept := f.fullMembers(b, 3)
	ctx := context.Background()
	const inserted = 501 // odd, so half-rows do not come out even
	batchID := inBatch(t, f.s, "花名册导入", "测试.xlsx", fmt.Sprintf("新增 %d，更新 %d", inserted, len(kept)), func(tx *sql.Tx, bt *batchWriter) error {
		for _, m := range kept {
			if err := bt.Updating("person", m.Person.ID); err != nil {
				return err
			}
			if _, err := tx.Exec(`UPDATE person SET phone='13900000000' WHERE id=?`, m.Person.ID); err != nil {
				return err
			}
		}
		for i := range inserted {
			res, err := tx.Exec(`INSERT INTO person(name) VALUES (?)`, fmt.Sprintf("新人%d", i))
			if err != nil {
				return err
			}
			id, _ := res.LastInsertId()
			if err := bt.Inserted("person", id); err != nil {
				return err
			}
		}
		return nil
	})
	rows := inserted + len(kept)
	type call struct {
		done, total int
		what        string
	}
	var calls []call
	if err := undo(f.s, batchID, func(done, total int, what string) {
		calls = append(calls, call{done, total, what})
	}); err != nil {
		t.Fatal(err)
	}
	if len(calls) == 0 {
		t.Fatal("the undo reported no progress")
	}
	for i, c := range calls {
		if c.total != rows {
			t.Fatalf("call %d: total %d, want the batch's %d rows", i, c.total, rows)
		}
		if i > 0 && c.done < calls[i-1].done {
			t.Fatalf("call %d: done went back from %d to %d", i, calls[i-1].done, c.done)
		}
		if !strings.Contains(c.what, fmt.Sprintf("/ %d 条", rows)) {
			t.Fatalf("call %d says %q: no figure", i, c.what)
		}
	}
	if last := calls[len(calls)-1]; last.done != rows || !strings.Contains(last.what, "还原") {
		t.Errorf("the last report is %+v, want %d of %d rows put back", last, rows, rows)
	}
	// And the undo did its work.
	if ps, _ := f.s.Persons(ctx); len(ps) != len(kept) {
		t.Errorf("%d persons after the undo, want the %d from before the import", len(ps), len(kept))
	}
	for _, m := range kept {
		if got, _ := f.s.Member(ctx, m.Person.ID); got.Phone != m.Phone {
			t.Errorf("%s's phone is %q after the undo, want %q", m.Name, got.Phone, m.Phone)
		}
	}
}
