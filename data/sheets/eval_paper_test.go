package sheets

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"dangjian/data/criteria"
	"dangjian/data/demo/demotest"
)

// The filled evaluation workbook is a form an office can sign: the profile's name in the title,
// 合计 as a formula with its value cached, lists and ranges on the input cells, labels locked
// and inputs open, the seal lines, A4 one page wide at 8 pt or more, and 一票否决 on the vetoed
// unit's own sheet.
func TestEvalSheetIsAForm(t *testing.T) {
	s := evalDemoStore(t)
	sn := demotest.Round(t, s, 2024) // complete, with 资产处 vetoed
	p, _ := s.Profile(context.Background())
	f := builtSheets(t, sn, false)
	sh := "科研处"
	if title, _ := f.GetCellValue(sh, "A1"); title != p.TitleName()+"2024年度模范机关创建考评表" {
		t.Errorf("title %q", title)
	}
	total := rowOf(t, f, sh, "创新品牌") + 1
	if v, _ := f.GetCellValue(sh, ecell(1, total)); v != "合计" {
		t.Fatalf("row %d is %q, not 合计", total, v)
	}
	o, _ := sn.Round.OrganByName(sh)
	for gi, g := range sn.Round.ScoreGroups() {
		cell := ecell(5+gi, total)
		formula, _ := f.GetCellFormula(sh, cell)
		if !strings.Contains(formula, "SUM(") || !strings.Contains(formula, "MIN(5,") {
			t.Errorf("%s %s formula %q, want a SUM with the bonus capped", g.Name, cell, formula)
		}
		want, _ := sn.GroupTotal(o.ID, g)
		got, _ := f.GetCellValue(sh, cell)
		if v, err := strconv.ParseFloat(got, 64); err != nil || v != want {
			t.Errorf("%s cached total %q, want %v", g.Name, got, want)
		}
	}
	dvs, err := f.GetDataValidations(sh)
	if err != nil {
		t.Fatal(err)
	}
	graded := rowOf(t, f, sh, "政治引领")
	deduct := rowOf(t, f, sh, "理论武装")
	var list, dec bool
	for _, dv := range dvs {
		if strings.HasPrefix(dv.Sqref, ecell(5, graded)) && dv.Type == "list" && strings.Contains(dv.Formula1, "8,6,4,0") {
			list = true
		}
		if strings.HasPrefix(dv.Sqref, ecell(5, deduct)) && dv.Type == "decimal" {
			dec = true
		}
	}
	if !list || !dec {
		t.Errorf("validation: graded list %v, decimal 0–max %v (%d rules)", list, dec, len(dvs))
	}
	locked := func(cell string) bool {
		id, _ := f.GetCellStyle(sh, cell)
		st, _ := f.GetStyle(id)
		return st.Protection == nil || st.Protection.Locked
	}
	if !locked(ecell(2, deduct)) || !locked(ecell(3, deduct)) || locked(ecell(5, deduct)) || locked(ecell(7, deduct)) {
		t.Error("labels must be locked and score and note cells open")
	}
	var text []string
	rows, _ := f.GetRows(sh)
	for _, r := range rows {
		text = append(text, strings.Join(r, " "))
	}
	all := strings.Join(text, "\n")
	for _, w := range []string{"考评人签字", "考评组组长签字", "被考评单位负责人签字", "日期：", "（盖章）"} {
		if !strings.Contains(all, w) {
			t.Errorf("the sheet lacks %q", w)
		}
	}
	if strings.Contains(all, "填表说明") {
		t.Error("a filled sheet carries the 填表说明 of the blank one")
	}
	vetoed, _ := f.GetRows("资产处")
	if !strings.Contains(strings.Join(flat(vetoed), " "), "一票否决：") {
		t.Error("the vetoed unit's sheet does not say 一票否决")
	}
	if sc := PrintScale(SheetWidths(f, sh, len(evalColumns(sn.Round))), false); 10*sc < 8 {
		t.Errorf("prints at %.0f %%: 10 pt text at %.1f pt", sc*100, 10*sc)
	}
	lay, _ := f.GetPageLayout(sh)
	if lay.Size == nil || *lay.Size != 9 || lay.FitToWidth == nil || *lay.FitToWidth != 1 {
		t.Errorf("page layout %+v, want A4 fit to one page wide", lay)
	}
}

// The blank sheet carries the 填表说明, and 合计 stays empty until every score is in.
func TestEvalBlankSheetHasInstructions(t *testing.T) {
	s := evalDemoStore(t)
	sn := demotest.Round(t, s, 2025)
	f := builtSheets(t, sn, true)
	rows, _ := f.GetRows("院办公室")
	all := strings.Join(flat(rows), "\n")
	if !strings.Contains(all, "填表说明") || !strings.Contains(all, "好、较好、一般、差") {
		t.Error("the blank sheet lacks its 填表说明")
	}
	total := rowOf(t, f, "院办公室", "创新品牌") + 1
	if v, _ := f.GetCellValue("院办公室", ecell(5, total)); v != "" {
		t.Errorf("blank 合计 shows %q", v)
	}
}

// A round in progress: a filled sheet with scores missing prints 未完成 in 合计, and the results
// summary prints 未完成 and — for such units instead of a total and rank.
func TestEvalInProgressPrintsIncomplete(t *testing.T) {
	s := evalDemoStore(t)
	sn := demotest.Round(t, s, 2025)
	var pending criteria.Result
	for _, r := range sn.Results() {
		if r.Missing > 0 && r.VetoReason == "" {
			pending = r
		}
	}
	if pending.Organ.Name == "" {
		t.Fatal("the demo's 2025 round has no unit in progress")
	}
	row := ResultsRow(sn.Round, pending)
	if row[0] != "—" || row[len(row)-3] != criteria.Incomplete {
		t.Errorf("a unit in progress prints rank %q total %q", row[0], row[len(row)-3])
	}
	for gi, g := range sn.Round.Groups {
		if pending.GroupMissing[g.Name] > 0 && row[2+gi] != "—" {
			t.Errorf("%s of a unit in progress prints %q, want —", g.Name, row[2+gi])
		}
	}
	f, err := BuildEvalResults(sn)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("考评结果")
	all := strings.Join(flat(rows), "\n")
	for _, w := range []string{"制表人：", "审核人：", "考评工作领导小组（盖章）", "日期："} {
		if !strings.Contains(all, w) {
			t.Errorf("the summary lacks %q", w)
		}
	}
	if sc := PrintScale(SheetWidths(f, "考评结果", len(ResultsHeader(sn.Round))), false); sc < 1 {
		t.Errorf("the summary prints at %.0f %%, want 100 %%", sc*100)
	}
}

func flat(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, " "))
	}
	return out
}
