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
	"dangjian/data/criteria"
	"dangjian/data/demo/demotest"
)

// evalDemoStore is the demo institute with its three evaluation rounds.
func evalDemoStore(t testing.TB) *data.Store {
	return demotest.Store(t, time.Date(2025, 11, 20, 10, 0, 0, 0, time.UTC))
}

func readBack(t *testing.T, s *data.Store, path string) *EvalImport {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	imp, err := ReadEvalWorkbook(context.Background(), s, fh, filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	return imp
}

// importRead imports what was read from the file at path into the round, as the window's 导入
// does after its preview.
func importRead(t *testing.T, s *data.Store, sn *criteria.Snapshot, imp *EvalImport, path string) criteria.ImportSummary {
	t.Helper()
	sum, err := criteria.ImportScores(context.Background(), s, sn.Round.ID, imp.Scores, imp.Overrides, path)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// A filled sheet printed from a complete round reads back as exactly its scores.
func TestEvalSheetRoundTrip(t *testing.T) {
	s := evalDemoStore(t)
	sn := demotest.Round(t, s, 2024)
	path := printedSheets(t, sn, false)
	imp := readBack(t, s, path)
	if imp.Round.ID != sn.Round.ID || len(imp.Errors) != 0 || len(imp.Overrides) != 0 {
		t.Fatalf("round %d errors %v overrides %v", imp.Round.ID, imp.Errors, imp.Overrides)
	}
	if len(imp.Scores) != len(sn.Scores) {
		t.Fatalf("read %d scores, the round has %d", len(imp.Scores), len(sn.Scores))
	}
	for _, e := range imp.Scores {
		if want := sn.Scores[e.Key]; want.Points != e.Points || want.Note != e.Note {
			t.Errorf("%+v: read %v %q, stored %v %q", e.Key, e.Points, e.Note, want.Points, want.Note)
		}
	}
}

// Importing the filled sheet of the open round changes nothing: one 说明 column serves the
// 自评 and 考评组 columns, and must not copy one group's note onto the other.
func TestEvalFilledSheetReimportsUnchanged(t *testing.T) {
	s := evalDemoStore(t)
	sn := demotest.Round(t, s, 2025)
	path := printedSheets(t, sn, false)
	imp := readBack(t, s, path)
	sum := importRead(t, s, sn, imp, path)
	if sum.Inserted != 0 || sum.Updated != 0 || sum.Overrides != 0 || sum.Unchanged != len(imp.Scores) {
		t.Errorf("re-import of an unchanged sheet: %+v", sum)
	}
}

// A blank sheet typed in by hand (as an office would) imports into the round, and a row the
// user inserted in the middle does not shift the scores.
func TestEvalBlankSheetTypedAndImported(t *testing.T) {
	s := evalDemoStore(t)
	sn := demotest.Round(t, s, 2025)
	path := printedSheets(t, sn, true)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sheet := "院办公室" // the demo's 考评组 has not scored it yet this year
	if err := f.InsertRows(sheet, 6, 1); err != nil {
		t.Fatal(err)
	}
	f.SetCellValue(sheet, "C6", "（用户插入的备注行）")
	typed := map[string]float64{"理论武装": 7, "贯彻落实": 6, "服务科研": 5.5, "组织生活": 4.5, "创新品牌": 2}
	rows, _ := f.GetRows(sheet)
	for i, r := range rows {
		if len(r) > 1 {
			if v, ok := typed[r[1]]; ok {
				f.SetCellValue(sheet, ecell(6, i+1), v) // 考评分 is column F
			}
		}
	}
	f.SetCellValue(sheet, "G5", "一项未落实")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	imp := readBack(t, s, path)
	if len(imp.Errors) != 0 {
		t.Fatalf("errors: %v", imp.Errors)
	}
	o, _ := sn.Round.OrganByName(sheet)
	group := sn.Round.ScoreGroups()[1]
	sum := importRead(t, s, sn, imp, path)
	if sum.Inserted != len(typed) {
		t.Errorf("inserted %d, typed %d (summary %+v)", sum.Inserted, len(typed), sum)
	}
	after, _ := criteria.Load(context.Background(), s, sn.Round.ID)
	for _, in := range after.Set.Indicators() {
		if want, ok := typed[in.Name]; ok {
			got := after.Scores[criteria.CellKey{Organ: o.ID, Indicator: in.ID, Group: group.ID}]
			if got.Points != want {
				t.Errorf("%s: %v, typed %v", in.Name, got.Points, want)
			}
			if in.Name == "贯彻落实" && got.Note != "一项未落实" {
				t.Errorf("note %q not kept", got.Note)
			}
		}
	}
}

func TestEvalImportNamesBadCells(t *testing.T) {
	s := evalDemoStore(t)
	sn := demotest.Round(t, s, 2025)
	path := printedSheets(t, sn, false)
	f, _ := excelize.OpenFile(path)
	f.SetCellValue("科研处", "F7", 8)    // 服务科研, max 7
	f.SetCellValue("科研处", "E5", "九分") // 贯彻落实
	f.SetCellValue("科研处", "F6", 5)    // 政治引领 is graded 8/6/4/0
	f.SetCellValue("人事处", "F8", 2)    // AB岗设置 computed, changed without a reason
	f.SetCellValue("财务处", "F9", 1)    // 一门办结 computed, changed with a reason
	f.SetCellValue("财务处", "G9", "窗口搬迁期间暂停办理")
	f.Save()
	imp := readBack(t, s, path)
	want := []string{
		"科研处 第5行 自评分（E5）“九分”不是数字",
		"科研处 第6行 考评分（F6）：“政治引领”按分档计分，只能填 8、6、4、0 之一",
		"科研处 第7行 考评分（F7）：“服务科研”的分数 8 超过分值 7",
		"人事处 第8行 考评分（F8）：改动了计算值",
	}
	var got []string
	for _, e := range imp.Errors {
		got = append(got, e.Message)
	}
	all := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("missing error %q in:\n%s", w, all)
		}
	}
	if len(imp.Errors) != len(want) {
		t.Errorf("%d errors, want %d:\n%s", len(imp.Errors), len(want), all)
	}
	if len(imp.Overrides) != 1 || imp.Overrides[0].Points != 1 || imp.Overrides[0].Reason != "窗口搬迁期间暂停办理" {
		t.Errorf("overrides %+v, want 一门办结 = 1 for 财务处 with its reason", imp.Overrides)
	}
}

func TestEvalImportRefusesOtherFiles(t *testing.T) {
	s := evalDemoStore(t)
	dir := t.TempDir()
	notX := filepath.Join(dir, "a.xlsx")
	os.WriteFile(notX, []byte("not a workbook"), 0o644)
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "姓名")
	other := filepath.Join(dir, "b.xlsx")
	f.SaveAs(other)
	for _, c := range []struct{ path, msg string }{{notX, "不是可读取的 Excel"}, {other, "没有考评表"}} {
		fh, _ := os.Open(c.path)
		_, err := ReadEvalWorkbook(context.Background(), s, fh, filepath.Base(c.path))
		fh.Close()
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: %v, want %q", c.path, err, c.msg)
		}
	}
}

func TestParsePoints(t *testing.T) {
	for in, want := range map[string]float64{"7": 7, " 7.5 ": 7.5, "７．５": 7.5, "6分": 6, "0": 0} {
		if v, ok := ParsePoints(in); !ok || v != want {
			t.Errorf("ParsePoints(%q) = %v %v, want %v", in, v, ok, want)
		}
	}
	for _, in := range []string{"", "abc", "NaN", "Inf", "7,5", "九"} {
		if _, ok := ParsePoints(in); ok {
			t.Errorf("ParsePoints(%q) accepted", in)
		}
	}
}

// FuzzEvalGrid feeds arbitrary cell grids through the reader and the matcher: they must never
// panic, and every score they accept must be within its indicator's max.
func FuzzEvalGrid(f *testing.F) {
	s := evalDemoStore(f)
	sn := demotest.Round(f, s, 2025)
	f.Add("2025年度模范机关创建考评表\n被考评单位：科研处\t考评日期：x\n一级指标\t二级指标\t考评内容及评分标准\t分值\t自评分\t考评分\t扣分/加分说明\n\t理论武装\t\t8\t7\t9\tn\n\tAB岗设置\t\t6\t1\t1\t理由\n合计")
	f.Add("二级指标\t考评分\n服务科研\t７．５\n服务科研\t-1\n\t\n合计\t1")
	f.Add("被考评单位：人事处\n二级指标\t自评分\t自评分\n政治引领\t6\tNaN\n")
	f.Fuzz(func(t *testing.T, text string) {
		var rows [][]string
		for _, line := range strings.Split(text, "\n") {
			rows = append(rows, strings.Split(line, "\t"))
		}
		sh, ok := ParseEvalGrid("表", rows)
		if !ok {
			return
		}
		imp := MatchEval(sn, []EvalSheet{sh})
		inds := map[int64]criteria.Indicator{}
		for _, in := range sn.Set.Indicators() {
			inds[in.ID] = in
		}
		for _, e := range imp.Scores {
			if err := criteria.CheckPoints(inds[e.Key.Indicator], e.Points); err != nil {
				t.Fatalf("accepted a bad score: %v", err)
			}
		}
	})
}
