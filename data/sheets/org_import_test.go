package sheets

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
)

var orgHead = []any{"序号", "党组织名称", "组织类别", "上级党组织", "依托单位", "单位类型", "成立时间", "党组织书记", "简称", "备注"}

func orgBook(t *testing.T, rows [][]any, merges ...[2]string) string {
	t.Helper()
	return writeBook(t, filepath.Join(t.TempDir(), "基层党组织.xlsx"), sheetSpec{name: "一览表", rows: append([][]any{orgHead}, rows...), merges: merges})
}

func importOrgs(t *testing.T, s *data.Store, path string) *OrgImport {
	t.Helper()
	of, err := ReadOrgs(context.Background(), path)
	if err != nil {
		t.Fatalf("ReadOrgs: %v", err)
	}
	res, err := ImportOrgs(context.Background(), s, of)
	if err != nil {
		t.Fatalf("ImportOrgs: %v", err)
	}
	if res.New+res.Updated+res.Unchanged+res.Rejected != res.Rows() {
		t.Fatalf("counts %+v do not add up to %d rows", res.Counts, res.Rows())
	}
	return res
}

func orgNamed(t *testing.T, s *data.Store, name string) data.Org {
	t.Helper()
	o, err := s.OrgByName(context.Background(), name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return o
}

// The tree from an office's sheet: type words and codes, a blank parent under the 党委, a parent
// merged down its branches, parents after their children, dates in any spelling.
func TestImportOrgsBuildsTheTree(t *testing.T) {
	s := openStore(t)
	path := orgBook(t, [][]any{
		{1, "稳态强磁场实验室党支部", "631", "强磁场中心党总支", "稳态强磁场实验室", "实验室", "2001.07", "", "", ""},
		{2, "磁体技术党支部", "支部", nil, "磁体技术团队", "项目团队", "2003年5月1日", "", "磁体支部", ""},
		{3, "强磁场中心党总支", "党总支", "", "强磁场科学中心", "科研单元", d(1995, 3, 1), "", "", ""},
		{4, "院机关党委", "二级党委", nil, nil, nil, nil, nil, nil, nil},
		{5, "科研处党支部", "党支部", "院机关党委", "科研处", "行政机构", "", "", "", ""},
	}, [2]string{"D2", "D3"})
	res := importOrgs(t, s, path)
	if res.New != 5 || res.Rejected != 0 || res.Batch == 0 {
		t.Fatalf("new %d rejected %d batch %d: %v", res.New, res.Rejected, res.Batch, res.Errors())
	}
	root, _ := RootOrg(context.Background(), s)
	gen := orgNamed(t, s, "强磁场中心党总支")
	for name, want := range map[string]struct {
		parent int64
		code   int
	}{
		"稳态强磁场实验室党支部": {gen.ID, data.TypeBranch},
		"磁体技术党支部":     {gen.ID, data.TypeBranch}, // the merged parent
		"强磁场中心党总支":    {root.ID, data.TypeGeneralBranch},
		"院机关党委":       {root.ID, data.TypeCommittee},
	} {
		o := orgNamed(t, s, name)
		if o.ParentID != want.parent || o.TypeCode != want.code {
			t.Errorf("%s: parent %d type %d; want %d %d", name, o.ParentID, o.TypeCode, want.parent, want.code)
		}
	}
	if o := orgNamed(t, s, "磁体技术党支部"); o.ShortName != "磁体支部" || o.UnitName != "磁体技术团队" || o.UnitKind != "项目团队" || data.DateText(o.Founded) != "2003-05-01" {
		t.Errorf("磁体技术党支部 %+v", o)
	}
	// One batch: undo takes the whole tree back out.
	if err := s.UndoBatch(context.Background(), res.Batch, "测试撤销", nil); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.Orgs(context.Background()); len(all) != 3 {
		t.Errorf("after undo %d organisations, want the 3 of before", len(all))
	}
}

// Exporting the tree and importing it again changes nothing.
func TestOrgsRoundTripIsUnchanged(t *testing.T) {
	s := openStore(t)
	importOrgs(t, s, orgBook(t, [][]any{
		{1, "强磁场中心党总支", "621", "", "强磁场科学中心", "科研单元", d(1995, 3, 1), "", "中心总支", ""},
		{2, "稳态实验室党支部", "631", "强磁场中心党总支", "稳态实验室", "实验室", d(2001, 7, 1), "", "", ""},
	}))
	out := filepath.Join(t.TempDir(), "导出.xlsx")
	n, err := ExportOrgs(context.Background(), s, out)
	if err != nil || n != 5 {
		t.Fatalf("exported %d, %v; want the 5 organisations", n, err)
	}
	res := importOrgs(t, s, out)
	if res.Unchanged != 5 || res.New+res.Updated+res.Rejected != 0 || res.Batch != 0 {
		t.Errorf("round trip: %+v, errors %v; want all 5 unchanged and no batch", res.Counts, res.Errors())
	}
}

// Bad rows each get one reason; the good rows are written.
func TestImportOrgsRejectsBadRowsWithAReason(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	root, _ := RootOrg(ctx, s)
	old := &data.Org{ParentID: root.ID, TypeCode: data.TypeGeneralBranch, Name: "旧总支"}
	if err := s.SaveOrg(ctx, old); err != nil {
		t.Fatal(err)
	}
	if err := s.AbolishOrg(ctx, old.ID, d(2024, 1, 1), "调整"); err != nil {
		t.Fatal(err)
	}
	first := orgNamed(t, s, "第一党支部")
	m := data.Member{
		Person:     data.Person{Name: "党员甲", IDNumber: mkID(1980, 1, 1, 1, true)},
		Membership: data.Membership{BranchID: first.ID, Category: data.CategoryFull, Joined: d(2005, 1, 1), Full: d(2006, 1, 1)},
	}
	if err := s.SaveMember(ctx, &m); err != nil {
		t.Fatal(err)
	}
	path := orgBook(t, [][]any{
		{1, "甲总支", "党总支", "乙总支"},
		{2, "乙总支", "党总支", "甲总支"},
		{3, "支部下的支部", "党支部", "第二党支部"},
		{4, "好支部", "党支部", ""},
		{5, "好支部", "党支部", ""},
		{6, "旧总支下的支部", "党支部", "旧总支"},
		{7, "无名上级的支部", "党支部", "不存在的总支"},
		{8, "第一党支部", "党总支", ""},
		{9, "怪支部", "小组", ""},
	})
	res := importOrgs(t, s, path)
	codes := map[int]string{}
	msgs := map[int]string{}
	for _, e := range res.Errors() {
		codes[e.Row], msgs[e.Row] = e.Code, e.Message
	}
	for row, want := range map[int]struct{ code, words string }{
		2:  {CodeOrgCycle, "循环"},
		3:  {CodeOrgCycle, "循环"},
		4:  {CodeInvalid, "支部之下不能再设"},
		6:  {CodeDuplicate, "第 5 行"},
		7:  {CodeOrgParent, "已于 2024-01-01 撤销"},
		8:  {CodeOrgParent, "都不存在"},
		9:  {CodeInvalid, "1 名党员"},
		10: {CodeOrgType, "无法识别"},
	} {
		if codes[row] != want.code || !strings.Contains(msgs[row], want.words) {
			t.Errorf("row %d: %s %q; want %s with %q", row, codes[row], msgs[row], want.code, want.words)
		}
	}
	if res.New != 1 || res.Rejected != 8 {
		t.Errorf("new %d rejected %d; want only 好支部 written", res.New, res.Rejected)
	}
	if o := orgNamed(t, s, "第一党支部"); o.TypeCode != data.TypeBranch {
		t.Errorf("第一党支部 with a member became %s", data.TypeName(o.TypeCode))
	}
	if log, _ := s.AuditLog(ctx, data.AuditFilter{Action: "修改组织"}); len(log) != 0 {
		t.Errorf("a refused row left %d 修改组织 entries in the log", len(log))
	}
}

// The preview is the same run rolled back: counts, and nothing written.
func TestPlanOrgImportWritesNothing(t *testing.T) {
	s := openStore(t)
	of, err := ReadOrgs(context.Background(), orgBook(t, [][]any{{1, "新总支", "党总支", ""}}))
	if err != nil {
		t.Fatal(err)
	}
	res, err := PlanOrgImport(context.Background(), s, of)
	if err != nil || res.New != 1 || res.Batch != 0 {
		t.Fatalf("preview %+v %v", res, err)
	}
	if _, err := s.OrgByName(context.Background(), "新总支"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("the preview wrote 新总支: %v", err)
	}
	if bs, _ := s.Batches(context.Background()); len(bs) != 0 {
		t.Errorf("the preview left %d batches", len(bs))
	}
}

// Files that are no organisation sheet are refused once, saying what they are.
func TestReadOrgsRefusesWhatIsNoOrgSheet(t *testing.T) {
	dir := t.TempDir()
	empty := writeBook(t, filepath.Join(dir, "空.xlsx"), sheetSpec{name: "Sheet1"})
	roster := writeBook(t, filepath.Join(dir, "花名册.xlsx"), sheetSpec{name: "Sheet1", rows: [][]any{
		{"姓名", "公民身份号码", "所在党支部", "入党日期"}, {"甲", mkID(1980, 1, 1, 1, true), "第一党支部", "2005-01-01"},
	}})
	for path, want := range map[string]string{empty: RefuseEmpty, roster: RefuseNoOrgs} {
		_, err := ReadOrgs(context.Background(), path)
		var re *RefusedError
		if !errors.As(err, &re) || re.Code != want {
			t.Errorf("%s: %v; want refusal %s", filepath.Base(path), err, want)
		}
		if path == roster && !strings.Contains(re.Message, "花名册") {
			t.Errorf("a roster given to the org import: %q; want it named", re.Message)
		}
	}
	// And the other way round: an organisation sheet given to the roster import.
	_, err := ReadRoster(context.Background(), orgBook(t, [][]any{{1, "新总支", "党总支", ""}}), ReadOptions{})
	var re *RefusedError
	if !errors.As(err, &re) || !strings.Contains(re.Message, "党组织一览表") || !strings.Contains(re.Message, "import orgs") {
		t.Errorf("org sheet given to the roster import: %v; want a refusal naming the organisation sheet", err)
	}
}

// The 错误行 file of an organisation import carries the parent merged down its rows, and
// imports again as an organisation sheet once corrected.
func TestWriteOrgRejectsCarriesMergedParents(t *testing.T) {
	s := openStore(t)
	res := importOrgs(t, s, orgBook(t, [][]any{
		{1, "甲支部", "党支部", "不存在的总支"},
		{2, "乙支部", "小组", nil},
	}, [2]string{"D2", "D3"}))
	out := filepath.Join(t.TempDir(), "错误行.xlsx")
	if wrote, err := WriteOrgRejects(out, res); !wrote || err != nil {
		t.Fatal(wrote, err)
	}
	of, err := ReadOrgs(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	if len(of.Rows) != 2 || of.Rows[1].Parent != "不存在的总支" {
		t.Errorf("rows %d, 乙支部's parent %q; want both rows, the merged parent written", len(of.Rows), of.Rows[1].Parent)
	}
}
