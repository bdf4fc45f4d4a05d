package sheets

import (
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Notes in and around the data: a merged 注意事项 block that templates put beside or inside the
// data area ("1、红色字段为必填…"), a 填表说明 line, and the title lines above the header. None
// of them is a person.

// reNoteStart is how a note's text begins: an enumeration (1、 一、 (1)) or a note word.
var reNoteStart = regexp.MustCompile(`^\s*([0-9０-９]+\s*[、.．)）]|[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[0-9一二三]+\s*[)）]|注|说明|填表|填写|注意|备注|温馨提示|提示)`)

// noteLength is the length from which the one text of a row is a note, not a name or an ID.
const noteLength = 40

// noteRow tells a row whose one text is a note: several lines, long, or starting like a note.
func noteRow(cells []string) bool {
	t := soleText(cells)
	if t == "" {
		return false
	}
	return strings.ContainsAny(t, "\n\r") || utf8.RuneCountInString(t) >= noteLength || reNoteStart.MatchString(t)
}

// titleTexts are the texts of the rows above the header (title, filing line).
func titleTexts(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		for _, c := range r {
			if c = strings.TrimSpace(c); c != "" {
				out = append(out, c)
			}
		}
	}
	return out
}

// noIDColumn refuses a file whose only roster-like sheets have no ID-number column, once,
// instead of rejecting every row for an empty ID: the office has to add the column, not fix rows.
func noIDColumn(path string, sheets []string) error {
	return refused(RefuseNoIDColumn, "“%s”的工作表“%s”没有公民身份号码（身份证号）列：本程序按身份证号识别每名党员，请在表中加一列，表头写“公民身份号码”，设置为文本格式并填入每人的18位身份证号后再导入",
		filepath.Base(path), strings.Join(sheets, "”“"))
}

// reFormLabel is a label cell of a one-person form: "1.姓名：", "4.公民身份证号：".
var reFormLabel = regexp.MustCompile(`^\s*[0-9]+\s*[.．、]\s*\S.*[:：]\s*$`)

// formSheet tells the first rows of a one-person collection form (党员基本信息采集表), whose
// label cells stand where a roster has its header.
func formSheet(rows [][]string) bool {
	n := 0
	for _, r := range rows {
		for _, c := range r {
			if reFormLabel.MatchString(c) {
				n++
			}
		}
	}
	return n >= 2
}

// formGiven refuses a one-person form given to the roster import, saying what to do instead.
func formGiven(path string) error {
	return refused(RefuseNoRoster, "“%s”是一人一张的信息采集表（“1.姓名：”这样的填写格），不是一人一行的花名册；请把各人的信息填入花名册模板（一人一行）后再导入", filepath.Base(path))
}

// skipReasons are what the sheets a read skipped turned out to be: when no sheet was read,
// the file is refused for the most telling of them.
type skipReasons struct {
	noID     []string // sheets with a roster header but no ID-number column
	form     bool     // a one-person form
	orgSheet bool     // an organisation sheet
}

// refusal is the file's refusal for what was skipped, nil when nothing telling was.
func (k skipReasons) refusal(path string) error {
	switch {
	case len(k.noID) > 0:
		return noIDColumn(path, k.noID)
	case k.form:
		return formGiven(path)
	case k.orgSheet:
		return orgSheetGiven(path)
	}
	return nil
}
