package sheets

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/civil"
)

// The rejected rows of an import, written back as an .xlsx the office can correct and import
// again: each sheet's own header, the rows as they were, and a 错误提示 column saying why.

// WriteRejects writes the plan's rejected rows to path; it writes nothing and returns false
// when no row was rejected.
func WriteRejects(path string, p *Plan) (bool, error) {
	// Refused even when no row was rejected: `-rejects` naming the database is a mistake to say.
	var input string
	if p.File != nil {
		input = p.File.Path
	}
	if err := data.CheckOutput(path, input); err != nil {
		return false, err
	}
	order, bySheet := rejectedBySheet(p)
	if len(order) == 0 {
		return false, nil
	}
	f := newBook()
	defer f.Close()
	st, err := newRejectStyles(f)
	if err != nil {
		return false, err
	}
	for i, sh := range order {
		name := rejectSheetName(sh.Name, i)
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			return false, err
		}
		if err := writeRejectSheet(f, name, sh, bySheet[sh], st); err != nil {
			return false, err
		}
	}
	return true, SaveAtomic(f, path)
}

// rejectedBySheet groups the plan's rejected items by sheet, the sheets in the order their
// first rejected row came.
func rejectedBySheet(p *Plan) ([]*Sheet, map[*Sheet][]PlanItem) {
	bySheet := map[*Sheet][]PlanItem{}
	var order []*Sheet
	for _, it := range p.Items {
		if it.Action != ActionRejected {
			continue
		}
		if _, ok := bySheet[it.Row.Sheet]; !ok {
			order = append(order, it.Row.Sheet)
		}
		bySheet[it.Row.Sheet] = append(bySheet[it.Row.Sheet], it)
	}
	return order, bySheet
}

// rejectStyles are the 错误行 sheets' styles: the book's header, the rows' cells as text (so
// an ID number stays whole) and the red 错误提示.
type rejectStyles struct {
	header, text, warn int
}

func newRejectStyles(f *excelize.File) (rejectStyles, error) {
	st, err := NewStyles(f)
	if err != nil {
		return rejectStyles{}, err
	}
	border := cellBorder()
	warn, err := f.NewStyle(&excelize.Style{
		Font: &excelize.Font{Family: "宋体", Color: "C00000", Size: 10}, Border: border,
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
	})
	if err != nil {
		return rejectStyles{}, err
	}
	textFmt := "@"
	text, err := f.NewStyle(&excelize.Style{
		Font: cellFont(), Border: border,
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}, CustomNumFmt: &textFmt,
	})
	if err != nil {
		return rejectStyles{}, err
	}
	return rejectStyles{header: st.Header, text: text, warn: warn}, nil
}

// writeRejectSheet writes one sheet's rejected rows under its own header, with the values
// the importer took from elsewhere, and sets it up to print.
func writeRejectSheet(f *excelize.File, name string, sh *Sheet, items []PlanItem, st rejectStyles) error {
	ncol := len(sh.Headers)
	for _, it := range items {
		ncol = max(ncol, len(it.Row.Cells()))
	}
	used := usedValues(sh, items, &ncol)
	head := rejectHeader(sh.Headers, used, ncol)
	f.SetSheetRow(name, "A1", &head)
	last, _ := excelize.ColumnNumberToName(ncol + 1)
	f.SetCellStyle(name, "A1", last+"1", st.header)
	f.SetRowHeight(name, 1, 28)
	dateCol := map[int]bool{sh.Mapping[FieldBirth]: true, sh.Mapping[FieldJoined]: true, sh.Mapping[FieldFull]: true}
	colWidths := rejectWidths(sh.Mapping, ncol)
	for r, it := range items {
		vals := rejectValues(it.Row, ncol, dateCol, used)
		writeRejectRow(f, name, r+2, it.Row.Line, vals, it.Errors, st.text, st.warn, colWidths)
	}
	for c := 1; c <= ncol; c++ {
		col, _ := excelize.ColumnNumberToName(c)
		f.SetColWidth(name, col, col, colWidths[c-1])
	}
	f.SetColWidth(name, last, last, rejectNoteWidth)
	f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if err := PrintSetup(f, name, true, "$1:$1"); err != nil {
		return err
	}
	// The rows come back as typed: full ID numbers and phones.
	return f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddHeader: "&R" + ConfidentialMark, OddFooter: "&C第 &P 页，共 &N 页"})
}

// rejectHeader is the header row: the sheet's own headings, the labels of the columns added
// for carried values, and 错误提示 last.
func rejectHeader(headers []string, used []usedValue, ncol int) []any {
	head := make([]any, ncol+1)
	for c := range ncol {
		head[c] = cell(headers, c)
	}
	for _, u := range used {
		if u.added {
			head[u.col] = u.field.Label()
		}
	}
	head[ncol] = "错误提示"
	return head
}

// rejectValues are a rejected row's cells as the user typed them, with the carried values in
// cells the row left empty; the last cell is left for the 错误提示.
func rejectValues(row *Row, ncol int, dateCol map[int]bool, used []usedValue) []any {
	cells := row.Cells()
	vals := make([]any, ncol+1)
	for c := range ncol {
		v := cell(cells, c)
		vals[c] = v
		if dateCol[c] {
			vals[c] = typedDate(v)
		}
	}
	for _, u := range used {
		if v := u.value(row); v != "" && strings.TrimSpace(fmt.Sprint(vals[u.col])) == "" {
			vals[u.col] = v
		}
	}
	return vals
}

// typedDate is a date cell as the user typed it: the reader gets a date cell as its serial
// number, which means nothing to the person correcting the row. Other text is kept as is.
func typedDate(v string) string {
	if n, err := strconv.ParseFloat(v, 64); err == nil && n > 2100 && n < 100000 {
		if t, err := civil.FromExcelSerial(n); err == nil {
			return civil.Format(t)
		}
	}
	return v
}

// rejectNoteWidth is the 错误提示 column's width in characters.
const rejectNoteWidth = 30

// rejectPageWidth is the characters of columns that print on A4 landscape at 80 %: 10 pt text
// at 8 pt.
const rejectPageWidth = 170

// rejectWidths are the columns' widths: the export's width for each recognised field, 10 for
// others, shrunk together (IDs, dates and phones excepted: they must show whole)
// until the sheet and its 错误提示 print at 8 pt or more; the cells wrap and rows grow instead.
func rejectWidths(m Mapping, ncol int) []float64 {
	out := make([]float64, ncol)
	keep := map[int]bool{} // IDs, dates and phones stay whole: they must not wrap
	for c := range out {
		out[c] = 10
	}
	for fl := FieldName; fl < fieldCount; fl++ {
		if c := m[fl]; c >= 0 && c < ncol && widths[fl] > 0 {
			out[c] = widths[fl]
			switch fl {
			case FieldIDNumber, FieldBirth, FieldJoined, FieldFull, FieldPhone:
				keep[c] = true
			}
		}
	}
	// The budget is in Excel characters; each column also takes 5 px of padding (under one).
	budget := float64(rejectPageWidth) - rejectNoteWidth - float64(ncol)
	fixed, free := 0.0, 0.0
	for c, w := range out {
		if keep[c] {
			fixed += w
		} else {
			free += w
		}
	}
	if fixed+free > budget && free > 0 {
		k := max(budget-fixed, 4.5*float64(len(out)-len(keep))) / free
		for c := range out {
			if !keep[c] {
				out[c] = max(4.5, out[c]*k)
			}
		}
	}
	return out
}

// rejectSheetName is a sheet name Excel accepts, made unique by the index.
func rejectSheetName(name string, i int) string {
	name = reSheetBad.ReplaceAllString(name, "_")
	if r := []rune(name); len(r) > 26 {
		name = string(r[:26])
	}
	if name == "" {
		name = fmt.Sprintf("错误行%d", i+1)
	}
	return name
}

// usedValue is a value the importer took from elsewhere than the row's own cell — a branch or
// 党总支 merged down its rows, a branch from the sheet's name or a block heading — written into
// the row so that a corrected row comes back with it.
type usedValue struct {
	field Field
	col   int
	added bool // the sheet has no such column: it is added after the last
	value func(*Row) string
}

// usedValues lists the values to carry for the sheet's rejected rows, growing ncol by the
// columns it adds.
func usedValues(sh *Sheet, items []PlanItem, ncol *int) []usedValue {
	var out []usedValue
	for _, u := range []usedValue{
		{field: FieldBranch, value: func(r *Row) string { return r.Member.BranchName }},
		{field: FieldParent, value: func(r *Row) string { return r.Parent }},
	} {
		if sh.Mapping.Has(u.field) {
			u.col = sh.Mapping[u.field]
			out = append(out, u)
			continue
		}
		for _, it := range items {
			// A branch from the sheet's name comes back by the sheet's name.
			if v := u.value(it.Row); v != "" && !(u.field == FieldBranch && v == sh.Branch) {
				u.col, u.added = *ncol, true
				*ncol++
				out = append(out, u)
				break
			}
		}
	}
	return out
}

// writeRejectRow writes one rejected row at line at of the 错误行 sheet: its cells (vals, the
// last one left for the message) as text, and the 错误提示 saying where it was and why.
//
// widths, when given, are the columns' widths in characters: the row grows for the tallest
// wrapped cell, not only for the message.
func writeRejectRow(f *excelize.File, sheet string, at, line int, vals []any, errs []RowError, text, warn int, widths []float64) {
	var msgs []string
	for _, e := range errs {
		msg := e.Message
		if e.Column != "" {
			msg = "“" + e.Column + "”：" + msg
		}
		msgs = append(msgs, msg)
	}
	last := len(vals) - 1
	vals[last] = fmt.Sprintf("原第 %d 行。%s", line, strings.Join(msgs, "；"))
	ref, _ := excelize.CoordinatesToCellName(1, at)
	f.SetSheetRow(sheet, ref, &vals)
	rowEnd, _ := excelize.CoordinatesToCellName(last, at)
	f.SetCellStyle(sheet, ref, rowEnd, text)
	msgRef, _ := excelize.CoordinatesToCellName(last+1, at)
	f.SetCellStyle(sheet, msgRef, msgRef, warn)
	// Excel and WPS do not grow a row for wrapped text written by a program.
	lines := linesIn(vals[last].(string), rejectNoteWidth)
	for c := range min(last, len(widths)) {
		if text, ok := vals[c].(string); ok {
			lines = max(lines, linesIn(text, widths[c]))
		}
	}
	f.SetRowHeight(sheet, at, float64(lines)*13.5+4)
}
