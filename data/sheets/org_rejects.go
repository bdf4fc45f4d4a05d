package sheets

import "github.com/xuri/excelize/v2"

// The rejected rows of an organisation import, written back as a sheet the office corrects
// and imports again: the file's own header, each row as the importer read it (a parent merged
// down its branches written into every row) and a 错误提示 column saying why.

// WriteOrgRejects writes res's rejected rows to path; it writes nothing and returns false when
// no row was rejected.
func WriteOrgRejects(path string, res *OrgImport) (bool, error) {
	var rejected []OrgItem
	for _, it := range res.Items {
		if it.Action == ActionRejected {
			rejected = append(rejected, it)
		}
	}
	if len(rejected) == 0 {
		return false, nil
	}
	name := rejectSheetName(res.File.Sheet, 0)
	f, st, err := styledBook(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	warn, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "C00000", Size: 10}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	ncol := len(res.File.Headers)
	for _, it := range rejected {
		ncol = max(ncol, len(it.Row.Cells))
	}
	head := make([]any, ncol+1)
	for c := range ncol {
		head[c] = cell(res.File.Headers, c)
	}
	head[ncol] = "错误提示"
	f.SetSheetRow(name, "A1", &head)
	last, _ := excelize.ColumnNumberToName(ncol + 1)
	f.SetCellStyle(name, "A1", last+"1", st.Header)
	founded := -1
	for c, h := range res.File.Headers {
		if orgHeaderIndex[HeaderKey(h)] == OrgFieldFounded {
			founded = c
		}
	}
	for r, it := range rejected {
		vals := make([]any, ncol+1)
		for c := range ncol {
			v := cell(it.Row.Cells, c)
			if c == founded {
				v = typedDate(v)
			}
			vals[c] = v
		}
		writeRejectRow(f, name, r+2, it.Row.Line, vals, it.Errors, st.Text, warn, nil)
	}
	for c := 1; c <= ncol; c++ {
		col, _ := excelize.ColumnNumberToName(c)
		f.SetColWidth(name, col, col, 16)
	}
	f.SetColWidth(name, last, last, rejectNoteWidth)
	f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if err := PrintSetup(f, name, true, "$1:$1"); err != nil {
		return false, err
	}
	return true, SaveAtomic(f, path)
}
