package sheets

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/criteria"
	"dangjian/data/demo/demotest"
)

// builtSheets is the workbook of the round's evaluation sheets (blank: without its scores),
// closed when the test ends.
func builtSheets(t *testing.T, sn *criteria.Snapshot, blank bool) *excelize.File {
	t.Helper()
	f, err := BuildEvalSheets(sn, blank)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// printedSheets prints the evaluation sheets of the round (blank: without its scores) to a
// file and returns its path.
func printedSheets(t *testing.T, sn *criteria.Snapshot, blank bool) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "filled.xlsx")
	if err := WriteEvalSheets(path, sn, blank); err != nil {
		t.Fatal(err)
	}
	return path
}

// filledSheet prints the filled sheets of the round of year, lets edit change them as a
// person would in Excel, and saves them.
func filledSheet(t *testing.T, sn *criteria.Snapshot, blank bool, edit func(f *excelize.File)) string {
	t.Helper()
	path := printedSheets(t, sn, blank)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edit(f)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

// rowOf finds the sheet row of an indicator.
func rowOf(t *testing.T, f *excelize.File, sheet, indicator string) int {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	for i, r := range rows {
		if len(r) > 1 && r[1] == indicator {
			return i + 1
		}
	}
	t.Fatalf("%s: no row %s", sheet, indicator)
	return 0
}

func messages(errs []EvalCellError) string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Message)
	}
	return strings.Join(out, "\n")
}

func total(t *testing.T, s *data.Store, roundID int64, organ string) float64 {
	t.Helper()
	rs, err := criteria.Results(context.Background(), s, roundID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Organ.Name == organ {
			return r.Total
		}
	}
	t.Fatalf("no result for %s", organ)
	return 0
}

// The flip: the 考评组 corrects a computed indicator on the filled sheet, with a reason,
// and the same file is imported twice. The second import changes nothing — no score, no
// override, no audit entry — and 科研处's total stays where the first import put it.
func TestEvalSameFilledSheetTwiceUnchanged(t *testing.T) {
	s := evalDemoStore(t)
	sn := demotest.Round(t, s, 2025)
	path := filledSheet(t, sn, false, func(f *excelize.File) {
		r := rowOf(t, f, "科研处", "AB岗设置")
		f.SetCellValue("科研处", ecell(6, r), 4) // 考评分 column
		f.SetCellValue("科研处", ecell(7, r), "两项服务的B岗人员已调离，未补配")
		f.SetCellValue("科研处", ecell(6, rowOf(t, f, "科研处", "理论武装")), 6)
	})
	first := readBack(t, s, path)
	if len(first.Errors) != 0 {
		t.Fatalf("errors: %s", messages(first.Errors))
	}
	sum1 := importRead(t, s, sn, first, path)
	if sum1.Overrides != 1 || sum1.Updated+sum1.Inserted == 0 {
		t.Fatalf("first import %+v, want the override and the typed score", sum1)
	}
	after1 := total(t, s, sn.Round.ID, "科研处")
	fixes := func() int {
		es, err := s.AuditLog(context.Background(), data.AuditFilter{Action: "修正计算值"})
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}
	audit1 := fixes()
	for range 2 {
		again := readBack(t, s, path)
		if len(again.Errors) != 0 {
			t.Fatalf("errors the second time: %s", messages(again.Errors))
		}
		sum := importRead(t, s, sn, again, path)
		if sum.Inserted != 0 || sum.Updated != 0 || sum.Overrides != 0 || sum.Unchanged != len(again.Scores) {
			t.Errorf("the same file again: %+v, want all unchanged", sum)
		}
		if got := total(t, s, sn.Round.ID, "科研处"); got != after1 {
			t.Errorf("科研处's total went %v → %v on re-import", after1, got)
		}
	}
	if n := fixes() - audit1; n != 0 {
		t.Errorf("%d more 修正计算值 entries in the audit after unchanged re-imports, want none", n)
	}
}

// A computed indicator is printed once: its value in the 考评分 column, 系统计算 beside it and in
// 说明; the score columns of the other rows are open for typing.
func TestEvalSheetPrintsComputedOnce(t *testing.T) {
	s := evalDemoStore(t)
	sn := demotest.Round(t, s, 2025)
	f := builtSheets(t, sn, false)
	r := rowOf(t, f, "科研处", "AB岗设置")
	e, _ := f.GetCellValue("科研处", ecell(5, r))
	v, _ := f.GetCellValue("科研处", ecell(6, r))
	note, _ := f.GetCellValue("科研处", ecell(7, r))
	if e != "系统计算" || v == "" || !strings.HasPrefix(note, "系统计算：") {
		t.Errorf("AB岗设置 prints 自评分 %q, 考评分 %q, 说明 %q; want 系统计算, the value once, 系统计算：…", e, v, note)
	}
}

// 自评得分 is what offices type for 自评分: the column is read. A column no score group names is
// listed with its heading cell, and nothing of it is taken.
func TestEvalImportHeaderSynonymAndUnknownColumn(t *testing.T) {
	s := evalDemoStore(t)
	sn := demotest.Round(t, s, 2025)
	var r int
	path := filledSheet(t, sn, true, func(f *excelize.File) {
		f.SetCellValue("院办公室", "E3", "自评得分")
		f.SetCellValue("院办公室", "H3", "复核分")
		r = rowOf(t, f, "院办公室", "理论武装")
		f.SetCellValue("院办公室", ecell(5, r), 7)
		f.SetCellValue("院办公室", ecell(8, r), 5)
	})
	imp := readBack(t, s, path)
	o, _ := sn.Round.OrganByName("院办公室")
	self := sn.Round.ScoreGroups()[0]
	found := false
	for _, e := range imp.Scores {
		if e.Key.Organ == o.ID && e.Key.Group == self.ID && e.Points == 7 {
			found = true
		}
	}
	if !found {
		t.Errorf("自评得分 7 not read: %+v", imp.Scores)
	}
	all := messages(imp.Errors)
	if !strings.Contains(all, "院办公室 表头“复核分”（H3）不是本轮的评分栏（本轮为 自评分、考评分），这一列的 1 格未导入") {
		t.Errorf("unknown column not listed:\n%s", all)
	}
}

// Excel's 移动或复制 makes 科研处 (2): both sheets name 科研处. The first is read, the second is
// listed whole, and its scores are not mixed in.
func TestEvalImportDuplicateSheetListed(t *testing.T) {
	s := evalDemoStore(t)
	sn := demotest.Round(t, s, 2025)
	path := filledSheet(t, sn, false, func(f *excelize.File) {
		idx, _ := f.NewSheet("科研处 (2)")
		from, _ := f.GetSheetIndex("科研处")
		if err := f.CopySheet(from, idx); err != nil {
			t.Fatal(err)
		}
		f.SetCellValue("科研处 (2)", ecell(6, rowOf(t, f, "科研处 (2)", "理论武装")), 0.5)
	})
	imp := readBack(t, s, path)
	if !strings.Contains(messages(imp.Errors), "工作表“科研处 (2)”与工作表“科研处”都是“科研处”的考评表，只导入了“科研处”，“科研处 (2)”整张表未导入") {
		t.Errorf("duplicate sheet not listed:\n%s", messages(imp.Errors))
	}
	for _, e := range imp.Scores {
		if e.Points == 0.5 {
			t.Errorf("a score of the duplicate sheet was taken: %+v", e)
		}
	}
}

// Two rows for one indicator: the first is read, the second listed with its row.
func TestEvalImportDuplicateRowListed(t *testing.T) {
	s := evalDemoStore(t)
	sn := demotest.Round(t, s, 2025)
	path := filledSheet(t, sn, true, func(f *excelize.File) {
		r := rowOf(t, f, "院办公室", "服务科研")
		f.SetCellValue("院办公室", ecell(6, r), 6)
		f.InsertRows("院办公室", r+1, 1)
		f.SetCellValue("院办公室", ecell(2, r+1), "服务科研")
		f.SetCellValue("院办公室", ecell(6, r+1), 3)
	})
	imp := readBack(t, s, path)
	if !strings.Contains(messages(imp.Errors), "院办公室 第8行 二级指标“服务科研”与第7行重复，只导入了第7行，第8行未导入") {
		t.Errorf("duplicate row not listed:\n%s", messages(imp.Errors))
	}
	n := 0
	for _, e := range imp.Scores {
		if e.Points == 3 {
			t.Errorf("the duplicate row's 3 was taken")
		}
		if e.Points == 6 {
			n++
		}
	}
	if n == 0 {
		t.Errorf("the first row's 6 was not taken")
	}
}

// An emptied cell keeps the round's score, and the import says so with the cell.
func TestEvalImportEmptyCellKeepsOldScore(t *testing.T) {
	s := evalDemoStore(t)
	sn := demotest.Round(t, s, 2025)
	path := filledSheet(t, sn, false, func(f *excelize.File) {
		f.SetCellValue("科研处", ecell(6, rowOf(t, f, "科研处", "理论武装")), "")
	})
	imp := readBack(t, s, path)
	if !strings.Contains(messages(imp.Kept), "科研处 第4行 考评分（F4）为空，保留原分数") {
		t.Errorf("empty cell not listed:\n%s", messages(imp.Kept))
	}
	if sum := importRead(t, s, sn, imp, path); sum.Updated != 0 || sum.Inserted != 0 {
		t.Errorf("import %+v, want nothing changed", sum)
	}
}

// A refused value says which cell and what it kept.
func TestEvalImportRefusedCellSaysWhatIsKept(t *testing.T) {
	s := evalDemoStore(t)
	sn := demotest.Round(t, s, 2025)
	path := filledSheet(t, sn, false, func(f *excelize.File) {
		f.SetCellValue("科研处", ecell(6, rowOf(t, f, "科研处", "服务科研")), 8) // max 7
	})
	imp := readBack(t, s, path)
	o, _ := sn.Round.OrganByName("科研处")
	var in criteria.Indicator
	for _, x := range sn.Set.Indicators() {
		if x.Name == "服务科研" {
			in = x
		}
	}
	old := sn.Scores[criteria.CellKey{Organ: o.ID, Indicator: in.ID, Group: sn.Round.ScoreGroups()[1].ID}]
	want := "科研处 第7行 考评分（F7）：“服务科研”的分数 8 超过分值 7；保留原分数 " + criteria.FormatPoints(old.Points)
	if !strings.Contains(messages(imp.Errors), want) {
		t.Errorf("want %q in:\n%s", want, messages(imp.Errors))
	}
}

// Graded items take their standard's words and their numbers; a wrong one lists the levels.
func TestEvalImportGradedWords(t *testing.T) {
	s := evalDemoStore(t)
	sn := demotest.Round(t, s, 2025)
	path := filledSheet(t, sn, true, func(f *excelize.File) {
		f.SetCellValue("院办公室", ecell(6, rowOf(t, f, "院办公室", "政治引领")), "较好")
		f.SetCellValue("院办公室", ecell(6, rowOf(t, f, "院办公室", "业务能力")), 4)
		f.SetCellValue("院办公室", ecell(6, rowOf(t, f, "院办公室", "科学家精神")), "很好")
	})
	imp := readBack(t, s, path)
	got := map[float64]bool{}
	for _, e := range imp.Scores {
		got[e.Points] = true
	}
	if !got[6] || !got[4] {
		t.Errorf("较好 (6) and 4 not read: %+v", imp.Scores)
	}
	want := "“很好”不是分数，请填写 6、4、2、0 之一（或 好、较好、一般、差）"
	if !strings.Contains(messages(imp.Errors), want) {
		t.Errorf("want %q in:\n%s", want, messages(imp.Errors))
	}
}

// A blank 说明 does not wipe the note the round has.
func TestEvalImportBlankNoteKeepsNote(t *testing.T) {
	s := evalDemoStore(t)
	sn := demotest.Round(t, s, 2025)
	o, _ := sn.Round.OrganByName("科研处")
	g := sn.Round.ScoreGroups()[1]
	var key criteria.CellKey
	var old criteria.Score
	for _, in := range sn.Set.Indicators() {
		k := criteria.CellKey{Organ: o.ID, Indicator: in.ID, Group: g.ID}
		if sc, ok := sn.Scores[k]; ok && sc.Note != "" {
			key, old = k, sc
			break
		}
	}
	if old.Note == "" {
		t.Fatal("the demo's 科研处 has no 考评组 note to keep")
	}
	path := filledSheet(t, sn, false, func(f *excelize.File) {
		rows, _ := f.GetRows("科研处")
		for i, r := range rows {
			if len(r) > 6 && r[6] == old.Note {
				f.SetCellValue("科研处", ecell(7, i+1), "")
			}
		}
	})
	imp := readBack(t, s, path)
	for _, e := range imp.Scores {
		if e.Key == key && e.Note != old.Note {
			t.Errorf("blank 说明 made the note %q, want %q kept", e.Note, old.Note)
		}
	}
}

// The 考评日期 typed on the sheet is stored, and printed on the next sheet; the same file again
// changes nothing.
func TestEvalImportStoresEvalDate(t *testing.T) {
	s := evalDemoStore(t)
	sn := demotest.Round(t, s, 2025)
	path := filledSheet(t, sn, false, func(f *excelize.File) {
		f.SetCellValue("科研处", "D2", "考评日期：2025年11月18日")
		f.SetCellValue("人事处", "D2", "考评日期：11月18号")
	})
	imp := readBack(t, s, path)
	if !strings.Contains(messages(imp.Errors), "人事处 考评日期“11月18号”（D2）无法识别") {
		t.Errorf("unreadable date not listed:\n%s", messages(imp.Errors))
	}
	ctx := context.Background()
	sum, err := criteria.ImportRead(ctx, s, sn.Round.ID, imp.Read(), path)
	if err != nil || sum.Dates != 1 {
		t.Fatalf("import %+v %v, want one date stored", sum, err)
	}
	sn2, _ := criteria.Load(context.Background(), s, sn.Round.ID)
	o, _ := sn2.Round.OrganByName("科研处")
	if data.DateText(o.EvalDate) != "2025-11-18" {
		t.Errorf("stored date %v", o.EvalDate)
	}
	if pg := NewEvalPage(sn2, o, false); pg.Date != "2025年11月18日" {
		t.Errorf("the next sheet prints %q", pg.Date)
	}
	again, err := criteria.ImportRead(ctx, s, sn.Round.ID, readBack(t, s, path).Read(), path)
	if err != nil || again.Dates != 0 || again.Updated != 0 || again.Inserted != 0 {
		t.Errorf("the same file again: %+v %v", again, err)
	}
}
