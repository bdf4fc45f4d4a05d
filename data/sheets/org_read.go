package sheets

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
)

// Reading an organisation sheet (基层党组织基本情况一览表): one row per organisation, columns
// found by their names, the type as a word or a national code, the parent blank for "under the
// 党委" and merged down its branches. Org sheets are small, so a sheet is read whole, merges
// included; the bounds are those of the roster reader plus a cap on rows.

// OrgField is a column of an organisation sheet.
type OrgField int

// The organisation columns, in the order the export writes them.
const (
	OrgFieldNone OrgField = iota
	OrgFieldName
	OrgFieldShort
	OrgFieldType
	OrgFieldParent
	OrgFieldUnit
	OrgFieldUnitKind
	OrgFieldFounded
	OrgFieldSecretary
	OrgFieldMission
	OrgFieldNote
	orgFieldCount
)

// OrgFields lists the columns in export order.
var OrgFields = []OrgField{
	OrgFieldName, OrgFieldShort, OrgFieldType, OrgFieldParent, OrgFieldUnit, OrgFieldUnitKind,
	OrgFieldFounded, OrgFieldSecretary, OrgFieldMission, OrgFieldNote,
}

// orgSynonyms: the first name of each column is the one the export writes.
var orgSynonyms = map[OrgField][]string{
	OrgFieldName:      {"党组织名称", "组织名称", "党组织全称", "名称"},
	OrgFieldShort:     {"简称", "党组织简称"},
	OrgFieldType:      {"组织类别", "组织类型", "党组织类别", "党组织类型", "类别", "类型"},
	OrgFieldParent:    {"上级党组织", "上级组织", "上级党组织名称", "隶属党组织"},
	OrgFieldUnit:      {"依托单位", "所在单位", "单位名称"},
	OrgFieldUnitKind:  {"单位类型", "依托单位类型"},
	OrgFieldFounded:   {"成立时间", "成立日期", "建立时间"},
	OrgFieldSecretary: {"党组织书记", "书记"},
	OrgFieldMission:   {"承担任务", "任务"},
	OrgFieldNote:      {"备注"},
}

var orgHeaderIndex = headerIndexOf(orgSynonyms)

// Label is the column's name as the export writes it.
func (f OrgField) Label() string {
	if n, ok := orgSynonyms[f]; ok {
		return n[0]
	}
	return ""
}

// orgTypeWords are the type words offices write, folded; a code (611 …) is read as a number.
var orgTypeWords = map[string]int{
	"党委": data.TypeCommittee, "二级党委": data.TypeCommittee, "基层党委": data.TypeCommittee, "分党委": data.TypeCommittee,
	"党总支": data.TypeGeneralBranch, "总支": data.TypeGeneralBranch, "党总支部": data.TypeGeneralBranch,
	"党支部": data.TypeBranch, "支部": data.TypeBranch,
	"联合党支部": data.TypeJointBranch, "联合支部": data.TypeJointBranch,
	"临时党支部": data.TypeTempBranch, "临时支部": data.TypeTempBranch,
	"临时党委": data.TypeTempCommittee, "临时党总支": data.TypeTempGeneralBr,
}

// orgTypeCodes are the national codes an organisation sheet may carry.
var orgTypeCodes = map[int]bool{
	data.TypeCommittee: true, data.TypeGeneralBranch: true, data.TypeBranch: true,
	data.TypeJointBranch: true, data.TypeTempBranch: true, data.TypeTempCommittee: true, data.TypeTempGeneralBr: true,
}

// Bounds of an organisation sheet: no institute has more organisations, no name is longer.
const (
	maxOrgRows     = 5000
	maxOrgField    = 100
	maxMergedCells = maxOrgRows * 4
)

// OrgRow is one organisation as the sheet gives it.
type OrgRow struct {
	Sheet     string
	Line      int
	Name      string
	Short     string
	TypeCode  int // 0 when the cell is blank
	Parent    string
	Unit      string
	UnitKind  string
	Founded   time.Time
	Secretary string
	Mission   string
	Cells     []string // as stored, merged parents filled in
	Errors    []RowError
}

// OrgFile is what an organisation sheet holds.
type OrgFile struct {
	Path    string
	Sheet   string
	Headers []string
	Rows    []*OrgRow
}

// ReadOrgs reads the first sheet of path that has an organisation header.
func ReadOrgs(ctx context.Context, path string) (*OrgFile, error) {
	base := filepath.Base(path)
	// An organisation sheet is small: the A/B catalogue's bound is ample.
	f, err := openSmallBook(path, excelize.Options{RawCellValue: true}, "党组织一览表")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	anyCell, roster := false, false
	for _, sheet := range f.GetSheetList() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rows, err := sheetRows(f, sheet)
		if err != nil {
			return nil, refused(RefuseTruncated, "“%s”的工作表“%s”已损坏或超过 %d 行，无法作为党组织一览表读取", base, sheet, maxOrgRows)
		}
		for _, r := range rows {
			anyCell = anyCell || !blankRow(r)
		}
		of, ok := readOrgSheet(path, sheet, rows, mergedDown(f, sheet))
		if ok {
			return of, nil
		}
		if _, _, _, isRoster := findHeader(rows[:min(len(rows), headerScanRows)]); isRoster {
			roster = true
		}
	}
	switch {
	case !anyCell:
		return nil, refused(RefuseEmpty, "“%s”是空的，里面没有任何数据；请确认选对了文件", base)
	case roster:
		return nil, refused(RefuseNoOrgs, "“%s”是党员花名册，不是党组织一览表；花名册请用“导入花名册”（命令行 import roster）导入", base)
	}
	return nil, refused(RefuseNoOrgs, "“%s”中没有找到党组织一览表：没有哪张工作表的前 %d 行有“党组织名称”“组织类别”等表头；请确认选对了文件", base, headerScanRows)
}

// sheetRows reads a whole sheet, refusing one longer than any organisation sheet.
func sheetRows(f *excelize.File, sheet string) ([][]string, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var rows [][]string
	for it.Next() {
		if len(rows) >= maxOrgRows+headerScanRows {
			return nil, fmt.Errorf("too many rows")
		}
		cells, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		rows = append(rows, cells)
	}
	return rows, it.Error()
}

// mergedDown maps each cell covered by a vertical merge (below its first row) to the merge's
// value, so that a parent written once for its branches reaches every row.
func mergedDown(f *excelize.File, sheet string) map[[2]int]string {
	ms, err := f.GetMergeCells(sheet)
	if err != nil {
		return nil
	}
	out := map[[2]int]string{}
	for _, m := range ms {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r2 <= r1 || (r2-r1+1)*(c2-c1+1) > maxOrgRows*4 {
			continue
		}
		for r := r1 + 1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if len(out) >= maxMergedCells {
					return out // a crafted file: the rest of its merges fill nothing
				}
				out[[2]int{r - 1, c - 1}] = m.GetCellValue()
			}
		}
	}
	return out
}

// orgHeader maps one candidate header row; ok when it has the name and the type or parent.
func orgHeader(cells []string) (m [orgFieldCount]int, ok bool) {
	for i := range m {
		m[i] = -1
	}
	for i, c := range cells {
		if f := orgHeaderIndex[HeaderKey(c)]; f != OrgFieldNone && m[f] < 0 {
			m[f] = i
		}
	}
	return m, m[OrgFieldName] >= 0 && (m[OrgFieldType] >= 0 || m[OrgFieldParent] >= 0)
}

// readOrgSheet reads one sheet's rows under its header; ok is false when it has none.
func readOrgSheet(path, sheet string, rows [][]string, merged map[[2]int]string) (*OrgFile, bool) {
	hr, m, ok := findOrgHeader(rows)
	if !ok {
		return nil, false
	}
	of := &OrgFile{Path: path, Sheet: sheet, Headers: rows[hr]}
	o := orgSheetReader{sheet: sheet, headers: of.Headers, m: m}
	for i := hr + 1; i < len(rows); i++ {
		cells := mergedInto(rows[i], i, merged, len(of.Headers))
		if blankRow(cells) || footerRow(cells) || noteRow(cells) {
			continue
		}
		if data.FoldName(o.get(cells, OrgFieldName)) == "" && data.FoldName(o.get(cells, OrgFieldType)) == "" {
			continue // a 序号 alone, or a note beside the table
		}
		of.Rows = append(of.Rows, o.readRow(i+1, cells))
	}
	return of, true
}

// findOrgHeader finds the organisation header among the first headerScanRows rows: its index
// and mapping.
func findOrgHeader(rows [][]string) (int, [orgFieldCount]int, bool) {
	for i := 0; i < len(rows) && i < headerScanRows; i++ {
		if m, ok := orgHeader(rows[i]); ok {
			return i, m, true
		}
	}
	return -1, [orgFieldCount]int{}, false
}

// mergedInto is a copy of row i's cells with the values merged down into them (see
// mergedDown) filled into the blank ones, up to the header's width.
func mergedInto(row []string, i int, merged map[[2]int]string, width int) []string {
	cells := append([]string(nil), row...)
	for c := range cells {
		if v, ok := merged[[2]int{i, c}]; ok && strings.TrimSpace(cells[c]) == "" {
			cells[c] = v
		}
	}
	for c := len(cells); c < width; c++ {
		if v, ok := merged[[2]int{i, c}]; ok {
			cells = append(cells, make([]string, c-len(cells))...)
			cells = append(cells, v)
		}
	}
	return cells
}

// orgSheetReader reads the rows of one organisation sheet by its header.
type orgSheetReader struct {
	sheet   string
	headers []string
	m       [orgFieldCount]int // field → column, -1 when absent
}

// get is the row's cell of field f.
func (o *orgSheetReader) get(cells []string, f OrgField) string { return cell(cells, o.m[f]) }

// column names field f's column in an error: the sheet's own heading, or the field's label.
func (o *orgSheetReader) column(f OrgField) string {
	if c := o.m[f]; c >= 0 && c < len(o.headers) {
		return HeaderKey(o.headers[c])
	}
	return f.Label()
}

func (o *orgSheetReader) reject(r *OrgRow, f OrgField, code, msg string) {
	r.Errors = append(r.Errors, RowError{Sheet: o.sheet, Row: r.Line, Column: o.column(f), Code: code, Message: msg})
}

// readRow reads one organisation from its row at line, each fault as an error of the row.
func (o *orgSheetReader) readRow(line int, cells []string) *OrgRow {
	r := &OrgRow{Sheet: o.sheet, Line: line, Cells: cells}
	o.readTexts(r, cells)
	if r.Name == "" {
		o.reject(r, OrgFieldName, CodeNameMissing, "党组织名称为空，请填写全称")
	}
	if code, ok := orgTypeOf(o.get(cells, OrgFieldType)); ok {
		r.TypeCode = code
	} else {
		o.reject(r, OrgFieldType, CodeOrgType, fmt.Sprintf("组织类别“%s”无法识别，请填写党委、党总支、党支部、联合党支部、临时党支部，或代码611、621、631、632、931",
			strings.TrimSpace(o.get(cells, OrgFieldType))))
	}
	if t, _, err := parseDateCell(o.get(cells, OrgFieldFounded)); err != nil {
		o.reject(r, OrgFieldFounded, CodeDate, err.Error())
	} else {
		r.Founded = t
	}
	if r.Parent != "" && r.Parent == r.Name {
		o.reject(r, OrgFieldParent, CodeOrgCycle, "上级党组织不能是它自己")
	}
	return r
}

// readTexts reads the row's text fields: names folded (data.FoldName, as the store compares
// them), the unit and mission only tidied; a text over maxOrgField is refused and left empty.
func (o *orgSheetReader) readTexts(r *OrgRow, cells []string) {
	for _, t := range []struct {
		f   OrgField
		dst *string
	}{
		{OrgFieldName, &r.Name},
		{OrgFieldShort, &r.Short},
		{OrgFieldParent, &r.Parent},
		{OrgFieldUnit, &r.Unit},
		{OrgFieldUnitKind, &r.UnitKind},
		{OrgFieldSecretary, &r.Secretary},
		{OrgFieldMission, &r.Mission},
	} {
		v := data.FoldName(o.get(cells, t.f))
		if t.f == OrgFieldMission || t.f == OrgFieldUnit {
			v = tidy(o.get(cells, t.f))
		}
		if n := utf8.RuneCountInString(v); n > maxOrgField {
			o.reject(r, t.f, CodeInvalid, fmt.Sprintf("内容太长（%d 个字，最多 %d 个），请核对", n, maxOrgField))
			v = ""
		}
		*t.dst = v
	}
}

// orgTypeOf reads a type cell: a word, a national code, or both ("631 党支部"); blank is 0.
func orgTypeOf(s string) (int, bool) {
	k := data.FoldName(s)
	if k == "" {
		return 0, true
	}
	if code, ok := orgTypeWords[k]; ok {
		return code, true
	}
	end := 0
	for end < len(k) && k[end] >= '0' && k[end] <= '9' {
		end++
	}
	if end == 3 {
		code, _ := strconv.Atoi(k[:end])
		rest := strings.TrimSpace(strings.TrimPrefix(k[end:], ".0"))
		if orgTypeCodes[code] && (rest == "" || orgTypeWords[rest] == code) {
			return code, true
		}
	}
	return 0, false
}

// anyOrgHeader tells rows among which an organisation header sits.
func anyOrgHeader(rows [][]string) bool {
	for _, r := range rows {
		if _, ok := orgHeader(r); ok {
			return true
		}
	}
	return false
}

// orgSheetGiven refuses an organisation sheet given to the roster import, saying where it goes.
func orgSheetGiven(path string) error {
	return refused(RefuseNoRoster, "“%s”是党组织一览表，不是党员花名册；请在“组织机构”中导入它（命令行 import orgs）", filepath.Base(path))
}
