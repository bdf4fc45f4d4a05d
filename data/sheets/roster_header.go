package sheets

import (
	"strings"
	"unicode/utf8"
)

// Roster headers as offices write them: the same field under many names, with spaces,
// full-width spaces, line breaks and "*" marks inside. The header row is found by matching
// these names, never by position, because real files put a title and a filing line above it.

// Field is a roster column the import understands.
type Field int

// The roster fields, in the order the export and the template write them.
const (
	FieldNone Field = iota
	FieldName
	FieldGender
	FieldEthnicity
	FieldBirth
	FieldIDNumber
	FieldEducation
	FieldDegree
	FieldTitle
	FieldBranch
	FieldCategory
	FieldJoined
	FieldFull
	FieldUnit
	FieldPost
	FieldPhone
	// FieldParent is the branch's 党总支 or 二级党委, read to tell apart branches of one short
	// name under different parents; it is not exported.
	FieldParent
	fieldCount
)

// Fields lists the importable fields in export order.
var Fields = []Field{
	FieldName, FieldGender, FieldEthnicity, FieldBirth, FieldIDNumber, FieldEducation, FieldDegree,
	FieldTitle, FieldBranch, FieldCategory, FieldJoined, FieldFull, FieldUnit, FieldPost, FieldPhone,
}

var headerIndex = headerIndexOf(synonyms)

// headerIndexOf turns a sheet's synonyms (field → the headers offices write for it) into the
// reader's lookup: header → field. The roster and the organisation sheet both read this way.
func headerIndexOf[F comparable](synonyms map[F][]string) map[string]F {
	m := map[string]F{}
	for f, names := range synonyms {
		for _, n := range names {
			m[n] = f
		}
	}
	return m
}

// Label is the field's name as the export writes it.
func (f Field) Label() string {
	if n, ok := synonyms[f]; ok {
		return n[0]
	}
	return "（不导入）"
}

// Required tells the fields a row cannot do without; the template marks them with "*".
func (f Field) Required() bool {
	return f == FieldName || f == FieldIDNumber || f == FieldBranch || f == FieldJoined
}

// HeaderKey folds a header cell for matching: spaces of every width, line breaks and "*"
// marks removed, and a note in brackets dropped ("出生日期（年月日）" → "出生日期").
func HeaderKey(s string) string {
	// Every cell of every row passes here (footers and repeated headers are looked for under
	// the data): a cell with nothing to fold is returned as it is, without a copy.
	if !strings.ContainsAny(s, headerNoise) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case ' ', '\t', '\r', '\n', '\u3000', '\u00a0', '*', '＊', '※', '★', ':', '：':
			continue
		case '(', '（', '[', '【':
			depth++
			continue
		case ')', '）', ']', '】':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// headerNoise is every rune HeaderKey drops or treats as a bracket.
const headerNoise = " \t\r\n\u3000\u00a0*＊※★:：(（[【)）]】"

// FieldOf recognises one header cell.
func FieldOf(header string) Field { return headerIndex[HeaderKey(header)] }

// headerScanRows is how far down a sheet the header may sit (title, filing line, two header rows).
const headerScanRows = 6

// Mapping maps fields to column indexes (0-based) of one sheet; -1 when absent.
type Mapping [fieldCount]int

func emptyMapping() Mapping {
	var m Mapping
	for i := range m {
		m[i] = -1
	}
	return m
}

// Has tells whether the field has a column.
func (m Mapping) Has(f Field) bool { return m[f] >= 0 }

// Count is how many fields are mapped.
func (m Mapping) Count() int {
	n := 0
	for f := FieldName; f < fieldCount; f++ {
		if m[f] >= 0 {
			n++
		}
	}
	return n
}

// mapRow maps one candidate header row; the first column of a field wins, so a second
// "单位" column (e.g. 原单位) does not replace the first.
func mapRow(cells []string) Mapping {
	m := emptyMapping()
	for i, c := range cells {
		if f := FieldOf(c); f != FieldNone && m[f] < 0 {
			m[f] = i
		}
	}
	return m
}

// findHeader picks the header among the first rows: the row with most recognised names that
// has 姓名 or the ID number. Two header rows (a group row above, or sub-headers below such as
// 入党日期/转正日期 under 党籍信息) are merged: columns the chosen row leaves unmapped are
// taken from its neighbour. It returns the mapping, the header row index (0-based) and the
// index of the first data row; ok is false when no row looks like a roster header.
func findHeader(rows [][]string) (m Mapping, headerRow, dataRow int, ok bool) {
	best, bestN := -1, 1
	var maps []Mapping
	for i, r := range rows {
		mp := mapRow(r)
		maps = append(maps, mp)
		if !(mp.Has(FieldName) || mp.Has(FieldIDNumber)) {
			continue
		}
		if n := mp.Count(); n > bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return emptyMapping(), 0, 0, false
	}
	m, dataRow = maps[best], best+1
	merge := func(other Mapping) int {
		added := 0
		for f := FieldName; f < fieldCount; f++ {
			if m[f] < 0 && other[f] >= 0 && !columnUsed(m, other[f]) {
				m[f] = other[f]
				added++
			}
		}
		return added
	}
	if best+1 < len(rows) && maps[best+1].Count() > 0 && merge(maps[best+1]) > 0 {
		dataRow = best + 2
	}
	if best > 0 {
		merge(maps[best-1])
	}
	return m, best, dataRow, true
}

func columnUsed(m Mapping, col int) bool {
	for f := FieldName; f < fieldCount; f++ {
		if m[f] == col {
			return true
		}
	}
	return false
}

// nonRosterSheet tells sheets that are known not to be rosters, so they are skipped with a
// note rather than reported as a problem.
func nonRosterSheet(name string) bool {
	for _, w := range []string{"说明", "统计", "汇总", "填表说明", "注意事项", "目录", "字典", "选项"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// genericSheetName tells a default or roster-wide sheet name, which names no branch.
func genericSheetName(name string) bool {
	k := strings.ToLower(HeaderKey(name))
	if strings.HasPrefix(k, "sheet") || strings.HasPrefix(k, "工作表") {
		return true
	}
	for _, w := range []string{"花名册", "名册", "名单", "党员", "信息", "导入", "模板", "全部"} {
		if strings.Contains(k, w) && !strings.Contains(k, "支部") {
			return true
		}
	}
	return false
}

// footerRow tells the notes, signature and total lines under the data, where a sheet's
// roster ends: "注意事项", "填表人：", "审核人：", "合计", "说明：" …
func footerRow(cells []string) bool {
	first := ""
	for _, c := range cells {
		if k := HeaderKey(c); k != "" {
			first = k
			break
		}
	}
	if first == "" {
		return false
	}
	for _, p := range footerKeys {
		if strings.HasPrefix(first, p) {
			return true
		}
	}
	return first == "注"
}

// footerKeys are the folded beginnings of the lines under a roster.
var footerKeys = func() []string {
	var keys []string
	for _, p := range []string{"注意事项", "注：", "注:", "说明", "填表人", "审核人", "制表人", "负责人签字", "填报人", "合计", "总计", "共计", "小计", "备注：", "单位盖章", "盖章"} {
		if k := HeaderKey(p); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}()
