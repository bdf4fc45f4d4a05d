package sheets

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"dangjian/data/criteria"
)

// The evaluation sheet (模范机关创建考评表), one worksheet per organ, laid out as in
// model-organ-criteria.md: title, unit/date line, the header row, the indicators with the
// 一级指标 merged down its rows, 合计 and the signature line. ReadEvalSheets finds its way back
// by these labels, so keep them in step.

// Labels of the evaluation sheet, shared by writer and reader.
const (
	evalTitleSuffix = "年度模范机关创建考评表"
	evalUnitLabel   = "被考评单位："
	evalDateLabel   = "考评日期："
	evalDimHeader   = "一级指标"
	evalIndHeader   = "二级指标"
	evalContHeader  = "考评内容及评分标准"
	evalMaxHeader   = "分值"
	evalNoteHeader  = "扣分/加分说明"
	evalTotalLabel  = "合计"
	evalSignLine    = "考评人签字：__________    被考评单位负责人签字：__________    日期：__________"
	evalKeywordPfx  = "考评轮次="
)

// evalStyles are the cell styles of the sheet beyond the shared ones.
type evalStyles struct {
	Styles
	num, dim, line, wrapLine int
}

func newEvalStyles(f *excelize.File) (evalStyles, error) {
	st, err := NewStyles(f)
	if err != nil {
		return evalStyles{}, err
	}
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	font := &excelize.Font{Family: "宋体", Size: 10}
	es := evalStyles{Styles: st}
	if es.num, err = f.NewStyle(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}); err != nil {
		return es, err
	}
	if es.dim, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 10, Bold: true}, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}); err != nil {
		return es, err
	}
	if es.line, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 11}, Alignment: &excelize.Alignment{Vertical: "center"}}); err != nil {
		return es, err
	}
	es.wrapLine, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 10}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	return es, err
}

// evalColumns are the sheet's columns: the fixed ones around one column per score group.
func evalColumns(r criteria.Round) []string {
	cols := []string{evalDimHeader, evalIndHeader, evalContHeader, evalMaxHeader}
	for _, g := range r.ScoreGroups() {
		cols = append(cols, g.Column())
	}
	return append(cols, evalNoteHeader)
}

// evalWidths in Excel character units; the content and note columns wrap.
func evalWidths(n int) []float64 {
	w := []float64{9, 10, 40, 6}
	for len(w) < n-1 {
		w = append(w, 7)
	}
	return append(w, 24)
}

// BuildEvalSheets makes the workbook of evaluation sheets for every organ of the round; blank
// leaves the typed scores out (the computed values stay: they come from the data).
func BuildEvalSheets(sn *criteria.Snapshot, blank bool) (*excelize.File, error) {
	f := newBook()
	st, err := newEvalStyles(f)
	if err != nil {
		return nil, err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: fmt.Sprintf("%d%s", sn.Round.Year, evalTitleSuffix),
		Subject: sn.Round.Name, Keywords: fmt.Sprintf("%s%d", evalKeywordPfx, sn.Round.ID), Creator: "党建融合工作台"}); err != nil {
		return nil, err
	}
	for i, o := range sn.Round.Organs {
		name := sheetName(o.Name, i)
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
		if err := writeEvalSheet(f, name, st, sn, o, blank); err != nil {
			return nil, fmt.Errorf("%s：%w", o.Name, err)
		}
	}
	if len(sn.Round.Organs) == 0 {
		return nil, fmt.Errorf("考评轮次“%s”还没有被考评部门，请先选择部门", sn.Round.Name)
	}
	return f, nil
}

// WriteEvalSheets writes the workbook to path (atomically).
func WriteEvalSheets(path string, sn *criteria.Snapshot, blank bool) error {
	f, err := BuildEvalSheets(sn, blank)
	if err != nil {
		return err
	}
	defer f.Close()
	return SaveAtomic(f, path)
}

// sheetName makes a worksheet name Excel accepts (≤31 characters, no []:*?/\).
func sheetName(name string, i int) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, name)
	if utf8.RuneCountInString(name) > 28 {
		name = string([]rune(name)[:28])
	}
	if name == "" {
		name = fmt.Sprintf("部门%d", i+1)
	}
	return name
}

func ecell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func writeEvalSheet(f *excelize.File, sh string, st evalStyles, sn *criteria.Snapshot, o criteria.Organ, blank bool) error {
	cols := evalColumns(sn.Round)
	n := len(cols)
	last, _ := excelize.ColumnNumberToName(n)
	for i, w := range evalWidths(n) {
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(sh, col, col, w)
	}
	f.SetCellValue(sh, "A1", fmt.Sprintf("%d%s", sn.Round.Year, evalTitleSuffix))
	f.MergeCell(sh, "A1", last+"1")
	f.SetCellStyle(sh, "A1", last+"1", st.Title)
	f.SetRowHeight(sh, 1, 30)
	date := "__________"
	if !blank && !sn.Round.RefDate.IsZero() {
		date = sn.Round.RefDate.Format("2006年1月2日")
	}
	f.SetCellValue(sh, "A2", evalUnitLabel+o.Name)
	f.MergeCell(sh, "A2", "C2")
	f.SetCellValue(sh, ecell(4, 2), evalDateLabel+date)
	f.MergeCell(sh, ecell(4, 2), ecell(n, 2))
	f.SetCellStyle(sh, "A2", ecell(n, 2), st.line)
	f.SetRowHeight(sh, 2, 22)
	for i, h := range cols {
		f.SetCellValue(sh, ecell(i+1, 3), h)
	}
	f.SetCellStyle(sh, "A3", ecell(n, 3), st.Header)
	f.SetRowHeight(sh, 3, 28)

	groups := sn.Round.ScoreGroups()
	row := 4
	totals := make([]float64, len(groups))
	maxSum := 0.0
	for _, d := range sn.Set.Dimensions {
		first := row
		dimSums := make([]float64, len(groups))
		for _, in := range d.Indicators {
			f.SetCellValue(sh, ecell(2, row), in.Name)
			f.SetCellValue(sh, ecell(3, row), in.Content)
			f.SetCellValue(sh, ecell(4, row), in.Max)
			note := ""
			for gi, g := range groups {
				p, ok := sn.Points(o.ID, in, g.ID)
				if ok && (!blank || in.FromData()) {
					f.SetCellValue(sh, ecell(5+gi, row), p)
					dimSums[gi] += p
				}
				// The note of the rightmost group that scored: the import gives it back to that group.
				if sc, has := sn.Scores[criteria.CellKey{Organ: o.ID, Indicator: in.ID, Group: g.ID}]; has && !blank {
					note = sc.Note
				}
			}
			if in.FromData() {
				note = ValueNote(sn.Values[[2]int64{o.ID, in.ID}])
			}
			f.SetCellValue(sh, ecell(n, row), note)
			f.SetRowHeight(sh, row, rowHeight(in.Content, 40, note, 24))
			row++
		}
		label := fmt.Sprintf("%s\n（%s分）", d.Name, criteria.FormatPoints(d.Weight))
		if d.Bonus {
			label = fmt.Sprintf("%s\n（上限%s分）", d.Name, criteria.FormatPoints(d.Cap))
		} else {
			maxSum += d.Weight
		}
		f.SetCellValue(sh, ecell(1, first), label)
		if row-1 > first {
			f.MergeCell(sh, ecell(1, first), ecell(1, row-1))
		}
		f.SetCellStyle(sh, ecell(1, first), ecell(1, row-1), st.dim)
		f.SetCellStyle(sh, ecell(2, first), ecell(2, row-1), st.num)
		f.SetCellStyle(sh, ecell(3, first), ecell(3, row-1), st.Wrap)
		f.SetCellStyle(sh, ecell(4, first), ecell(n-1, row-1), st.num)
		f.SetCellStyle(sh, ecell(n, first), ecell(n, row-1), st.Wrap)
		for gi := range groups {
			if d.Bonus && d.Cap > 0 && dimSums[gi] > d.Cap {
				dimSums[gi] = d.Cap
			}
			totals[gi] += dimSums[gi]
		}
	}
	f.SetCellValue(sh, ecell(1, row), evalTotalLabel)
	f.MergeCell(sh, ecell(1, row), ecell(3, row))
	f.SetCellValue(sh, ecell(4, row), maxSum)
	if !blank {
		for gi := range groups {
			f.SetCellValue(sh, ecell(5+gi, row), roundPts(totals[gi]))
		}
	}
	f.SetCellValue(sh, ecell(n, row), "加分项另计，最高加分见上")
	f.SetCellStyle(sh, ecell(1, row), ecell(n-1, row), st.dim)
	f.SetCellStyle(sh, ecell(n, row), ecell(n, row), st.Wrap)
	f.SetRowHeight(sh, row, 22)
	sign := row + 2
	f.SetCellValue(sh, ecell(1, sign), evalSignLine)
	f.MergeCell(sh, ecell(1, sign), ecell(n, sign))
	f.SetCellStyle(sh, ecell(1, sign), ecell(n, sign), st.line)
	f.SetRowHeight(sh, sign, 26)
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sh, last, sign), Scope: sh}); err != nil {
		return err
	}
	return PrintSetup(f, sh, false, "$3:$3")
}

// ValueNote is what the 说明 column says of a computed value: how it was computed, and the
// evaluator's correction with its reason.
func ValueNote(v criteria.Value) string {
	if v.Override != nil {
		return fmt.Sprintf("计算：%s；修正为 %s，理由：%s", v.How, criteria.FormatPoints(v.Override.Points), v.Override.Reason)
	}
	return "计算：" + v.How
}

func roundPts(v float64) float64 { return math.Round(v*100) / 100 }

// rowHeight estimates the height of a row whose wrapped cells hold a and b, at widths wa and
// wb characters: Excel does not grow rows for wrapped text it did not lay out itself.
func rowHeight(a string, wa float64, b string, wb float64) float64 {
	return float64(max(linesIn(a, wa), linesIn(b, wb)))*13.5 + 6
}
