package sheets

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"dangjian/data"
	"dangjian/data/demo"
)

// TestChinesePathsWithSpaces: on the office PCs the database, the files imported and the files
// exported live in folders like “D:\党建 资料\2026 年”. Open, back up, export, import and restore
// at such paths.
func TestChinesePathsWithSpaces(t *testing.T) {
	root := filepath.Join(t.TempDir(), "党建 数据")
	s, err := data.Open(filepath.Join(root, "我的 库.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	ctx := context.Background()
	if err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	all, _ := s.Members(ctx, data.MemberFilter{})

	out := filepath.Join(root, "导出 文件", "花名册 2026（全院）.xlsx")
	os.MkdirAll(filepath.Dir(out), 0o700)
	if _, err := ExportRoster(ctx, s, data.MemberFilter{}, out, ExportOptions{IncludeFullIDs: true}, nil); err != nil {
		t.Fatalf("export: %v", err)
	}
	rf, err := ReadRoster(ctx, out, ReadOptions{})
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	plan, err := PlanImport(ctx, s, rf, nil)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Rows() != len(all) || plan.Unchanged != len(all) || plan.Rejected != 0 {
		t.Fatalf("import of the export: %d rows, %d unchanged, %d rejected; want %d unchanged", plan.Rows(), plan.Unchanged, plan.Rejected, len(all))
	}

	// A backup to such a path, restored as the database of another such folder.
	bak := filepath.Join(root, "U盘 备份", "周五 备份.db")
	if err := s.BackupTo(bak); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(t.TempDir(), "新 建", "另一个 库.db")
	if err := data.Restore(fresh, bak); err != nil {
		t.Fatalf("restore to a new path: %v", err)
	}
	r, err := data.Open(fresh)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got, _ := r.Members(ctx, data.MemberFilter{}); len(got) != len(all) {
		t.Fatalf("%d members restored, want %d", len(got), len(all))
	}
}
