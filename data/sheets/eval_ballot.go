package sheets

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"dangjian/data/criteria"
)

// The satisfaction ballot (群众满意度测评表): one worksheet per evaluator category, one row per
// organ with tick columns; anonymous, so there is no name line.

// BallotChoices are the tick columns in order.
var BallotChoices = []string{"满意", "基本满意", "不满意", "不了解"}

// BallotTitle is the ballot's heading for a round, with the institute's (else the 党委's) name.
func BallotTitle(sn *criteria.Snapshot) string {
	return fmt.Sprintf("%s%d年度模范机关创建群众满意度测评表", sn.TitleName, sn.Round.Year)
}

// BallotNote is the instruction printed under the table.
const BallotNote = "说明：请在相应栏内划“√”，每个单位只选一项。满意计100分，基本满意计70分，不满意计30分，“不了解”不计入。本表不记名。"

// BuildEvalBallots makes the ballot workbook of a round.
func BuildEvalBallots(sn *criteria.Snapshot) (*excelize.File, error) {
	f := newBook()
	st, err := newEvalStyles(f)
	if err != nil {
		return nil, err
	}
	for i, cat := range criteria.BallotCategories {
		sh := cat
		if i == 0 {
			f.SetSheetName("Sheet1", sh)
		} else if _, err := f.NewSheet(sh); err != nil {
			return nil, err
		}
		f.SetColWidth(sh, "A", "A", 7)
		f.SetColWidth(sh, "B", "B", 26)
		f.SetColWidth(sh, "C", "F", 12)
		f.SetCellValue(sh, "A1", BallotTitle(sn))
		f.MergeCell(sh, "A1", "F1")
		f.SetCellStyle(sh, "A1", "F1", st.Title)
		f.SetRowHeight(sh, 1, 30)
		f.SetCellValue(sh, "A2", "测评人类别："+cat+"（不记名）")
		f.MergeCell(sh, "A2", "F2")
		f.SetCellStyle(sh, "A2", "F2", st.line)
		f.SetRowHeight(sh, 2, 22)
		for c, h := range append([]string{"序号", "被测评单位"}, BallotChoices...) {
			f.SetCellValue(sh, ecell(c+1, 3), h)
		}
		f.SetCellStyle(sh, "A3", "F3", st.Header)
		f.SetRowHeight(sh, 3, 24)
		row := 4
		for n, o := range sn.Round.Organs {
			f.SetCellValue(sh, ecell(1, row), n+1)
			f.SetCellValue(sh, ecell(2, row), o.Name)
			f.SetRowHeight(sh, row, 26)
			row++
		}
		f.SetCellStyle(sh, "A4", ecell(6, row-1), st.num)
		f.SetCellValue(sh, ecell(1, row+1), BallotNote)
		f.MergeCell(sh, ecell(1, row+1), ecell(6, row+1))
		f.SetCellStyle(sh, ecell(1, row+1), ecell(6, row+1), st.wrapLine)
		f.SetRowHeight(sh, row+1, 36)
		f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'%s'!$A$1:$F$%d", sh, row+1), Scope: sh})
		if err := PrintSetup(f, sh, false, "$3:$3"); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// WriteEvalBallots writes the ballot workbook to path (atomically).
func WriteEvalBallots(path string, sn *criteria.Snapshot) error {
	return saveBuilt(path, func() (*excelize.File, error) { return BuildEvalBallots(sn) })
}
