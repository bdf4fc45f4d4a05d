package data

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// An import adds 胡斌 and 李雷; the office then corrects 胡斌's phone. Undo as a whole refuses
// (it would throw the correction away); undoing the others keeps 胡斌 — person and membership —
// as corrected, removes 李雷, and says in the 操作日志 what it kept. The 导入前 backup is found.
func TestUndoKeepingTheRowsEditedSinceTheImport(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	b := f.org(0, TypeBranch, "甲支部", "甲实验室", "实验室")
	if _, err := f.s.AutoBackup("导入前"); err != nil {
		t.Fatal(err)
	}
	batchID, pids := f.imported(b, "胡斌", "李雷")
	ids := map[string]int64{"胡斌": pids[0], "李雷": pids[1]}
	hu, _ := f.s.Member(context.Background(), ids["胡斌"])
	hu.Phone = "13911112222"
	if err := f.s.SaveMember(ctx, &hu); err != nil {
		t.Fatal(err)
	}

	if err := f.s.UndoBatch(ctx, batchID, "", nil); err == nil || !strings.Contains(err.Error(), "胡斌") {
		t.Fatalf("undo as a whole: %v, want the refusal naming 胡斌", err)
	}
	edited, err := f.s.EditedSinceImport(ctx, batchID)
	if err != nil || !slices.Equal(edited, []string{"“胡斌”"}) {
		t.Fatalf("edited since the import: %v, %v; want 胡斌", edited, err)
	}
	before, err := f.s.BackupBeforeImport(ctx, batchID)
	if err != nil || before.Why != "导入前" {
		t.Errorf("the 导入前 backup: %+v, %v", before, err)
	}

	kept, err := f.s.UndoBatchKeepingEdited(ctx, batchID, "李雷导错了", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(kept, []string{"“胡斌”"}) {
		t.Errorf("kept %v, want 胡斌", kept)
	}
	if m, err := f.s.Member(ctx, ids["胡斌"]); err != nil || m.Phone != "13911112222" || m.BranchID != b.ID {
		t.Errorf("胡斌 after the undo: %+v, %v; want him kept, corrected, in 甲支部", m, err)
	}
	if _, err := f.s.Member(ctx, ids["李雷"]); err == nil {
		t.Error("李雷 is still there after his import was undone")
	}
	log, _ := f.s.AuditLog(ctx, AuditFilter{Action: "撤销导入"})
	if len(log) != 1 || !strings.Contains(log[0].Detail, "保留导入后修改过的：“胡斌”") || log[0].Reason != "李雷导错了" {
		t.Errorf("audit: %+v", log)
	}
	if _, err := f.s.UndoBatchKeepingEdited(ctx, batchID, "", nil); err == nil {
		t.Error("the same batch was undone twice")
	}
}
