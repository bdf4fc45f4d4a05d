package sheets

import (
	"context"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/criteria"
)

// Reading filled evaluation sheets back. Cells are found by their labels — the title, the
// 被考评单位 line, the header row and 合计 — never by fixed positions, so a row or column a user
// inserted does not shift the scores onto the wrong indicator.

// EvalCellError is one cell (or column, or sheet) that was not taken, named as a person finds
// it on paper and in Excel, with what was kept instead.
type EvalCellError struct {
	Sheet   string `json:"sheet"`
	Row     int    `json:"row"`
	Cell    string `json:"cell"`
	Message string `json:"message"`
	Kept    string `json:"kept,omitempty"` // what stays in the round, e.g. "原分数 7"
}

// EvalSheetRow is one indicator row as read: the 二级指标 name, the score cells by column
// heading (自评分, 考评分 …) and the 说明.
type EvalSheetRow struct {
	Row       int
	Indicator string
	Scores    map[string]string // column heading → raw text
	Cells     map[string]string // column heading → cell reference, e.g. "F7"
	Note      string
}

// EvalColumn is one heading of the header row, with how many data cells below it hold text.
type EvalColumn struct {
	Label  string
	Cell   string // the heading's cell, e.g. "E3"
	Filled int
	Dup    bool // a second column with a heading already read: not read
}

// EvalSheet is one worksheet as read.
type EvalSheet struct {
	Name     string
	Year     int
	Organ    string
	Date     string // what follows 考评日期：, blanks and underlines removed
	DateCell string
	Columns  []EvalColumn // in column order
	Rows     []EvalSheetRow
}

var evalYearRe = regexp.MustCompile(`(\d{4})\s*` + evalTitleSuffix)

// isNoteHeader tells the 说明 column by its heading: 扣分/加分说明 as printed, or 说明 / 备注.
func isNoteHeader(label string) bool {
	return strings.Contains(label, "说明") || label == "备注"
}

// ParseEvalGrid reads one worksheet's cells (rows of text). ok is false when the sheet is not
// an evaluation sheet at all (no header row with 二级指标).
func ParseEvalGrid(name string, rows [][]string) (EvalSheet, bool) {
	sh := EvalSheet{Name: name}
	header := -1
	cols := map[string]int{}
	note := -1
	for ri, r := range rows {
		for ci, c := range r {
			sh.readTitleCell(strings.TrimSpace(c), ci, ri, header < 0)
		}
		if header < 0 && hasCell(r, evalIndHeader) {
			header = ri
			note = sh.readHeaderRow(r, ri, cols)
		}
	}
	ind, ok := cols[evalIndHeader]
	if header < 0 || !ok {
		return sh, false
	}
	sh.readIndicatorRows(rows, header+1, ind, note)
	return sh, true
}

// readTitleCell takes the year from the title, the organ from 被考评单位 and the date from
// 考评日期 (in the rows down to the header only), each from the first cell that has it.
func (sh *EvalSheet) readTitleCell(c string, ci, ri int, toHeader bool) {
	if m := evalYearRe.FindStringSubmatch(c); m != nil && sh.Year == 0 {
		sh.Year, _ = strconv.Atoi(m[1])
	}
	if rest, ok := strings.CutPrefix(c, evalUnitLabel); ok && sh.Organ == "" {
		rest, _, _ = strings.Cut(rest, evalDateLabel)
		sh.Organ = strings.Trim(strings.TrimSpace(rest), "_ ")
	}
	if _, rest, ok := strings.Cut(c, evalDateLabel); ok && sh.DateCell == "" && toHeader {
		sh.Date = evalDateText(rest)
		sh.DateCell = ecell(ci+1, ri+1)
	}
}

// evalDateText is the date written after 考评日期：, blanks and underlines removed; "" for the
// printed line to fill in (年 月 日 between underlines, no digit).
func evalDateText(rest string) string {
	d := strings.Map(dropFillBlank, rest)
	if !strings.ContainsAny(d, "0123456789０１２３４５６７８９") {
		return ""
	}
	return d
}

// dropFillBlank drops the underlines and spaces of a line printed to be filled in.
func dropFillBlank(r rune) rune {
	if r == '_' || r == ' ' || r == '\u3000' {
		return -1
	}
	return r
}

// readHeaderRow lists the header row's columns into sh.Columns and cols (heading → column),
// and returns the 说明 column (-1 when there is none). A heading seen before, or a second 说明
// column, is listed as a duplicate and not read.
func (sh *EvalSheet) readHeaderRow(r []string, ri int, cols map[string]int) (note int) {
	note = -1
	for ci, c := range r {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		_, dup := cols[c]
		if isNoteHeader(c) && !dup {
			dup = note >= 0
		}
		if !dup {
			cols[c] = ci
			if isNoteHeader(c) {
				note = ci
			}
		}
		sh.Columns = append(sh.Columns, EvalColumn{Label: c, Cell: ecell(ci+1, ri+1), Dup: dup})
	}
	return note
}

// readIndicatorRows reads the rows from first down to 合计: one EvalSheetRow for each row
// with a 二级指标 name in column ind.
func (sh *EvalSheet) readIndicatorRows(rows [][]string, first, ind, note int) {
	for ri := first; ri < len(rows); ri++ {
		r := rows[ri]
		if hasCell(r, evalTotalLabel) {
			break
		}
		name := strings.TrimSpace(at(r, ind))
		if name == "" {
			continue // a row the user inserted for notes, or a blank one
		}
		sh.Rows = append(sh.Rows, sh.readIndicatorRow(r, ri, name, note))
	}
}

// readIndicatorRow reads one indicator row's score cells and 说明 under the header's columns,
// counting the filled cells per column.
func (sh *EvalSheet) readIndicatorRow(r []string, ri int, name string, note int) EvalSheetRow {
	row := EvalSheetRow{Row: ri + 1, Indicator: name, Scores: map[string]string{}, Cells: map[string]string{}}
	for i, c := range sh.Columns {
		ci, _, _ := excelize.CellNameToCoordinates(c.Cell)
		text := strings.TrimSpace(at(r, ci-1))
		if text != "" {
			sh.Columns[i].Filled++
		}
		switch {
		case c.Dup:
		case ci-1 == note:
			row.Note = text
		case c.Label == evalDimHeader || c.Label == evalIndHeader || c.Label == evalContHeader || c.Label == evalMaxHeader:
		default:
			row.Scores[c.Label] = text
			row.Cells[c.Label] = ecell(ci, ri+1)
		}
	}
	return row
}

func hasCell(r []string, label string) bool {
	for _, c := range r {
		if strings.TrimSpace(c) == label {
			return true
		}
	}
	return false
}

func at(r []string, i int) string {
	if i >= 0 && i < len(r) {
		return r[i]
	}
	return ""
}

// ParsePoints reads a typed score: "7", "7.5", "７．５", "7分". ok is false for anything else.
func ParsePoints(s string) (float64, bool) {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．' || r == '。':
			return '.'
		case r == ' ' || r == '\u3000':
			return -1
		}
		return r
	}, s)
	s = strings.TrimSuffix(s, "分")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// EvalImport is what a filled workbook holds for a round: scores, overrides and 考评日期 to
// write, and every cell that was not taken with the reason and what was kept.
type EvalImport struct {
	Round     criteria.Round
	Sheets    []string // organs read
	Scores    []criteria.ScoreEntry
	Overrides []criteria.OverrideEntry
	Dates     []criteria.OrganDate
	Errors    []EvalCellError
	// Kept lists the empty cells where the round keeps the score it has: nothing is wrong, but
	// the person importing should see that those cells were not read.
	Kept []EvalCellError
}

// Read is what the import writes: pass it to criteria.ImportRead.
func (imp *EvalImport) Read() criteria.SheetRead {
	return criteria.SheetRead{Scores: imp.Scores, Overrides: imp.Overrides, Dates: imp.Dates}
}

// ReadEvalWorkbook reads a filled workbook: which round it belongs to (the round id the
// writer stored in the file's properties, else the year in the title), and every score.
// An error means the whole file is refused.
func ReadEvalWorkbook(ctx context.Context, s *data.Store, r io.Reader, file string) (*EvalImport, error) {
	f, err := readWorkbook(r, file, excelize.Options{})
	if err != nil {
		if IsRefused(err) {
			return nil, err
		}
		if strings.Contains(err.Error(), "encrypt") {
			return nil, fmt.Errorf("%s 设有密码，请在 Excel 中取消密码后再导入", file)
		}
		return nil, fmt.Errorf("%s 不是可读取的 Excel（.xlsx）文件，请用 Excel 或 WPS 另存为 .xlsx 后再导入", file)
	}
	defer f.Close()
	var sheets []EvalSheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			continue
		}
		if sh, ok := ParseEvalGrid(name, rows); ok {
			sheets = append(sheets, sh)
		}
	}
	if len(sheets) == 0 {
		return nil, fmt.Errorf("%s 中没有考评表（找不到“二级指标”表头），请导入本程序打印的考评表", file)
	}
	roundID, err := evalRoundOf(ctx, s, f, sheets)
	if err != nil {
		return nil, fmt.Errorf("%s：%w", file, err)
	}
	sn, err := criteria.Load(ctx, s, roundID)
	if err != nil {
		return nil, err
	}
	return MatchEval(sn, sheets), nil
}

func evalRoundOf(ctx context.Context, s *data.Store, f *excelize.File, sheets []EvalSheet) (int64, error) {
	rounds, err := criteria.Rounds(ctx, s)
	if err != nil {
		return 0, err
	}
	year := 0
	for _, sh := range sheets {
		if sh.Year != 0 {
			year = sh.Year
			break
		}
	}
	if p, err := f.GetDocProps(); err == nil {
		if id, err := strconv.ParseInt(strings.TrimPrefix(p.Keywords, evalKeywordPfx), 10, 64); err == nil && strings.HasPrefix(p.Keywords, evalKeywordPfx) {
			for _, r := range rounds {
				if r.ID == id && (year == 0 || r.Year == year) {
					return id, nil
				}
			}
		}
	}
	var match []criteria.RoundInfo
	for _, r := range rounds {
		if r.Year == year {
			match = append(match, r)
		}
	}
	switch {
	case year == 0:
		return 0, fmt.Errorf("标题中没有年度（应为“XXXX%s”），无法确定考评轮次", evalTitleSuffix)
	case len(match) == 0:
		return 0, fmt.Errorf("没有 %d 年度的考评轮次，请先创建该轮次", year)
	case len(match) > 1:
		return 0, fmt.Errorf("%d 年度有 %d 个考评轮次，无法确定属于哪一个；请从该轮次重新打印考评表填写", year, len(match))
	}
	return match[0].ID, nil
}
