package sheets

import (
	"fmt"
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
	evalKeywordPfx  = "考评轮次="
)

// evalStyles are the cell styles of the sheet beyond the shared ones.
type evalStyles struct {
	Styles
	num, dim, line, wrapLine int
	// open cells of the form: scores, computed values (marked by their shade), notes, the date
	input, computed, noteInput, lineInput, veto, mark int
}

func newEvalStyles(f *excelize.File) (evalStyles, error) {
	st, err := NewStyles(f)
	if err != nil {
		return evalStyles{}, err
	}
	border, font := cellBorder(), cellFont()
	es := evalStyles{Styles: st}
	if es.num, err = f.NewStyle(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}); err != nil {
		return es, err
	}
	if es.dim, err = f.NewStyle(&excelize.Style{
		Font: &excelize.Font{Family: "宋体", Size: 10, Bold: true}, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	}); err != nil {
		return es, err
	}
	if es.line, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 11}, Alignment: &excelize.Alignment{Vertical: "center"}}); err != nil {
		return es, err
	}
	if es.wrapLine, err = f.NewStyle(&excelize.Style{Font: font, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}); err != nil {
		return es, err
	}
	open := &excelize.Protection{Locked: false}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center"}
	if es.input, err = f.NewStyle(&excelize.Style{Font: font, Border: border, Alignment: center, Protection: open}); err != nil {
		return es, err
	}
	if es.computed, err = f.NewStyle(&excelize.Style{
		Font: font, Border: border, Alignment: center, Protection: open,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
	}); err != nil {
		return es, err
	}
	if es.mark, err = f.NewStyle(&excelize.Style{
		Font: &excelize.Font{Family: "宋体", Size: 9, Color: "595959"}, Border: border, Alignment: center,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
	}); err != nil {
		return es, err
	}
	if es.noteInput, err = f.NewStyle(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, Protection: open}); err != nil {
		return es, err
	}
	if es.lineInput, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 11}, Alignment: &excelize.Alignment{Vertical: "center"}, Protection: open}); err != nil {
		return es, err
	}
	es.veto, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 12, Bold: true, Color: "C00000"}, Alignment: &excelize.Alignment{Vertical: "center"}})
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

// EvalWidths are the sheet's n column widths in Excel character units (the PDF draws the same
// proportions); the content and note columns wrap.
func EvalWidths(n int) []float64 {
	w := []float64{9, 10, 39, 6}
	for len(w) < n-1 {
		w = append(w, 9) // room for 系统计算 on one line
	}
	return append(w, 22)
}

// BuildEvalSheets makes the workbook of evaluation sheets for every organ of the round; blank
// leaves the typed scores out (the computed values stay: they come from the data).
func BuildEvalSheets(sn *criteria.Snapshot, blank bool) (*excelize.File, error) {
	f := newBook()
	st, err := newEvalStyles(f)
	if err != nil {
		return nil, err
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:   EvalTitle(sn),
		Subject: sn.Round.Name, Keywords: fmt.Sprintf("%s%d", evalKeywordPfx, sn.Round.ID), Creator: "党建融合工作台",
	}); err != nil {
		return nil, err
	}
	calc := true // 合计 is a formula: Excel and WPS work it out as the file opens
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &calc}); err != nil {
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
	return saveBuilt(path, func() (*excelize.File, error) { return BuildEvalSheets(sn, blank) })
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
	pg := NewEvalPage(sn, o, blank)
	n := len(pg.Columns)
	w := evalSheetWriter{f: f, sh: sh, st: st, n: n, ng: len(pg.Groups), ws: EvalWidths(n)}
	w.head(pg)
	row := 4
	var ranges []evalRange
	for _, d := range pg.Dims {
		next, rg, err := w.dimension(d, row)
		if err != nil {
			return err
		}
		row = next
		ranges = append(ranges, rg)
	}
	if err := w.total(pg, row, ranges); err != nil {
		return err
	}
	row = w.foot(pg, row+1)
	last, _ := excelize.ColumnNumberToName(n)
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sh, last, row-1), Scope: sh}); err != nil {
		return err
	}
	if err := PrintSetup(f, sh, false, "$3:$3"); err != nil {
		return err
	}
	return protectForm(f, sh)
}

// evalSheetWriter lays out one organ's evaluation sheet: n columns (一级指标 … 说明), ng score
// groups in columns 5 to 4+ng, ws the columns' widths.
type evalSheetWriter struct {
	f     *excelize.File
	sh    string
	st    evalStyles
	n, ng int
	ws    []float64
}

// head writes the column widths, the title, the 被考评单位 and 考评日期 line and the header row
// (rows 1 to 3).
func (w *evalSheetWriter) head(pg EvalPage) {
	f, sh, st, n := w.f, w.sh, w.st, w.n
	last, _ := excelize.ColumnNumberToName(n)
	for i, cw := range w.ws {
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(sh, col, col, cw)
	}
	f.SetCellValue(sh, "A1", pg.Title)
	f.MergeCell(sh, "A1", last+"1")
	f.SetCellStyle(sh, "A1", last+"1", st.Title)
	f.SetRowHeight(sh, 1, 30)
	date := pg.Date
	if date == "" {
		date = "________年____月____日"
	}
	f.SetCellValue(sh, "A2", evalUnitLabel+pg.Organ.Name)
	f.MergeCell(sh, "A2", "C2")
	f.SetCellValue(sh, ecell(4, 2), evalDateLabel+date)
	f.MergeCell(sh, ecell(4, 2), ecell(n, 2))
	f.SetCellStyle(sh, "A2", "C2", st.line)
	f.SetCellStyle(sh, ecell(4, 2), ecell(n, 2), st.lineInput)
	f.SetRowHeight(sh, 2, 22)
	for i, h := range pg.Columns {
		f.SetCellValue(sh, ecell(i+1, 3), h)
	}
	f.SetCellStyle(sh, "A3", ecell(n, 3), st.Header)
	f.SetRowHeight(sh, 3, 28)
}

// dimension writes a 一级指标's rows from row on, its label merged down the first column, and
// returns the next free row and the range the totals sum.
func (w *evalSheetWriter) dimension(d EvalPageDim, row int) (int, evalRange, error) {
	f, sh := w.f, w.sh
	first := row
	var computed []int
	for _, r := range d.Rows {
		if err := w.indicator(r, row); err != nil {
			return 0, evalRange{}, err
		}
		if r.Computed && w.ng > 0 {
			computed = append(computed, row)
		}
		row++
	}
	f.SetCellValue(sh, ecell(1, first), d.Label)
	if row-1 > first {
		f.MergeCell(sh, ecell(1, first), ecell(1, row-1))
	}
	f.SetCellStyle(sh, ecell(1, first), ecell(1, row-1), w.st.dim)
	return row, evalRange{first, row - 1, d.Dim, computed}, nil
}

// indicator writes one indicator's row: name, content, 分值, the score cells and the 说明.
func (w *evalSheetWriter) indicator(r EvalPageRow, row int) error {
	f, sh, st, n, ng := w.f, w.sh, w.st, w.n, w.ng
	f.SetCellValue(sh, ecell(2, row), r.Ind.Name)
	f.SetCellValue(sh, ecell(3, row), r.Ind.Content)
	f.SetCellValue(sh, ecell(4, row), r.Ind.Max)
	f.SetCellStyle(sh, ecell(2, row), ecell(2, row), st.num)
	f.SetCellStyle(sh, ecell(3, row), ecell(3, row), st.Wrap)
	f.SetCellStyle(sh, ecell(4, row), ecell(4, row), st.num)
	if r.Computed {
		w.computedCells(r, row)
	} else {
		for gi := range ng {
			if r.Has[gi] {
				f.SetCellValue(sh, ecell(5+gi, row), r.Points[gi])
			}
		}
		f.SetCellStyle(sh, ecell(5, row), ecell(4+ng, row), st.input)
	}
	f.SetCellValue(sh, ecell(n, row), r.Note)
	f.SetCellStyle(sh, ecell(n, row), ecell(n, row), st.noteInput)
	f.SetRowHeight(sh, row, rowHeight(r.Ind.Content, w.ws[2], r.Note, w.ws[n-1]))
	if ng > 0 {
		return addScoreValidation(f, sh, r, row, ng)
	}
	return nil
}

// computedCells writes a computed indicator's one value in the last score column, with
// 系统计算 across the others: two copies read back as two values and flipped the override on
// every import.
func (w *evalSheetWriter) computedCells(r EvalPageRow, row int) {
	f, sh, st, ng := w.f, w.sh, w.st, w.ng
	if ng > 1 {
		f.SetCellValue(sh, ecell(5, row), computedMark)
		f.MergeCell(sh, ecell(5, row), ecell(3+ng, row))
		f.SetCellStyle(sh, ecell(5, row), ecell(3+ng, row), st.mark)
	}
	if ng > 0 && r.Has[ng-1] {
		f.SetCellValue(sh, ecell(4+ng, row), r.Points[ng-1])
	}
	if ng > 0 {
		f.SetCellStyle(sh, ecell(4+ng, row), ecell(4+ng, row), st.computed)
	}
}

// total writes the 合计 row at row: the 分值 sum and each score group's total formula.
func (w *evalSheetWriter) total(pg EvalPage, row int, ranges []evalRange) error {
	f, sh, st, n, ng := w.f, w.sh, w.st, w.n, w.ng
	f.SetCellValue(sh, ecell(1, row), evalTotalLabel)
	f.MergeCell(sh, ecell(1, row), ecell(3, row))
	f.SetCellValue(sh, ecell(4, row), pg.MaxSum)
	for gi := range ng {
		if err := setTotal(f, sh, ecell(5+gi, row), 5+gi, 4+ng, ranges, pg.Totals[gi], pg.Blank); err != nil {
			return err
		}
	}
	f.SetCellValue(sh, ecell(n, row), pg.TotalNote())
	f.SetCellStyle(sh, ecell(1, row), ecell(n-1, row), st.dim)
	f.SetCellStyle(sh, ecell(n, row), ecell(n, row), st.Wrap)
	f.SetRowHeight(sh, row, 22)
	return nil
}

// foot writes, from row on, the 一票否决 line, the signature lines and (on a blank sheet) the
// 填表说明, and returns the next free row.
func (w *evalSheetWriter) foot(pg EvalPage, row int) int {
	if pg.Veto != "" {
		w.line(row, pg.Veto, w.st.veto, 24)
		row++
	}
	row++
	for _, line := range EvalSignLines {
		w.line(row, line, w.st.line, 30)
		row++
	}
	if pg.Blank {
		row++
		for _, line := range EvalInstructions {
			w.line(row, line, w.st.wrapLine, float64(linesIn(line, sumWidths(EvalWidths(w.n))))*13.5+4)
			row++
		}
	}
	return row
}

// line writes text across the sheet's width at row.
func (w *evalSheetWriter) line(row int, text string, style int, height float64) {
	w.f.SetCellValue(w.sh, ecell(1, row), text)
	w.f.MergeCell(w.sh, ecell(1, row), ecell(w.n, row))
	w.f.SetCellStyle(w.sh, ecell(1, row), ecell(w.n, row), style)
	w.f.SetRowHeight(w.sh, row, height)
}

// rowHeight estimates the height of a row whose wrapped cells hold a and b, at widths wa and
// wb characters: Excel does not grow rows for wrapped text it did not lay out itself.
func rowHeight(a string, wa float64, b string, wb float64) float64 {
	return float64(max(linesIn(a, wa), linesIn(b, wb)))*13.5 + 6
}

func sumWidths(ws []float64) float64 {
	t := 0.0
	for _, w := range ws {
		t += w
	}
	return t
}
