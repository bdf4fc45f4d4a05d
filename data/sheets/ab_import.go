package sheets

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/abpost"
)

// Reading the AB岗 catalogue: a sheet whose header row (within the first rows) names 部门 and
// 服务事项; the other columns are matched by their usual spellings. Departments and doors are
// often merged down several rows in office sheets, so a blank department or door takes the one
// above. The rows are then planned by abpost.PlanImport; nothing is written here.

// abColumns maps header spellings (after HeaderKey) to the ImportRow field they fill.
var abColumns = map[string]string{
	"部门": "dept", "处室": "dept", "责任部门": "dept", "所属部门": "dept",
	"服务事项": "item", "事项名称": "item", "事项": "item", "服务事项名称": "item",
	"办理窗口": "door", "窗口": "door", "受理窗口": "door", "办理地点": "door",
	"办理时限": "limit", "时限": "limit", "承诺时限": "limit",
	"所需材料": "materials", "材料": "materials", "申请材料": "materials", "一次性告知材料": "materials",
	"联系电话": "phone", "电话": "phone", "咨询电话": "phone",
	"A岗": "a", "A角": "a", "A岗主办": "a", "主办": "a", "A岗人员": "a",
	"B岗": "b", "B角": "b", "B岗协办": "b", "协办": "b", "B岗人员": "b",
	"事项编码": "code", "编码": "code", "编号": "code",
	"办理依据": "basis", "依据": "basis",
	"跑动次数": "visits", "最多跑动次数": "visits",
}

// ReadABCatalogue reads every sheet of an .xlsx that holds a catalogue. A file that is not a
// workbook, or has no sheet with 部门 and 服务事项 headers, is refused whole.
func ReadABCatalogue(ctx context.Context, path string) ([]abpost.ImportRow, error) {
	base := filepath.Base(path)
	f, err := openSmallBook(path, excelize.Options{}, "AB岗目录")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []abpost.ImportRow
	found := false
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			return nil, refused(RefuseTruncated, "“%s”的工作表“%s”已损坏，无法读取；请另存为 .xlsx 后再导入", base, name)
		}
		got, ok := readABSheet(name, rows)
		if ok {
			found = true
			out = append(out, got...)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	if !found {
		return nil, refused(RefuseNoRoster, "“%s”中没有找到AB岗服务事项表：没有哪张工作表的前 %d 行同时有“部门”和“服务事项”表头；请按导出的《一站式服务指南》格式填写后再导入", base, headerScanRows)
	}
	return out, nil
}

// IsRefused tells a whole-file refusal from other errors.
func IsRefused(err error) bool {
	var r *RefusedError
	return errors.As(err, &r)
}

// readABSheet reads one sheet's service items under its header; ok is false when it has
// none. A department or door written once for the items under it fills them.
func readABSheet(sheet string, rows [][]string) ([]abpost.ImportRow, bool) {
	header, cols := findABHeader(rows)
	if header < 0 {
		return nil, false
	}
	var out []abpost.ImportRow
	var lastDept, lastDoor string
	for i := header + 1; i < len(rows); i++ {
		r := abRow(sheet, i+1, rows[i], cols)
		if abSkipRow(r) {
			continue
		}
		if r.Dept == "" {
			r.Dept = lastDept
		}
		if r.Door == "" && r.Dept == lastDept {
			r.Door = lastDoor
		}
		lastDept, lastDoor = r.Dept, r.Door
		out = append(out, r)
	}
	return out, true
}

// findABHeader finds the first of the first headerScanRows rows with both 部门 and 服务事项:
// its index and the columns by field, or -1.
func findABHeader(rows [][]string) (int, map[string]int) {
	for i := 0; i < len(rows) && i < headerScanRows; i++ {
		m := abHeaderColumns(rows[i])
		_, dept := m["dept"]
		_, item := m["item"]
		if dept && item {
			return i, m
		}
	}
	return -1, map[string]int{}
}

// abHeaderColumns maps the catalogue fields a row's headings name to their columns, the
// first column of a field heading twice.
func abHeaderColumns(cells []string) map[string]int {
	m := map[string]int{}
	for j, c := range cells {
		if f, ok := abColumns[HeaderKey(c)]; ok {
			if _, dup := m[f]; !dup {
				m[f] = j
			}
		}
	}
	return m
}

// abRow reads one row under the header by the header's columns.
func abRow(sheet string, line int, cells []string, cols map[string]int) abpost.ImportRow {
	get := func(f string) string { return abCell(cells, cols, f) }
	return abpost.ImportRow{
		Sheet: sheet, Line: line, Dept: get("dept"), Item: get("item"), Door: get("door"),
		TimeLimit: get("limit"), Materials: get("materials"), Phone: get("phone"), A: get("a"), B: get("b"),
		Code: get("code"), Basis: get("basis"), Visits: get("visits"),
	}
}

// abCell is the trimmed cell of field f, "" when the sheet has no such column.
func abCell(cells []string, cols map[string]int, f string) string {
	j, ok := cols[f]
	if !ok || j >= len(cells) {
		return ""
	}
	return strings.TrimSpace(cells[j])
}

// abSkipRow tells a row that is no service item: blank, or the signature and 填表 lines under
// the table (no item, door or post, and in the department column nothing, 签 or 填表).
func abSkipRow(r abpost.ImportRow) bool {
	if r.Item != "" || r.A != "" || r.B != "" || r.Door != "" {
		return false
	}
	return r.Dept == "" || strings.Contains(r.Dept, "签") || strings.Contains(r.Dept, "填表")
}

// PlanABImport reads a catalogue file and plans it against the store: what the preview shows
// and what abpost.CommitImport writes.
func PlanABImport(ctx context.Context, s *data.Store, path string) (*abpost.ImportPlan, error) {
	rows, err := ReadABCatalogue(ctx, path)
	if err != nil {
		return nil, err
	}
	return abpost.PlanImport(ctx, s, rows, path)
}
