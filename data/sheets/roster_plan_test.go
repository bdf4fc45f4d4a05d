package sheets

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
	"dangjian/data/idcard"
)

var planHeader = []any{"姓名", "性别", "身份证号", "所在党支部", "人员类别", "入党日期", "转正日期", "联系电话", "学历"}

// seedMember stores one member the file will meet again.
func seedMember(t *testing.T, s *data.Store, name, id, branch string) data.Member {
	t.Helper()
	o, err := s.OrgByName(context.Background(), branch)
	if err != nil {
		t.Fatal(err)
	}
	m := data.Member{
		Person:     data.Person{Name: name, IDNumber: id, Phone: "13900000000", Education: "本科"},
		Membership: data.Membership{BranchID: o.ID, Category: data.CategoryFull, Joined: d(2005, 7, 1), Full: d(2006, 7, 1)},
	}
	if err := s.SaveMember(context.Background(), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestPlanClassifiesRows(t *testing.T) {
	s := openStore(t)
	same := seedMember(t, s, "老甲", mkID(1980, 1, 1, 1, true), "第一党支部")
	upd := seedMember(t, s, "老乙", mkID(1981, 1, 1, 2, true), "第一党支部")
	newID := mkID(1990, 1, 1, 3, false)
	path := writeBook(t, filepath.Join(t.TempDir(), "p.xlsx"), sheetSpec{name: "Sheet1", rows: [][]any{
		planHeader,
		{"无支部", "男", mkID(1985, 1, 1, 4, true), "", "正式", "2010-01-01", "", "", ""},      // new without branch (first row: nothing above to fill down)
		{"老甲", "", same.IDNumber, "第一党支部", "", "", "", "", ""},                           // all blanks or equal: unchanged
		{"老乙", "", upd.IDNumber, "第二党支部", "", "2005-07-01", "", "", "研究生"},               // branch and education change
		{"新丙", "女", newID, "第一党支部", "预备", "2025-01-01", "", "13911112222", ""},           // new
		{"重复", "女", newID, "第一党支部", "预备", "2025-01-01", "", "", ""},                      // duplicate of the row above
		{"怪支部", "男", mkID(1985, 1, 1, 5, true), "第九党支部", "正式", "2010-01-01", "", "", ""}, // unknown branch
		{"太早", "男", mkID(2000, 1, 1, 6, true), "第一党支部", "正式", "2010-01-01", "", "", ""},  // joined at ten
	}})
	rf := mustRead(t, path, ReadOptions{})
	p := mustPlan(t, s, rf, nil)
	if p.New != 1 || p.Updated != 1 || p.Unchanged != 1 || p.Rejected != 4 {
		t.Fatalf("new %d updated %d unchanged %d rejected %d; errors %v", p.New, p.Updated, p.Unchanged, p.Rejected, p.Errors())
	}
	it := p.Items[2]
	if it.Action != ActionUpdate || it.Member.BranchName != "第二党支部" || it.Member.Education != "研究生" || it.Member.Phone != "13900000000" {
		t.Errorf("update must take filled cells and keep stored values under blanks: %+v %v", it.Member, it.Changes)
	}
	codes := map[string]string{}
	for _, e := range p.Errors() {
		codes[rf.Rows[e.Row-2].Member.Name] = e.Code + " " + e.Message
	}
	for name, want := range map[string]string{"重复": CodeDuplicate, "无支部": CodeBranchMissing, "怪支部": CodeBranchUnknown, "太早": CodeInvalid} {
		if !strings.HasPrefix(codes[name], want) {
			t.Errorf("%s: want %s, got %q", name, want, codes[name])
		}
	}
	if !strings.Contains(codes["重复"], "第 5 行") || !strings.Contains(codes["怪支部"], "-create-branches") {
		t.Errorf("messages must say where and how to fix: %v", codes)
	}
	if len(p.Unknown) != 1 || p.Unknown[0].Name != "第九党支部" {
		t.Errorf("unknown branches: %+v", p.Unknown)
	}

	// Choosing to create the unknown branch under the root imports that row too.
	root, _ := RootOrg(context.Background(), s)
	p2 := mustPlan(t, s, rf, BranchChoices{"第九党支部": {CreateUnder: root.ID}})
	if p2.New != 2 || p2.Rejected != 3 {
		t.Errorf("with a create choice: new %d rejected %d", p2.New, p2.Rejected)
	}
	two, _ := s.OrgByName(context.Background(), "第二党支部")
	p3 := mustPlan(t, s, rf, BranchChoices{"第九党支部": {MapTo: two.ID}})
	for _, it := range p3.Items {
		if it.Row.Member.Name == "怪支部" && (it.Action != ActionNew || it.Member.BranchID != two.ID) {
			t.Errorf("mapped branch not used: %+v", it)
		}
	}
}

func TestCommitImportAndUndo(t *testing.T) {
	s := openStore(t)
	old := seedMember(t, s, "老乙", mkID(1981, 1, 1, 2, true), "第一党支部")
	path := writeBook(t, filepath.Join(t.TempDir(), "c.xlsx"), sheetSpec{name: "Sheet1", rows: [][]any{
		planHeader,
		{"老乙", "", old.IDNumber, "第二党支部", "", "", "", "13800000000", ""},
		{"新丙", "女", mkID(1990, 1, 1, 3, false), "第三党支部", "正式", "2015-01-01", "2016-01-01", "", "博士研究生"},
		{"坏行", "女", "123", "第一党支部", "正式", "2015-01-01", "", "", ""},
	}})
	rf := mustRead(t, path, ReadOptions{})
	root, _ := RootOrg(context.Background(), s)
	p := mustPlan(t, s, rf, BranchChoices{"第三党支部": {CreateUnder: root.ID}})
	before, _ := s.Backups()
	id, err := CommitImport(context.Background(), s, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := s.Backups()
	if len(after) != len(before)+1 || after[0].Why != "导入前" {
		t.Errorf("a backup must be taken before the import: %+v", after)
	}
	got, err := s.MemberByIDNumber(context.Background(), old.IDNumber)
	if err != nil || got.BranchName != "第二党支部" || got.Phone != "13800000000" || got.Education != "本科" {
		t.Errorf("update: %+v %v", got, err)
	}
	nb, err := s.OrgByName(context.Background(), "第三党支部")
	if err != nil || nb.ParentID != root.ID || nb.TypeCode != data.TypeBranch {
		t.Errorf("branch not created under the root: %+v %v", nb, err)
	}
	all, _ := s.Members(context.Background(), data.MemberFilter{})
	if len(all) != 2 {
		t.Errorf("want 2 members after import, got %d", len(all))
	}
	if err := s.UndoBatch(context.Background(), id, "测试撤销", nil); err != nil {
		t.Fatal(err)
	}
	all, _ = s.Members(context.Background(), data.MemberFilter{})
	got, _ = s.MemberByIDNumber(context.Background(), old.IDNumber)
	if len(all) != 1 || got.BranchName != "第一党支部" || got.Phone != "13900000000" {
		t.Errorf("undo must restore: %d members, %+v", len(all), got)
	}
	if _, err := s.OrgByName(context.Background(), "第三党支部"); err == nil {
		t.Error("undo must remove the branch the import created")
	}
}

// A cancelled commit leaves the database as it was.
func TestCommitCancelled(t *testing.T) {
	s := openStore(t)
	rows := [][]any{planHeader}
	for i := 0; i < 1200; i++ {
		id := idcard.Make("340104", d(1960, 1, 1).AddDate(0, 0, i), 1, true)
		rows = append(rows, []any{"某人", "", id, "第一党支部", "正式", "2010-01-01", "", "", ""})
	}
	rf := mustRead(t, writeBook(t, filepath.Join(t.TempDir(), "big.xlsx"), sheetSpec{name: "Sheet1", rows: rows}), ReadOptions{})
	p := mustPlan(t, s, rf, nil)
	if p.New != 1200 {
		t.Fatalf("want 1200 new, got %d (first error %v)", p.New, p.Errors()[0])
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, err := CommitImport(ctx, s, p, func(done, total int) {
		if done >= 500 {
			cancel()
		}
	})
	if err == nil {
		t.Fatal("a cancelled import must fail")
	}
	if all, _ := s.Members(context.Background(), data.MemberFilter{}); len(all) != 0 {
		t.Errorf("cancelled import left %d members", len(all))
	}
	if bs, _ := s.Batches(context.Background()); len(bs) != 0 {
		t.Errorf("cancelled import left a batch: %+v", bs)
	}
}
