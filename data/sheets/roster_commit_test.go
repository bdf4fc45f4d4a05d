package sheets

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data/internal/sqldb"

	"dangjian/data"
)

// New members are written many rows a statement; when the store changed between the preview
// and the commit (someone saved the same ID number meanwhile), the commit still names the row
// at fault and writes nothing.
func TestCommitNamesTheRowThatFails(t *testing.T) {
	s := openStore(t)
	rows := [][]any{planHeader}
	for i := range 450 { // more than one multi-row statement, and a partial one
		rows = append(rows, []any{"某人", "", mkID(1960+i%30, 1+i%12, 1+i%28, i/360, true), "第一党支部", "正式", "2010-01-01", "", "", ""})
	}
	rf := mustRead(t, writeBook(t, filepath.Join(t.TempDir(), "c.xlsx"), sheetSpec{name: "Sheet1", rows: rows}), ReadOptions{})
	p := mustPlan(t, s, rf, nil)
	if p.New != 450 {
		t.Fatalf("want 450 new, got %d: %v", p.New, p.Errors())
	}
	taken := rows[430][2].(string) // the file's line 431
	seedMember(t, s, "先来者", taken, "第二党支部")

	_, err := CommitImport(context.Background(), s, p, nil)
	if err == nil || !strings.Contains(err.Error(), "第 431 行") {
		t.Fatalf("want the failure to name line 431, got %v", err)
	}
	if all, _ := s.Members(context.Background(), data.MemberFilter{}); len(all) != 1 {
		t.Errorf("a failed commit left %d members, want only the one saved before", len(all))
	}
	if bs, _ := s.Batches(context.Background()); len(bs) != 0 {
		t.Errorf("a failed commit left a batch: %+v", bs)
	}
}

// A commit of new members is undone whole, and undo still refuses once one of them was
// edited: the batch's records are written in bulk at the end.
func TestCommitManyUndoRefusesEdited(t *testing.T) {
	s := openStore(t)
	rows := [][]any{planHeader}
	for i := range 450 {
		rows = append(rows, []any{"某人", "", mkID(1960+i%30, 1+i%12, 1+i%28, i/360, true), "第一党支部", "正式", "2010-01-01", "", "", ""})
	}
	rf := mustRead(t, writeBook(t, filepath.Join(t.TempDir(), "c.xlsx"), sheetSpec{name: "Sheet1", rows: rows}), ReadOptions{})
	p := mustPlan(t, s, rf, nil)
	id, err := CommitImport(context.Background(), s, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if all, _ := s.Members(context.Background(), data.MemberFilter{}); len(all) != 450 {
		t.Fatalf("want 450 members, got %d", len(all))
	}
	m, err := s.MemberByIDNumber(context.Background(), rows[300][2].(string))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sqldb.Of(s).Pool().Exec(`UPDATE person SET phone='13700000000' WHERE id=?`, m.Person.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.UndoBatch(context.Background(), id, "", nil); err == nil {
		t.Fatal("undo must refuse after a member of the batch was edited")
	}
	sqldb.Of(s).Pool().Exec(`UPDATE person SET phone='' WHERE id=?`, m.Person.ID)
	if err := s.UndoBatch(context.Background(), id, "", nil); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.Members(context.Background(), data.MemberFilter{}); len(all) != 0 {
		t.Errorf("undo left %d members", len(all))
	}
}
