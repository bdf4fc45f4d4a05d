package sheets

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"dangjian/data/criteria"
)

// The evaluation sheet as a form: input cells open and checked as they are typed (a list for
// graded items, a decimal 0–max otherwise), labels locked, totals as formulas — so a score
// changed in Excel changes the printed 合计, and a typo is caught before the sheet comes back.

// evalRange is the rows of one 一级指标 on the sheet.
type evalRange struct {
	first, last int
	dim         criteria.Dimension
	computed    []int // rows whose one value stands in the last score column
}

// totalFormula sums one score column: the dimensions, the bonus capped, and while a cell of
// the column is empty the total says so (未完成; nothing on a blank sheet) instead of a sum.
func totalFormula(col, valueCol int, ranges []evalRange, blank bool) string {
	c, _ := excelize.ColumnNumberToName(col)
	vc, _ := excelize.ColumnNumberToName(valueCol)
	var plain, all []string
	var bonus []string
	rows := 0
	for _, r := range ranges {
		ref := fmt.Sprintf("%s%d:%s%d", c, r.first, c, r.last)
		if col != valueCol {
			for _, row := range r.computed {
				ref += fmt.Sprintf(",%s%d", vc, row)
			}
		}
		all = append(all, ref)
		rows += r.last - r.first + 1
		if r.dim.Bonus && r.dim.Cap > 0 {
			bonus = append(bonus, fmt.Sprintf("MIN(%s,SUM(%s))", criteria.FormatPoints(r.dim.Cap), ref))
		} else {
			plain = append(plain, ref)
		}
	}
	sum := "SUM(" + strings.Join(plain, ",") + ")"
	if len(plain) == 0 {
		sum = "0"
	}
	for _, b := range bonus {
		sum += "+" + b
	}
	pending := criteria.Incomplete
	if blank {
		pending = ""
	}
	return fmt.Sprintf(`IF(COUNT(%s)<%d,"%s",ROUND(%s,2))`, strings.Join(all, ","), rows, pending, sum)
}

// setTotal writes the 合计 formula with its value cached, so the file shows the total before
// Excel recalculates it (and readers that do not calculate see it too). excelize can cache only
// a number under a formula (a string would be cached as its shared-string index), so 未完成 is
// left to the calculation on open (BuildEvalSheets asks for it).
func setTotal(f *excelize.File, sh, cell string, col, valueCol int, ranges []evalRange, shown string, blank bool) error {
	if v, err := strconv.ParseFloat(shown, 64); err == nil {
		f.SetCellValue(sh, cell, v)
	}
	return f.SetCellFormula(sh, cell, totalFormula(col, valueCol, ranges, blank))
}

// addScoreValidation checks the score cells of one row as they are typed.
func addScoreValidation(f *excelize.File, sh string, r EvalPageRow, row, groups int) error {
	in := r.Ind
	dv := excelize.NewDataValidation(true)
	from := ecell(5, row)
	if r.Computed {
		from = ecell(4+groups, row)
	}
	dv.SetSqref(from + ":" + ecell(4+groups, row))
	max := criteria.FormatPoints(in.Max)
	if in.Method == criteria.Graded && len(in.Levels) > 0 {
		var keys []string
		for _, l := range in.Levels {
			keys = append(keys, criteria.FormatPoints(l))
		}
		if err := dv.SetDropList(keys); err != nil {
			return err
		}
		// A warning, not a refusal: the words 好/较好/一般/差 are read back too.
		dv.SetError(excelize.DataValidationErrorStyleWarning, "分档计分", fmt.Sprintf("“%s”按分档计分，请填 %s 之一（也可填 好、较好、一般、差）", in.Name, strings.Join(keys, "、")))
	} else {
		if err := dv.SetRange(0, in.Max, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "分数超出范围", fmt.Sprintf("“%s”请填 0 至 %s 之间的分数", in.Name, max))
	}
	if r.Computed {
		dv.SetInput("系统计算", "此值由系统按数据计算；如需改动，请填新分数并在说明栏写明理由")
	}
	return f.AddDataValidation(sh, dv)
}

// protectForm locks the labels and leaves the input cells open; no password, so an office can
// lift the protection (审阅 → 撤销工作表保护) when it must change the form itself.
func protectForm(f *excelize.File, sh string) error {
	return f.ProtectSheet(sh, &excelize.SheetProtectionOptions{
		FormatColumns: true, FormatRows: true, InsertRows: true,
		SelectLockedCells: true, SelectUnlockedCells: true,
	})
}
