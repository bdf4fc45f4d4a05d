package sheets

import (
	"context"
	"fmt"
	"slices"
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

// GuideName is the 一站式服务指南's name: its sheet, and its subject in the 操作日志.
const GuideName = "一站式服务指南"

// GuideContent is what the guide prints, the same in the .xlsx and the PDF: the catalogue as
// it stands on day, the institute's own title and the line under it.
func GuideContent(ctx context.Context, s *data.Store, on time.Time) (items []abpost.Item, title, note string, err error) {
	items, err = abpost.PrintedItems(ctx, s, on, "可导出的内容")
	if err != nil {
		return nil, "", "", err
	}
	p, err := s.Profile(ctx)
	if err != nil {
		return nil, "", "", err
	}
	note = fmt.Sprintf("每个事项只进一个门、最多跑一次；A岗不在时由B岗办理，材料一次性告知。更新日期：%d年%d月%d日", on.Year(), on.Month(), on.Day())
	return items, p.TitleName() + GuideName, note, nil
}

// ExportGuide writes the 一站式服务指南 of the catalogue as it stands on day.
func ExportGuide(ctx context.Context, s *data.Store, path string, on time.Time) error {
	items, title, subtitle, err := GuideContent(ctx, s, on)
	if err != nil {
		return err
	}
	const sheet = GuideName
	f, st, err := abSheet(sheet, title, subtitle, GuideHeaders)
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

// ExportFiling writes the AB岗位设置报备表: a summary sheet of every item's A and B as of day,
// since when, and one sheet per department that the department signs and seals on its own.
func ExportFiling(ctx context.Context, s *data.Store, path string, on time.Time) error {
	items, err := abpost.PrintedItems(ctx, s, on, "可报备的AB岗")
	if err != nil {
		return err
	}
	hist, err := abpost.Assignments(ctx, s, 0)
	if err != nil {
		return err
	}
	p, err := s.Profile(ctx)
	if err != nil {
		return err
	}
	fr := newFilingRows(hist, on)
	day := fmt.Sprintf("%d年%d月%d日", on.Year(), on.Month(), on.Day())
	title := p.TitleName() + FilingSheet
	f, st, err := abSheet(FilingSheet, title, "汇总（各部门分表见后）　　　　截至日期："+day, filingHeaders)
	if err != nil {
		return err
	}
	defer f.Close()
	for i, it := range items {
		writeFilingRow(f, st, FilingSheet, i+4, fr.row(it, i+1, true), filingWidths)
	}
	if err := filingFooter(f, FilingSheet, filingWidths, len(items)+5, FilingSummarySign); err != nil {
		return err
	}
	depts, byDept := itemsByDept(items)
	for i, d := range depts {
		if err := writeDeptFiling(f, st, sheetName(d, i), title, "报备单位："+d+"　　　　截至日期："+day, byDept[d], fr); err != nil {
			return err
		}
	}
	if err := SaveAtomic(f, path); err != nil {
		return err
	}
	return LogABExport(s, FilingSheet, path, items)
}

// filingRows writes the 报备表's rows: for each item, since when its current posts are held
// and the notes of those assignments.
type filingRows struct {
	since map[int64]time.Time
	notes map[int64][]string
}

// newFilingRows takes from the assignment history the ones that hold on day: the latest
// start per item, and their notes (导入, what an import writes, is no note to file).
func newFilingRows(hist []abpost.Assignment, on time.Time) filingRows {
	fr := filingRows{since: map[int64]time.Time{}, notes: map[int64][]string{}}
	for _, a := range hist {
		if !a.On(on) {
			continue
		}
		if a.From.After(fr.since[a.ItemID]) {
			fr.since[a.ItemID] = a.From
		}
		if a.Note != "" && a.Note != "导入" && !slices.Contains(fr.notes[a.ItemID], a.Note) {
			fr.notes[a.ItemID] = append(fr.notes[a.ItemID], a.Note)
		}
	}
	return fr
}

// row is item it's row numbered n, with its department on the summary sheet.
func (fr filingRows) row(it abpost.Item, n int, withDept bool) []any {
	b := it.BName
	if b == "" {
		b = "（未设）"
	}
	var from any
	if d := fr.since[it.ID]; !d.IsZero() {
		from = d
	}
	vals := []any{n, it.Name, it.Door, it.AName, b, from, strings.Join(fr.notes[it.ID], "；")}
	if withDept {
		vals = append([]any{n, it.Dept}, vals[1:]...)
	}
	return vals
}

// itemsByDept groups the items by department, the departments in the order they come.
func itemsByDept(items []abpost.Item) ([]string, map[string][]abpost.Item) {
	var depts []string
	byDept := map[string][]abpost.Item{}
	for _, it := range items {
		if _, ok := byDept[it.Dept]; !ok {
			depts = append(depts, it.Dept)
		}
		byDept[it.Dept] = append(byDept[it.Dept], it)
	}
	return depts, byDept
}

// writeDeptFiling writes one department's own sheet of the 报备表, with its signature lines.
func writeDeptFiling(f *excelize.File, st Styles, sheet, title, sub string, items []abpost.Item, fr filingRows) error {
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	startABSheet(f, st, sheet, title, sub, deptFilingHeaders)
	for n, it := range items {
		writeFilingRow(f, st, sheet, n+4, fr.row(it, n+1, false), deptFilingWidths)
	}
	return filingFooter(f, sheet, deptFilingWidths, len(items)+5, FilingDeptSign)
}

// The 报备表's sheets: the summary, and a department's own.
const FilingSheet = "AB岗位设置报备表"

var (
	filingHeaders     = []string{"序号", "部门", "服务事项", "办理窗口", "A岗（主办）", "B岗（协办）", "设置日期", "备注"}
	deptFilingHeaders = []string{"序号", "服务事项", "办理窗口", "A岗（主办）", "B岗（协办）", "设置日期", "备注"}
)

// The signature blocks: each department signs and seals its own sheet; the summary is checked
// by the office and signed by the leader in charge.
var (
	FilingDeptSign = []string{
		"部门负责人（签字）：＿＿＿＿＿＿＿＿　　　　日期：＿＿＿＿年＿＿月＿＿日",
		"（部门盖章）",
	}
	FilingSummarySign = []string{
		"部门负责人（签字）：见各部门分表　　　　审核（党委办公室）：＿＿＿＿＿＿＿＿",
		"分管领导（签字）：＿＿＿＿＿＿＿＿　　　　日期：＿＿＿＿年＿＿月＿＿日　　　　（盖章）",
	}
)

func writeFilingRow(f *excelize.File, st Styles, sheet string, row int, vals []any, widths []float64) {
	last := colName(len(vals))
	f.SetSheetRow(sheet, fmt.Sprintf("A%d", row), &vals)
	f.SetRowHeight(sheet, row, abRowHeight(vals, widths))
	f.SetCellStyle(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row), st.Wrap)
	date := colName(len(vals) - 1)
	f.SetCellStyle(sheet, fmt.Sprintf("%s%d", date, row), fmt.Sprintf("%s%d", date, row), st.Date)
}

// filingFooter sets a filing sheet's widths, signature lines from row on, print area and page.
func filingFooter(f *excelize.File, sheet string, widths []float64, row int, sign []string) error {
	for i, w := range widths {
		c := colName(i + 1)
		f.SetColWidth(sheet, c, c, w)
	}
	last := colName(len(widths))
	for k, line := range sign {
		r := row + 1 + k*2
		f.MergeCell(sheet, fmt.Sprintf("A%d", r), fmt.Sprintf("%s%d", last, r))
		f.SetCellValue(sheet, fmt.Sprintf("A%d", r), line)
		f.SetRowHeight(sheet, r, 26)
		row = r
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sheet, last, row), Scope: sheet}); err != nil {
		return err
	}
	return PrintSetup(f, sheet, false, "$3:$3")
}

// Column widths in characters of the guide and the filing.
var (
	guideWidths  = []float64{5, 11, 20, 21, 11, 40, 16, 8, 8}
	filingWidths = []float64{5, 11, 22, 21, 11, 11, 12, 20}
	// a department's sheet has no 部门 column: the service item takes its room
	deptFilingWidths = []float64{5, 28, 22, 12, 12, 12, 21}
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

// abSheet starts a workbook of one sheet: the title across the columns, a bold line under it
// and the header row (row 3, the one repeated on every printed page).
func abSheet(sheet, title, subtitle string, headers []string) (*excelize.File, Styles, error) {
	f, st, err := styledBook(sheet)
	if err != nil {
		return nil, st, err
	}
	startABSheet(f, st, sheet, title, subtitle, headers)
	return f, st, nil
}

// startABSheet writes the title, the line under it and the header row of a sheet.
func startABSheet(f *excelize.File, st Styles, sheet, title, subtitle string, headers []string) {
	last := colName(len(headers))
	f.MergeCell(sheet, "A1", last+"1")
	f.SetCellValue(sheet, "A1", title)
	f.SetCellStyle(sheet, "A1", "A1", st.Title)
	f.SetRowHeight(sheet, 1, 30)
	f.MergeCell(sheet, "A2", last+"2")
	f.SetCellValue(sheet, "A2", subtitle)
	f.SetCellStyle(sheet, "A2", "A2", st.Bold)
	f.SetRowHeight(sheet, 2, 20)
	f.SetSheetRow(sheet, "A3", &headers)
	f.SetCellStyle(sheet, "A3", last+"3", st.Header)
	f.SetRowHeight(sheet, 3, 22)
}

func colName(n int) string {
	c, _ := excelize.ColumnNumberToName(n)
	return c
}
