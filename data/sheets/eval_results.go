package sheets

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"dangjian/data/criteria"
)

// The results summary (考评结果汇总): one row per organ in rank order with each evaluator
// group's total, the weighted total and the grade.

// ResultsTitle is the summary's heading for a round.
func ResultsTitle(year int) string {
	return fmt.Sprintf("%d年度模范机关创建考评结果汇总", year)
}

// ResultsHeader is the summary's header row.
func ResultsHeader(r criteria.Round) []string {
	h := []string{"排名", "被考评单位"}
	for _, g := range r.Groups {
		h = append(h, fmt.Sprintf("%s（%s%%）", g.Name, criteria.FormatPoints(g.Weight)))
	}
	return append(h, "总分", "等级", "备注")
}

// ResultsRow is one organ's row of the summary, as text.
func ResultsRow(r criteria.Round, x criteria.Result) []string {
	row := []string{fmt.Sprint(x.Rank), x.Organ.Name}
	for _, g := range r.Groups {
		row = append(row, criteria.FormatPoints(x.Groups[g.Name]))
	}
	note := ""
	switch {
	case x.VetoReason != "":
		note = "一票否决：" + x.VetoReason
	case x.Missing > 0:
		note = fmt.Sprintf("尚缺 %d 项评分", x.Missing)
	}
	return append(row, criteria.FormatPoints(x.Total), x.Grade, note)
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
	f.SetColWidth(sh, "A", "A", 6)
	f.SetColWidth(sh, "B", "B", 16)
	f.SetColWidth(sh, "C", last, 12)
	f.SetColWidth(sh, last, last, 30)
	f.SetCellValue(sh, "A1", ResultsTitle(sn.Round.Year))
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
	for _, x := range sn.Results() {
		for i, v := range ResultsRow(sn.Round, x) {
			if i == 0 || (i >= 2 && i < n-2) {
				f.SetCellValue(sh, ecell(i+1, row), numberOr(v))
			} else {
				f.SetCellValue(sh, ecell(i+1, row), v)
			}
		}
		f.SetRowHeight(sh, row, 22)
		row++
	}
	if row > 4 {
		f.SetCellStyle(sh, "A4", ecell(n-1, row-1), st.num)
		f.SetCellStyle(sh, ecell(n, 4), ecell(n, row-1), st.Wrap)
	}
	f.SetCellValue(sh, ecell(1, row+1), "等级：总分 ≥ 90 优秀，80–89.9 良好，70–79.9 合格，< 70 不合格；一票否决者为不合格。")
	f.MergeCell(sh, ecell(1, row+1), ecell(n, row+1))
	f.SetCellStyle(sh, ecell(1, row+1), ecell(n, row+1), st.line)
	f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sh, last, row+1), Scope: sh})
	if err := PrintSetup(f, sh, false, "$3:$3"); err != nil {
		return nil, err
	}
	return f, nil
}

func numberOr(s string) any {
	if v, ok := ParsePoints(s); ok {
		return v
	}
	return s
}

// WriteEvalResults writes the results workbook to path (atomically).
func WriteEvalResults(path string, sn *criteria.Snapshot) error {
	f, err := BuildEvalResults(sn)
	if err != nil {
		return err
	}
	defer f.Close()
	return SaveAtomic(f, path)
}
