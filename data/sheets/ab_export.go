package sheets

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/abpost"
)

// The two AB岗 documents offices print: the 一站式服务指南 for the public wall and the web (what
// to bring, where, how long, whom to ask), and the AB岗位设置报备表 filed with the party office
// (who holds each post since when, with signature lines). Both are A4 and print-ready. The
// guide's columns use the import headers, so an exported guide can be edited and imported back.

// GuideHeaders are the guide's columns, which the catalogue import also reads.
var GuideHeaders = []string{"序号", "部门", "服务事项", "办理窗口", "办理时限", "所需材料", "联系电话", "A岗", "B岗"}

// TimeLimitText writes a time limit as the guide shows it.
func TimeLimitText(days int) string {
	if days <= 0 {
		return "即办"
	}
	return fmt.Sprintf("%d个工作日", days)
}

// ExportGuide writes the 一站式服务指南 of the catalogue as it stands on day.
func ExportGuide(s *data.Store, path string, on time.Time) error {
	items, err := abpost.Items(s, abpost.ItemFilter{}, on)
	if err != nil {
		return err
	}
	if len(items) == 0 {
		return fmt.Errorf("服务事项目录是空的，没有可导出的内容；请先导入或录入服务事项")
	}
	const sheet = "一站式服务指南"
	f, st, err := abSheet(sheet, fmt.Sprintf("每个事项只进一个门、最多跑一次；A岗不在时由B岗办理。材料一次性告知。　　更新日期：%d年%d月%d日", on.Year(), on.Month(), on.Day()), GuideHeaders)
	if err != nil {
		return err
	}
	defer f.Close()
	last := colName(len(GuideHeaders))
	for i, it := range items {
		row := i + 4
		vals := []any{i + 1, it.Dept, it.Name, it.Door, TimeLimitText(it.TimeLimit), it.Materials, it.Phone, it.AName, it.BName}
		f.SetSheetRow(sheet, fmt.Sprintf("A%d", row), &vals)
		f.SetRowHeight(sheet, row, abRowHeight(vals, guideWidths))
		f.SetCellStyle(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row), st.Wrap)
		f.SetCellStyle(sheet, fmt.Sprintf("G%d", row), fmt.Sprintf("G%d", row), st.Text)
	}
	for i, w := range guideWidths {
		c := colName(i + 1)
		f.SetColWidth(sheet, c, c, w)
	}
	note := len(items) + 5
	f.MergeCell(sheet, fmt.Sprintf("A%d", note), fmt.Sprintf("%s%d", last, note))
	f.SetCellValue(sheet, fmt.Sprintf("A%d", note), "本指南含各事项A岗、B岗人员姓名与办公电话，供张贴和网上公开使用，不含其他个人信息。")
	if err := PrintSetup(f, sheet, true, "$3:$3"); err != nil {
		return err
	}
	if err := SaveAtomic(f, path); err != nil {
		return err
	}
	return LogABExport(s, sheet, path, items)
}

// ExportFiling writes the AB岗位设置报备表: each item's A and B as of day, since when, and the
// signature lines of the department head and the leader in charge.
func ExportFiling(s *data.Store, path string, on time.Time) error {
	items, err := abpost.Items(s, abpost.ItemFilter{}, on)
	if err != nil {
		return err
	}
	if len(items) == 0 {
		return fmt.Errorf("服务事项目录是空的，没有可报备的AB岗；请先导入或录入服务事项")
	}
	hist, err := abpost.Assignments(s, 0)
	if err != nil {
		return err
	}
	since := map[int64]time.Time{}
	notes := map[int64][]string{}
	for _, a := range hist {
		if a.On(on) {
			if a.From.After(since[a.ItemID]) {
				since[a.ItemID] = a.From
			}
			if a.Note != "" && a.Note != "导入" && !contains(notes[a.ItemID], a.Note) {
				notes[a.ItemID] = append(notes[a.ItemID], a.Note)
			}
		}
	}
	const sheet = "AB岗位设置报备表"
	headers := []string{"序号", "部门", "服务事项", "办理窗口", "A岗（主办）", "B岗（协办）", "设置日期", "备注"}
	f, st, err := abSheet(sheet, fmt.Sprintf("报备单位：＿＿＿＿＿＿＿＿　　　　截至日期：%d年%d月%d日", on.Year(), on.Month(), on.Day()), headers)
	if err != nil {
		return err
	}
	defer f.Close()
	last := colName(len(headers))
	for i, it := range items {
		row := i + 4
		b := it.BName
		if b == "" {
			b = "（未设）"
		}
		vals := []any{i + 1, it.Dept, it.Name, it.Door, it.AName, b, nil, strings.Join(notes[it.ID], "；")}
		f.SetSheetRow(sheet, fmt.Sprintf("A%d", row), &vals)
		f.SetRowHeight(sheet, row, abRowHeight(vals, filingWidths))
		f.SetCellStyle(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row), st.Wrap)
		if d := since[it.ID]; !d.IsZero() {
			f.SetCellValue(sheet, fmt.Sprintf("G%d", row), d)
		}
		f.SetCellStyle(sheet, fmt.Sprintf("G%d", row), fmt.Sprintf("G%d", row), st.Date)
	}
	for i, w := range filingWidths {
		c := colName(i + 1)
		f.SetColWidth(sheet, c, c, w)
	}
	sign := len(items) + 6
	for k, line := range []string{
		"部门负责人（签字）：＿＿＿＿＿＿＿＿　　　　分管领导（签字）：＿＿＿＿＿＿＿＿",
		"日期：＿＿＿＿年＿＿月＿＿日　　　　（部门盖章）",
	} {
		r := sign + k*2
		f.MergeCell(sheet, fmt.Sprintf("A%d", r), fmt.Sprintf("%s%d", last, r))
		f.SetCellValue(sheet, fmt.Sprintf("A%d", r), line)
		f.SetRowHeight(sheet, r, 24)
	}
	if err := PrintSetup(f, sheet, false, "$3:$3"); err != nil {
		return err
	}
	if err := SaveAtomic(f, path); err != nil {
		return err
	}
	return LogABExport(s, sheet, path, items)
}

// Column widths in characters of the guide and the filing.
var (
	guideWidths  = []float64{5, 11, 20, 21, 11, 40, 16, 8, 8}
	filingWidths = []float64{5, 11, 22, 21, 11, 11, 12, 20}
)

// abRowHeight is the height of a row of wrapped cells: its longest cell's lines.
func abRowHeight(vals []any, widths []float64) float64 {
	lines := 1
	for i, v := range vals {
		if s, ok := v.(string); ok {
			lines = max(lines, linesIn(s, widths[i]))
		}
	}
	return float64(lines)*13.5 + 3
}

// abSheet starts a workbook of one sheet named title: the title across the columns, a bold
// line under it and the header row (row 3, the one repeated on every printed page).
func abSheet(title, subtitle string, headers []string) (*excelize.File, Styles, error) {
	f := newBook()
	f.SetSheetName("Sheet1", title)
	st, err := NewStyles(f)
	if err != nil {
		f.Close()
		return nil, st, err
	}
	last := colName(len(headers))
	f.MergeCell(title, "A1", last+"1")
	f.SetCellValue(title, "A1", title)
	f.SetCellStyle(title, "A1", "A1", st.Title)
	f.SetRowHeight(title, 1, 30)
	f.MergeCell(title, "A2", last+"2")
	f.SetCellValue(title, "A2", subtitle)
	f.SetCellStyle(title, "A2", "A2", st.Bold)
	f.SetSheetRow(title, "A3", &headers)
	f.SetCellStyle(title, "A3", last+"3", st.Header)
	return f, st, nil
}

func colName(n int) string {
	c, _ := excelize.ColumnNumberToName(n)
	return c
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
