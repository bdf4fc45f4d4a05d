package sheets

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
)

// Rosters as other systems lay them out (the corpus in ../shared/corpus/real-rosters shows each
// of these); here each rule on a file made for it.

// 人员类别 holding the staff category and 党籍状态 the party's: the column is found by its values.
func TestCategoryFoundByItsValues(t *testing.T) {
	s := openStore(t)
	path := writeBook(t, filepath.Join(t.TempDir(), "r.xlsx"), sheetSpec{name: "Sheet1", rows: [][]any{
		{"姓名", "身份证号码", "人员类别", "所在党支部", "党籍状态（正式党员或预备党员）", "入党时间"},
		{"甲", mkID(1980, 1, 1, 1, true), "普通编制", "第一党支部", "正式党员", "2005-07-01"},
		{"乙", mkID(1981, 1, 1, 2, false), "离退休教职工", "第一党支部", "预备党员", "2025-03-01"},
	}})
	p := mustPlan(t, s, mustRead(t, path, ReadOptions{}), nil)
	if p.New != 2 {
		t.Fatalf("new %d, errors %v; want both imported", p.New, p.Errors())
	}
	if a, b := p.Items[0].Member.Category, p.Items[1].Member.Category; a != data.CategoryFull || b != data.CategoryProbation {
		t.Errorf("categories %s, %s; want 正式党员, 预备党员 from 党籍状态", a, b)
	}
	// A staff-category column alone is not the party category: the rows are not rejected for
	// it, and the category is inferred from the dates.
	path = writeBook(t, filepath.Join(t.TempDir(), "staff.xlsx"), sheetSpec{name: "Sheet1", rows: [][]any{
		{"姓名", "身份证号码", "人员类别", "所在党支部", "入党时间", "转正时间"},
		{"丙", mkID(1982, 1, 1, 3, true), "在职教职工", "第一党支部", "2005-07-01", "2006-07-01"},
	}})
	p = mustPlan(t, s, mustRead(t, path, ReadOptions{}), nil)
	if p.New != 1 || p.Items[0].Member.Category != data.CategoryFull {
		t.Errorf("staff column only: new %d, errors %v", p.New, p.Errors())
	}
}

// A merged 注意事项 block inside the data area, in the ID column, is a note, not a person.
func TestNoteBlockInsideTheDataIsNoRow(t *testing.T) {
	s := openStore(t)
	path := writeBook(t, filepath.Join(t.TempDir(), "r.xlsx"), sheetSpec{name: "Sheet1", rows: [][]any{
		{"姓名", "身份证号码", "所在党支部", "党籍状态", "入党日期"},
		{"甲", mkID(1980, 1, 1, 1, true), "第一党支部", "正式党员", "2005-07-01"},
		{nil, "1、红色字段为必填，学工号和身份证号必须填写其中一个\n2、日期格式为2000-01-01"},
		{nil, nil, nil, nil, nil},
		{"乙", mkID(1981, 1, 1, 2, false), "第一党支部", "正式党员", "2006-07-01"},
		{"填表说明：每人一行"},
	}, merges: [][2]string{{"B3", "D4"}}})
	p := mustPlan(t, s, mustRead(t, path, ReadOptions{}), nil)
	if p.Rows() != 2 || p.New != 2 {
		t.Errorf("rows %d new %d, errors %v; want the two people only", p.Rows(), p.New, p.Errors())
	}
}

// A layout without an ID column is refused once, naming the column and how to add it.
func TestNoIDColumnRefusedOnce(t *testing.T) {
	s := openStore(t)
	path := writeBook(t, filepath.Join(t.TempDir(), "学号.xlsx"), sheetSpec{name: "Sheet1", rows: [][]any{
		{"序号", "党支部", "学号", "姓名", "入党时间"},
		{1, "第一党支部", "21330000", "甲", "2024-06-21"},
		{2, "第一党支部", "21330001", "乙", "2024-06-21"},
	}})
	_, err := ReadRoster(context.Background(), path, ReadOptions{})
	var re *RefusedError
	if !errors.As(err, &re) || re.Code != RefuseNoIDColumn || !strings.Contains(re.Message, "公民身份号码") || !strings.Contains(re.Message, "加一列") {
		t.Fatalf("read: %v; want one refusal naming the 公民身份号码 column and how to add it", err)
	}
	_, err = ImportRoster(context.Background(), s, path, ImportOptions{})
	if !errors.As(err, &re) || re.Code != RefuseNoIDColumn {
		t.Errorf("import: %v; want the same refusal", err)
	}
	if ms, _ := s.Members(context.Background(), data.MemberFilter{}); len(ms) != 0 {
		t.Errorf("a refused file imported %d members", len(ms))
	}
}

// No category column: 转正日期 → 正式党员; joined within the 预备期 or a 预备党员 list → 预备党员;
// otherwise the row is flagged for a decision and never silently 正式党员 (testToday 2025-06-01).
func TestCategoryInferredWithoutAColumn(t *testing.T) {
	s := openStore(t)
	path := writeBook(t, filepath.Join(t.TempDir(), "r.xlsx"), sheetSpec{name: "第一党支部", rows: [][]any{
		{"姓名", "身份证号码", "入党日期", "转正日期"},
		{"转正", mkID(1980, 1, 1, 1, true), "2005-07-01", "2006-07-01"},
		{"新人", mkID(1981, 1, 1, 2, false), "2025-01-10", nil},
		{"不明", mkID(1982, 1, 1, 3, true), "2019-06-20", nil},
	}})
	p := mustPlan(t, s, mustRead(t, path, ReadOptions{}), nil)
	if p.New != 3 {
		t.Fatalf("new %d, errors %v", p.New, p.Errors())
	}
	for i, want := range []struct{ cat, decide string }{{data.CategoryFull, ""}, {data.CategoryProbation, ""}, {data.CategoryProbation, "转正日期"}} {
		it := p.Items[i]
		if it.Member.Category != want.cat || (want.decide == "") != (it.Decide == "") || !strings.Contains(it.Decide, want.decide) {
			t.Errorf("%s: %s, decide %q; want %s, decide %q", it.Row.Member.Name, it.Member.Category, it.Decide, want.cat, want.decide)
		}
	}
	// A sheet titled as a 预备党员 list makes its members 预备党员 without a question.
	path = writeBook(t, filepath.Join(t.TempDir(), "list.xlsx"), sheetSpec{name: "Sheet1", rows: [][]any{
		{"2025年预备党员名单"},
		{"姓名", "身份证号码", "所在党支部", "入党日期"},
		{"久", mkID(1983, 1, 1, 4, true), "第一党支部", "2019-06-20"},
	}})
	p = mustPlan(t, s, mustRead(t, path, ReadOptions{}), nil)
	if p.New != 1 || p.Items[0].Member.Category != data.CategoryProbation || p.Items[0].Decide != "" {
		t.Errorf("预备党员 list: %+v %v", p.Items[0], p.Errors())
	}
	// Group headers above the header that name both stages (laomd's 阶段2：预备党员 …
	// 阶段3：正式党员) make no 预备党员 list: the old member is still a question.
	path = writeBook(t, filepath.Join(t.TempDir(), "stages.xlsx"), sheetSpec{name: "Sheet1", rows: [][]any{
		{"基本信息", nil, nil, "阶段2：预备党员", "阶段3：正式党员"},
		{"姓名", "身份证号码", "所在党支部", "确定为预备党员时间（支部大会）", "转正时间"},
		{"久", mkID(1983, 1, 1, 5, true), "第一党支部", "2019-06-20", nil},
	}})
	p = mustPlan(t, s, mustRead(t, path, ReadOptions{}), nil)
	if p.New != 1 || p.Items[0].Decide == "" {
		t.Errorf("stage headers: %+v %v; want the row flagged for a decision", p.Items[0], p.Errors())
	}
}

// Two 党总支 each with a 第一党支部 (short name): a file with a parent column is matched by the
// pair; without one, the shared short name is rejected with the branches to choose from.
func TestBranchShortNameMatchedByItsParent(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	root, _ := RootOrg(ctx, s)
	var branches []int64
	for _, g := range []string{"材料所党总支", "信息所党总支"} {
		gen := &data.Org{ParentID: root.ID, TypeCode: data.TypeGeneralBranch, Name: g}
		if err := s.SaveOrg(ctx, gen); err != nil {
			t.Fatal(err)
		}
		b := &data.Org{ParentID: gen.ID, TypeCode: data.TypeBranch, Name: strings.TrimSuffix(g, "党总支") + "一支部", ShortName: "一支部"}
		if err := s.SaveOrg(ctx, b); err != nil {
			t.Fatal(err)
		}
		branches = append(branches, b.ID)
	}
	path := writeBook(t, filepath.Join(t.TempDir(), "r.xlsx"), sheetSpec{name: "Sheet1", rows: [][]any{
		{"姓名", "身份证号码", "所属党总支", "所在党支部", "党员类别", "入党日期"},
		{"甲", mkID(1980, 1, 1, 1, true), "材料所党总支", "一支部", "正式党员", "2005-07-01"},
		{"乙", mkID(1981, 1, 1, 2, false), "信息所党总支", "一支部", "正式党员", "2006-07-01"},
		{"丙", mkID(1982, 1, 1, 3, true), nil, "一支部", "正式党员", "2007-07-01"}, // merged down: 信息所
	}, merges: [][2]string{{"C3", "C4"}}})
	p := mustPlan(t, s, mustRead(t, path, ReadOptions{}), nil)
	if p.New != 3 {
		t.Fatalf("new %d, errors %v", p.New, p.Errors())
	}
	for i, want := range []int64{branches[0], branches[1], branches[1]} {
		if got := p.Items[i].Member.BranchID; got != want {
			t.Errorf("row %d: branch %d, want %d", i+2, got, want)
		}
	}
	path = writeBook(t, filepath.Join(t.TempDir(), "noparent.xlsx"), sheetSpec{name: "Sheet1", rows: [][]any{
		{"姓名", "身份证号码", "所在党支部", "党员类别", "入党日期"},
		{"甲", mkID(1980, 1, 1, 1, true), "一支部", "正式党员", "2005-07-01"},
	}})
	p = mustPlan(t, s, mustRead(t, path, ReadOptions{}), nil)
	if p.Rejected != 1 || p.Items[0].Errors[0].Code != CodeBranchAmbiguous || !strings.Contains(p.Items[0].Errors[0].Message, "材料所一支部") {
		t.Errorf("shared short name without a parent: %v", p.Errors())
	}
}

// The 错误行 file carries the branch a row got from a merged cell, so a corrected row comes
// back with its branch.
func TestRejectsCarryMergedBranch(t *testing.T) {
	s := openStore(t)
	path := writeBook(t, filepath.Join(t.TempDir(), "r.xlsx"), sheetSpec{name: "花名册", rows: [][]any{
		{"所在党支部", "姓名", "身份证号码", "入党日期"},
		{"第二党支部", "好", mkID(1980, 1, 1, 1, true), "2005-07-01"},
		{nil, "坏", "34010419800101001", "2005-07-01"},
	}, merges: [][2]string{{"A2", "A3"}}})
	_, f := rejectsOf(t, s, path)
	if v, _ := f.GetCellValue("花名册", "A2"); v != "第二党支部" {
		t.Errorf("所在党支部 of the rejected row in the 错误行 file: %q, want 第二党支部", v)
	}
}

// A sheet without an ID column beside a roster (a 支委会 list) is skipped with a note; the
// roster is read.
func TestSheetWithoutIDColumnBesideARosterIsSkipped(t *testing.T) {
	path := writeBook(t, filepath.Join(t.TempDir(), "r.xlsx"),
		sheetSpec{name: "支委会", rows: [][]any{{"姓名", "职务"}, {"甲", "书记"}}},
		sheetSpec{name: "第一党支部", rows: [][]any{{"姓名", "身份证号码", "入党日期"}, {"甲", mkID(1980, 1, 1, 1, true), "2005-07-01"}}})
	rf := mustRead(t, path, ReadOptions{})
	if len(rf.Rows) != 1 || len(rf.Notes) != 1 || !strings.Contains(rf.Notes[0], "支委会") {
		t.Errorf("rows %d notes %q; want the roster's row and a note on 支委会", len(rf.Rows), rf.Notes)
	}
}

// A one-person collection form (党员基本信息采集表: "1.姓名：" label cells) is refused saying
// what it is, never read as rows.
func TestOnePersonFormIsRefusedAsAForm(t *testing.T) {
	path := writeBook(t, filepath.Join(t.TempDir(), "采集表.xlsx"), sheetSpec{name: "Sheet1", rows: [][]any{
		{"党员基本信息采集表"}, {}, {"1.姓名：", "周文博", nil, nil, "2.性别：", "男"}, {"4.公民身份证号：", nil, nil, mkID(1983, 4, 12, 1, true)},
	}})
	_, err := ReadRoster(context.Background(), path, ReadOptions{})
	var re *RefusedError
	if !errors.As(err, &re) || !strings.Contains(re.Message, "采集表") {
		t.Errorf("one-person form: %v; want a refusal saying it is a form", err)
	}
}
