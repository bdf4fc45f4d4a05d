package sheets

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
)

// The 操作日志 export: what the audit screen shows, as a print-ready sheet an inspector can
// read on paper — who did what, when and why.

// auditColumns are the printed columns and their widths in characters.
var auditColumns = []struct {
	name  string
	width float64
}{
	{"序号", 6}, {"时间", 18}, {"操作人", 10}, {"操作", 10}, {"对象", 22}, {"内容", 44}, {"原因", 24}, {"批次", 6},
}

// WriteAuditLog writes entries (as listed, newest first) to an .xlsx at path, titled with
// titleName (the profile's, "" for none). scope says which
// part of the log this is (e.g. "全部" or "导入，2026-11-01 至 2026-11-28") and goes in the title.
func WriteAuditLog(path string, entries []data.AuditEntry, scope, titleName string) error {
	const sheet = "操作日志"
	f, st, err := styledBook(sheet)
	if err != nil {
		return err
	}
	defer f.Close()
	last, _ := excelize.ColumnNumberToName(len(auditColumns))
	title := fmt.Sprintf("%s操作日志（%s，共 %d 条）", titleName, scope, len(entries))
	f.SetCellStr(sheet, "A1", title)
	f.MergeCell(sheet, "A1", last+"1")
	f.SetCellStyle(sheet, "A1", last+"1", st.Title)
	f.SetRowHeight(sheet, 1, 28)
	for i, c := range auditColumns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetCellStr(sheet, col+"2", c.name)
		f.SetColWidth(sheet, col, col, c.width)
	}
	f.SetCellStyle(sheet, "A2", last+"2", st.Header)
	sw := func(col string, row int) string { return col + strconv.Itoa(row) }
	for i, e := range entries {
		r := i + 3
		batch := ""
		if e.BatchID != 0 {
			batch = strconv.FormatInt(e.BatchID, 10)
		}
		f.SetCellInt(sheet, sw("A", r), int64(i+1))
		f.SetCellStr(sheet, sw("B", r), e.At.Local().Format("2006-01-02 15:04:05"))
		lines := 1
		for j, v := range []string{e.User, e.Action, e.Subject, e.Detail, e.Reason, batch} {
			col, _ := excelize.ColumnNumberToName(j + 3)
			f.SetCellStr(sheet, sw(col, r), v)
			lines = max(lines, linesIn(v, auditColumns[j+2].width))
		}
		// Excel and WPS do not grow a row for wrapped text written by a program; set it.
		f.SetRowHeight(sheet, r, float64(lines)*13.5+3)
	}
	if n := len(entries); n > 0 {
		f.SetCellStyle(sheet, "A3", sw("D", n+2), st.Cell)
		f.SetCellStyle(sheet, "E3", sw("G", n+2), st.Wrap)
		f.SetCellStyle(sheet, "H3", sw("H", n+2), st.Cell)
	}
	f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	if err := PrintSetup(f, sheet, true, "$1:$2"); err != nil {
		return err
	}
	return SaveAtomic(f, path)
}

// linesIn estimates the printed lines of text in a column width characters wide: a Chinese
// character takes two widths, as in Excel's column measure, and a Latin one a little over one.
// Every sheet that wraps text sets its row heights from it (Excel and WPS do not grow a row
// for wrapped text written by a program).
func linesIn(text string, width float64) int {
	n := 0
	for _, para := range strings.Split(text, "\n") {
		w := 0.0
		for _, r := range para {
			if r >= 0x2e80 {
				w += 2
			} else {
				w += 1.1
			}
		}
		n += max(1, int(math.Ceil(w/(width-1))))
	}
	return n
}
