package sheets

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"dangjian/data/criteria"
)

// The results summary (考评结果汇总): one row per organ in rank order with each evaluator
// group's total, the weighted total and the grade.

// ResultsTitle is the summary's heading for a round, with the institute's (else the 党委's) name.
func ResultsTitle(sn *criteria.Snapshot) string {
	return fmt.Sprintf("%s%d年度模范机关创建考评结果汇总", sn.TitleName, sn.Round.Year)
}

// ResultsSignLines end the summary: who made it, who checked it, and the leading group's seal.
var ResultsSignLines = []string{
	"制表人：________________　　　审核人：________________",
	"考评工作领导小组（盖章）　　　日期：________年____月____日",
}

// ResultsGradeNote explains the grades under the table.
const ResultsGradeNote = "等级：总分 ≥ 90 优秀，80–89.9 良好，70–79.9 合格，< 70 不合格；一票否决者为不合格。尚缺评分的单位不计总分、不排名（未完成）。"

// ResultsHeader is the summary's header row.
func ResultsHeader(r criteria.Round) []string {
	h := []string{"排名", "被考评单位"}
	for _, g := range r.Groups {
		h = append(h, fmt.Sprintf("%s（%s%%）", g.Name, criteria.FormatPoints(g.Weight)))
	}
	return append(h, "总分", "等级", "备注")
}

// ResultsRow is one organ's row of the summary, as text. An organ whose scores are not all in
// has no total and no rank yet: 未完成 and — stand there, not a half sum that looks final.
func ResultsRow(r criteria.Round, x criteria.Result) []string {
	rank, total := fmt.Sprint(x.Rank), criteria.FormatPoints(x.Total)
	if x.Missing > 0 && x.VetoReason == "" {
		rank, total = "—", criteria.Incomplete
	}
	row := []string{rank, x.Organ.Name}
	for _, g := range r.Groups {
		if x.GroupMissing[g.Name] > 0 {
			row = append(row, "—") // a group not finished has no total yet, not a 0
			continue
		}
		row = append(row, criteria.FormatPoints(x.Groups[g.Name]))
	}
	note := ""
	switch {
	case x.VetoReason != "":
		note = "一票否决：" + x.VetoReason
	case x.Missing > 0:
		note = fmt.Sprintf("尚缺 %d 项评分", x.Missing)
	}
	return append(row, total, x.Grade, note)
}

// BuildEvalResults makes the results workbook of a round.
func BuildEvalResults(sn *criteria.Snapshot) (*excelize.File, error) {
	f := newBook()
	st, err := newEvalStyles(f)
	if err != nil {
		return nil, err
	}
	sh := "考评结果"
	f.SetSheetName("Sheet1", sh)
	head := ResultsHeader(sn.Round)
	n := len(head)
	last, _ := excelize.ColumnNumberToName(n)
	for i, w := range ResultsWidths(len(head)) {
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(sh, col, col, w)
	}
	f.SetCellValue(sh, "A1", ResultsTitle(sn))
	f.MergeCell(sh, "A1", last+"1")
	f.SetCellStyle(sh, "A1", last+"1", st.Title)
	f.SetRowHeight(sh, 1, 30)
	line := "考评轮次：" + sn.Round.Name
	if sn.Round.Locked {
		line += "（已定稿）"
	}
	f.SetCellValue(sh, "A2", line)
	f.MergeCell(sh, "A2", last+"2")
	f.SetCellStyle(sh, "A2", last+"2", st.line)
	for i, h := range head {
		f.SetCellValue(sh, ecell(i+1, 3), h)
	}
	f.SetCellStyle(sh, "A3", ecell(n, 3), st.Header)
	f.SetRowHeight(sh, 3, 28)
	row := 4
	widths := ResultsWidths(n)
	for _, x := range sn.Results() {
		cells := ResultsRow(sn.Round, x)
		for i, v := range cells {
			if i == 0 || (i >= 2 && i < n-2) {
				f.SetCellValue(sh, ecell(i+1, row), numberOr(v))
			} else {
				f.SetCellValue(sh, ecell(i+1, row), v)
			}
		}
		f.SetRowHeight(sh, row, max(22, float64(linesIn(cells[n-1], widths[n-1]))*13.5+6)) // rows grow with the 备注
		row++
	}
	if row > 4 {
		f.SetCellStyle(sh, "A4", ecell(n-1, row-1), st.num)
		f.SetCellStyle(sh, ecell(n, 4), ecell(n, row-1), st.Wrap)
	}
	row++
	f.SetCellValue(sh, ecell(1, row), ResultsGradeNote)
	f.MergeCell(sh, ecell(1, row), ecell(n, row))
	f.SetCellStyle(sh, ecell(1, row), ecell(n, row), st.wrapLine)
	f.SetRowHeight(sh, row, float64(linesIn(ResultsGradeNote, sumWidths(ResultsWidths(n))))*13.5+4)
	row++
	for _, line := range ResultsSignLines {
		row++
		f.SetCellValue(sh, ecell(1, row), line)
		f.MergeCell(sh, ecell(1, row), ecell(n, row))
		f.SetCellStyle(sh, ecell(1, row), ecell(n, row), st.line)
		f.SetRowHeight(sh, row, 30)
	}
	f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sh, last, row), Scope: sh})
	if err := PrintSetup(f, sh, false, "$3:$3"); err != nil {
		return nil, err
	}
	return f, nil
}

// ResultsWidths are the summary's column widths (Excel characters) for n columns: they fill an
// A4 portrait page at 100 %, so the 10 pt text prints at 10 pt; the PDF uses the same proportions.
func ResultsWidths(n int) []float64 {
	w := []float64{6, 16}
	for len(w) < n-3 {
		w = append(w, 12)
	}
	return append(w, 9, 8, 93-sumWidths(w)-17)
}

func numberOr(s string) any {
	if v, ok := ParsePoints(s); ok {
		return v
	}
	return s
}

// WriteEvalResults writes the results workbook to path (atomically).
func WriteEvalResults(path string, sn *criteria.Snapshot) error {
	return saveBuilt(path, func() (*excelize.File, error) { return BuildEvalResults(sn) })
}
