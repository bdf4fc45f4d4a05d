package data

import (
	"context"
	"strings"
	"testing"

	"dangjian/data/civil"
)

// Undoing an import deleted, through ON DELETE CASCADE, what the office entered afterwards on
// an imported member: his placement in a 临时党支部 and his transfer record vanished without a
// word. Undo must see every row that hangs off an imported row, through any foreign key, as
// "used since" and refuse, naming it.
func TestUndoRefusesWhenLaterRowsHangOffAnImportedRow(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	b := f.org(0, TypeBranch, "甲支部", "甲实验室", "实验室")
	temp := f.org(0, TypeTempBranch, "科考临时党支部", "", "")

	batch, pids := f.imported(b, "王新")
	pid := pids[0]
	if err := f.s.AddTempMembers(ctx, temp.ID, []int64{pid}, civil.Date(2026, 3, 1), civil.Date(2026, 9, 30)); err != nil {
		t.Fatal(err)
	}
	err := f.s.UndoBatch(ctx, batch, "导错了", nil)
	if err == nil {
		t.Fatal("undo deleted, through the cascade, the 临时党支部 placement made after the import")
	}
	if msg := err.Error(); !strings.Contains(msg, "王新") || !strings.Contains(msg, "临时党支部") || strings.Contains(msg, "constraint") {
		t.Errorf("refusal %q: want one Chinese sentence naming 王新 and his 临时党支部 placement", msg)
	}
	if tm, err := f.s.TempMembers(ctx, temp.ID); err != nil || len(tm) != 1 {
		t.Errorf("the refused undo left %d placements (%v), want 1", len(tm), err)
	}

	// A transfer recorded after the import hangs off the person the same way.
	batch2, pids2 := f.imported(b, "李华")
	pid2 := pids2[0]
	other := f.org(0, TypeBranch, "乙支部", "乙实验室", "实验室")
	if err := f.s.TransferMember(ctx, pid2, other.ID, civil.Date(2026, 4, 1), "调动"); err != nil {
		t.Fatal(err)
	}
	if err := f.s.UndoBatch(ctx, batch2, "", nil); err == nil || !strings.Contains(err.Error(), "李华") {
		t.Errorf("undo after a transfer: %v; want a refusal naming 李华", err)
	}
	if ts, _ := f.s.Transfers(ctx, pid2); len(ts) == 0 {
		t.Error("the refused undo deleted the transfer record")
	}

	// Once the later rows are gone, the undo goes through.
	tm, _ := f.s.TempMembers(ctx, temp.ID)
	if err := f.s.RemoveTempMember(ctx, tm[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := f.s.UndoBatch(ctx, batch, "", nil); err != nil {
		t.Fatalf("undo with nothing hanging off the import: %v", err)
	}
}
