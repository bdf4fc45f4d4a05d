package sheets

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/abpost"
)

// abStore is openStore with staff in two departments: two persons named 王芳 in 人事处.
func abStore(t testing.TB) *data.Store {
	s := openStore(t)
	for _, p := range []struct{ name, unit string }{{"陈静", "科研处"}, {"刘洋", "科研处"}, {"王芳", "人事处"}, {"王芳", "人事处"}, {"赵磊", "财务处"}} {
		pp := data.Person{Name: p.name, UnitName: p.unit}
		if err := s.SavePerson(context.Background(), &pp); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

var abHeader = []any{"部门", "服务事项", "办理窗口", "办理时限", "所需材料", "联系电话", "A岗", "B岗"}

// importCatalogue writes rows under abHeader as the sheet 目录 of the book at path and imports
// it, as the window's preview and 导入 do: the catalogue that the update and export tests start
// from.
func importCatalogue(t *testing.T, s *data.Store, path string, rows ...[]any) {
	t.Helper()
	ctx := context.Background()
	writeBook(t, path, sheetSpec{name: "目录", rows: append([][]any{abHeader}, rows...)})
	plan, err := PlanABImport(ctx, s, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := abpost.CommitImport(ctx, s, plan); err != nil {
		t.Fatal(err)
	}
}

func TestABImportPreviewCommitUndo(t *testing.T) {
	s := abStore(t)
	ctx := context.Background()
	path := writeBook(t, filepath.Join(t.TempDir(), "目录.xlsx"), sheetSpec{name: "目录", rows: [][]any{
		{"AB岗服务事项目录"},
		abHeader,
		{"科研处", "科研项目申报审核", "综合服务大厅1号窗口", "3个工作日", "申报书、预算表", "55910001", "陈静", "刘洋"},
		{nil, "科研成果登记", nil, "即办", "成果证明", "55910001", "刘洋", "孙悦"},    // merged dept and door; 孙悦 is new
		{"科研处", "横向合同审核", "综合服务大厅1号窗口", "5", "合同文本", "", "陈静", "陈 静"}, // same person twice
		{"人事处", "在职证明开具", "综合服务大厅2号窗口", "1", "工作证", "", "王芳", "赵磊"},   // 王芳 ambiguous
		{"财务处", "差旅费报销", "综合服务大厅3号窗口", "3", "发票、审批单", "", "赵磊", "陈静"}, // B from another department
	}, merges: [][2]string{{"A3", "A4"}}})

	plan, err := PlanABImport(ctx, s, path)
	if err != nil {
		t.Fatal(err)
	}
	if plan.New != 3 || plan.Rejected != 2 || len(plan.Rows) != 5 {
		t.Fatalf("plan new %d rejected %d rows %d, want 3, 2, 5: %+v", plan.New, plan.Rejected, len(plan.Rows), plan.Rows)
	}
	if len(plan.NewPersons) != 1 || plan.NewPersons[0] != (abpost.NewPerson{Name: "孙悦", Dept: "科研处"}) {
		t.Fatalf("new persons %v, want 孙悦 of 科研处", plan.NewPersons)
	}
	if r := plan.Rows[1]; r.Item.Dept != "科研处" || r.Item.Door != "综合服务大厅1号窗口" {
		t.Fatalf("merged cells should carry down department and door: %+v", r.Item)
	}
	if e := strings.Join(plan.Rows[2].Errors, ""); !strings.Contains(e, "A岗和B岗都是“陈静”") {
		t.Fatalf("same A and B: %q", e)
	}
	if e := strings.Join(plan.Rows[3].Errors, ""); !strings.Contains(e, "有 2 位“王芳”") {
		t.Fatalf("ambiguous name: %q", e)
	}
	batch, err := abpost.CommitImport(ctx, s, plan)
	if err != nil {
		t.Fatal(err)
	}
	items, _ := abpost.Items(ctx, s, abpost.ItemFilter{}, s.Today())
	var got []string
	for _, it := range items {
		got = append(got, it.Dept+"/"+it.Name+"/"+it.AName+"/"+it.BName)
	}
	want := "科研处/科研项目申报审核/陈静/刘洋 科研处/科研成果登记/刘洋/孙悦 财务处/差旅费报销/赵磊/陈静"
	if strings.Join(got, " ") != want {
		t.Fatalf("imported %v, want %s", got, want)
	}
	persons, _ := s.Persons(ctx)
	if len(persons) != 6 {
		t.Fatalf("%d persons after import, want 6 (孙悦 added)", len(persons))
	}

	// Importing the same file again changes nothing.
	again, _ := PlanABImport(ctx, s, path)
	if again.Unchanged != 3 || again.New != 0 {
		t.Fatalf("second plan: unchanged %d new %d, want 3 and 0", again.Unchanged, again.New)
	}

	if err := s.UndoBatch(ctx, batch, "测试撤销", nil); err != nil {
		t.Fatal(err)
	}
	if items, _ := abpost.Items(ctx, s, abpost.ItemFilter{}, s.Today()); len(items) != 0 {
		t.Fatalf("undo left %d items", len(items))
	}
	if persons, _ := s.Persons(ctx); len(persons) != 5 {
		t.Fatalf("undo left %d persons, want the 5 before", len(persons))
	}
}

func TestABImportUpdateIsUndoable(t *testing.T) {
	s := abStore(t)
	ctx := context.Background()
	dir := t.TempDir()
	importCatalogue(t, s, filepath.Join(dir, "a.xlsx"),
		[]any{"科研处", "科研项目申报审核", "1号窗口", "3", "申报书", "", "陈静", "刘洋"})
	s.Now = func() time.Time { return testToday.AddDate(0, 1, 0) }
	second := writeBook(t, filepath.Join(dir, "b.xlsx"), sheetSpec{name: "目录", rows: [][]any{
		abHeader,
		{"科研处", "科研项目申报审核", "1号窗口", "5", "", "", "刘洋", "陈静"},
	}})
	plan, _ := PlanABImport(ctx, s, second)
	if plan.Updated != 1 || strings.Join(plan.Rows[0].Changes, ",") != "办理时限,A岗,B岗" {
		t.Fatalf("update plan: %+v", plan.Rows[0])
	}
	batch, err := abpost.CommitImport(ctx, s, plan)
	if err != nil {
		t.Fatal(err)
	}
	it := mustItem(t, s)
	if it.AName != "刘洋" || it.TimeLimit != 5 || it.Materials != "申报书" {
		t.Fatalf("after update %+v (blank materials must keep 申报书)", it)
	}
	if err := s.UndoBatch(ctx, batch, "导错了", nil); err != nil {
		t.Fatal(err)
	}
	it = mustItem(t, s)
	if it.AName != "陈静" || it.BName != "刘洋" || it.TimeLimit != 3 {
		t.Fatalf("after undo %+v, want A 陈静 B 刘洋 limit 3", it)
	}
}

func mustItem(t *testing.T, s *data.Store) abpost.Item {
	t.Helper()
	items, err := abpost.Items(context.Background(), s, abpost.ItemFilter{}, s.Today())
	if err != nil || len(items) != 1 {
		t.Fatalf("items %v %v", items, err)
	}
	return items[0]
}

func TestABImportRefusesFilesWhole(t *testing.T) {
	s := abStore(t)
	dir := t.TempDir()
	noHeader := writeBook(t, filepath.Join(dir, "x.xlsx"), sheetSpec{name: "Sheet1", rows: [][]any{{"姓名", "电话"}, {"陈静", "1"}}})
	text := filepath.Join(dir, "y.xlsx")
	os.WriteFile(text, []byte("部门,服务事项\n"), 0o600)
	for _, p := range []string{noHeader, text, filepath.Join(dir, "missing.xlsx")} {
		_, err := PlanABImport(context.Background(), s, p)
		if !IsRefused(err) {
			t.Fatalf("%s: want a refusal, got %v", filepath.Base(p), err)
		}
	}
}

func TestGuideExportReimports(t *testing.T) {
	s := abStore(t)
	ctx := context.Background()
	dir := t.TempDir()
	importCatalogue(t, s, filepath.Join(dir, "a.xlsx"),
		[]any{"科研处", "科研项目申报审核", "综合服务大厅1号窗口", "3", "申报书", "055165591234", "陈静", "刘洋"},
		[]any{"财务处", "差旅费报销", "综合服务大厅3号窗口", "即办", "发票", "", "赵磊", ""})
	guide, filing := filepath.Join(dir, "guide.xlsx"), filepath.Join(dir, "filing.xlsx")
	if err := ExportGuide(ctx, s, guide, s.Today()); err != nil {
		t.Fatal(err)
	}
	if err := ExportFiling(ctx, s, filing, s.Today()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("一站式服务指南")
	f.Close()
	// The title names the institute (its profile), as every printed title does.
	if p, _ := s.Profile(ctx); p.TitleName() == "" || rows[0][0] != p.TitleName()+"一站式服务指南" || rows[3][2] != "科研项目申报审核" || rows[3][6] != "055165591234" || rows[3][4] != "3个工作日" {
		t.Fatalf("guide rows: %q", rows[:4])
	}
	again, err := PlanABImport(ctx, s, guide)
	if err != nil || again.Unchanged != 2 {
		t.Fatalf("re-importing the guide: %v, %+v", err, again)
	}
	f, _ = excelize.OpenFile(filing)
	rows, _ = f.GetRows("AB岗位设置报备表")
	f.Close()
	all := ""
	for _, r := range rows {
		all += strings.Join(r, "|") + "\n"
	}
	for _, want := range []string{"AB岗位设置报备表", "刘洋", "（未设）", "部门负责人（签字）", "2025-06-01"} {
		if !strings.Contains(all, want) {
			t.Fatalf("filing lacks %q:\n%s", want, all)
		}
	}
}
