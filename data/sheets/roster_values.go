package sheets

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/civil"
	"dangjian/data/idcard"
)

// Cell values as offices type them: dates as real Excel dates (read as the raw serial, so the
// CJK formats excelize cannot format still work) or as text in a dozen spellings, ID numbers
// with spaces and full-width digits or stored as numbers, categories as 正式/预备, phones as
// numbers. Parsing itself lives in data/civil and data/idcard; this file only decides which
// parser a raw cell goes to and turns failures into row errors.

// Error codes of rejected rows, stable for scripts (the CLI's JSON carries them).
const (
	CodeIDMissing       = "id_missing"
	CodeIDInvalid       = "id_invalid"
	CodeIDLostDigits    = "id_lost_digits"
	CodeNameMissing     = "name_missing"
	CodeDate            = "date"
	CodeCategory        = "category"
	CodeGender          = "gender"
	CodeBranchMissing   = "branch_missing"
	CodeBranchUnknown   = "branch_unknown"
	CodeBranchAmbiguous = "branch_ambiguous"
	CodeDuplicate       = "duplicate"
	CodeInvalid         = "invalid"
)

// RowError is why a row is not imported: where (sheet, row, column header), a stable code and
// a Chinese message that says how to fix it.
type RowError struct {
	Sheet   string `json:"sheet"`
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e RowError) Error() string {
	where := fmt.Sprintf("工作表“%s”第 %d 行", e.Sheet, e.Row)
	if e.Column != "" {
		where += "“" + e.Column + "”列"
	}
	return where + "：" + e.Message
}

// normalizeRow reads the mapped cells of one row into a member; it returns the notes to show
// with the row and the errors that reject it.
func normalizeRow(cells []string, m Mapping, headers []string) (data.Member, []Note, []RowError) {
	rc := rowCells{cells: cells, m: m, headers: headers, birthNote: -1}
	var mem data.Member
	rc.readTexts(&mem)
	rc.readDates(&mem)
	rc.readIDNumber(&mem)
	return mem, rc.notes, rc.errs
}

// rowCells is one row being read by its sheet's mapping, with the notes and errors so far.
type rowCells struct {
	cells   []string
	m       Mapping
	headers []string
	notes   []Note
	errs    []RowError
	// birthNote is the index in notes of the birth date's 只有年月 note, -1 when it has none:
	// the ID number completes such a date (takeFromID) and the note then says so instead.
	birthNote int
}

// get is the row's cell of field f, "" when the sheet has no such column.
func (rc *rowCells) get(f Field) string {
	if c := rc.m[f]; c >= 0 && c < len(rc.cells) {
		return rc.cells[c]
	}
	return ""
}

// col names field f's column as the sheet heads it, or by the field's label.
func (rc *rowCells) col(f Field) string {
	if c := rc.m[f]; c >= 0 && c < len(rc.headers) && strings.TrimSpace(rc.headers[c]) != "" {
		return HeaderKey(rc.headers[c])
	}
	return f.Label()
}

func (rc *rowCells) reject(f Field, code, msg string) {
	rc.errs = append(rc.errs, RowError{Column: rc.col(f), Code: code, Message: msg})
}

// readTexts reads the name, the text fields, the phone, the branch, the gender and the
// category.
func (rc *rowCells) readTexts(mem *data.Member) {
	mem.Name = data.FoldName(rc.get(FieldName))
	if mem.Name == "" {
		rc.reject(FieldName, CodeNameMissing, "姓名为空，请填写姓名")
	}
	mem.Ethnicity = normEthnicity(rc.get(FieldEthnicity))
	mem.Education, mem.Degree, mem.Title = tidy(rc.get(FieldEducation)), tidy(rc.get(FieldDegree)), tidy(rc.get(FieldTitle))
	mem.UnitName, mem.Post = tidy(rc.get(FieldUnit)), tidy(rc.get(FieldPost))
	mem.Phone = normPhone(rc.get(FieldPhone))
	mem.BranchName = data.FoldName(rc.get(FieldBranch))

	g, ok := normGender(rc.get(FieldGender))
	if !ok {
		rc.reject(FieldGender, CodeGender, fmt.Sprintf("性别“%s”无法识别，请填写“男”或“女”", strings.TrimSpace(rc.get(FieldGender))))
	}
	mem.Gender = g

	var err error
	if mem.Category, err = normCategory(rc.get(FieldCategory)); err != nil {
		rc.reject(FieldCategory, CodeCategory, err.Error())
	}
}

// readDates reads the birth, joined and full-membership dates, noting how a date spelled
// unusually was read.
func (rc *rowCells) readDates(mem *data.Member) {
	for _, d := range []struct {
		f   Field
		dst *time.Time
	}{{FieldBirth, &mem.Birth}, {FieldJoined, &mem.Joined}, {FieldFull, &mem.Full}} {
		r, err := parseDate(rc.get(d.f))
		if err != nil {
			rc.reject(d.f, CodeDate, err.Error())
			continue
		}
		*d.dst = r.Date
		col := rc.col(d.f)
		switch {
		case r.LostZero: // 1985.1 may be 1985.10 cut short: to check, not only to know
			rc.notes = append(rc.notes, warning(col+"：写作“年.1”，可能是被 Excel 丢了末尾 0 的10月，已按1月计", col+"："+r.Note))
		case r.Note != "":
			if d.f == FieldBirth {
				rc.birthNote = len(rc.notes)
			}
			rc.notes = append(rc.notes, hint(col+"："+r.Note, col+"："+r.Note))
		}
	}
}

// readIDNumber reads the ID number, which every row needs: without it no one can tell whether
// the person is already stored.
func (rc *rowCells) readIDNumber(mem *data.Member) {
	raw := rc.get(FieldIDNumber)
	if strings.TrimSpace(raw) == "" {
		rc.reject(FieldIDNumber, CodeIDMissing, "公民身份号码为空；没有身份证号无法确认此人是否已在库中，请补填18位身份证号")
		return
	}
	info, err := idcard.Parse(raw)
	if err != nil {
		code := CodeIDInvalid
		var ie *idcard.Error
		if errors.As(err, &ie) && ie.Code == idcard.CodeLostDigits {
			code = CodeIDLostDigits
		}
		rc.reject(FieldIDNumber, code, err.Error())
		return
	}
	mem.IDNumber = info.Number
	if len(idcard.Normalize(raw)) == 15 {
		rc.notes = append(rc.notes, sameHint("15位旧身份证号已升为18位"))
	}
	rc.takeFromID(mem, info)
}

// takeFromID sets the birth date and gender from the ID number. The ID number is what the
// national system keys on, so it wins a disagreement; the row says so, and the office can
// check the person's papers.
func (rc *rowCells) takeFromID(mem *data.Member, info idcard.Info) {
	switch monthOnly := rc.birthNote >= 0; {
	case monthOnly && mem.Birth.Year() == info.Birth.Year() && mem.Birth.Month() == info.Birth.Month():
		// 出生年月 1986-08 and an ID born 1986-08-21 agree: the day comes from the number.
		col := rc.col(FieldBirth)
		rc.notes[rc.birthNote] = hint(col+"：只有年月，已按身份证号补全日", fmt.Sprintf("%s：只有年月，已按身份证号补全为 %s", col, civil.Format(info.Birth)))
	case !mem.Birth.IsZero() && !mem.Birth.Equal(info.Birth):
		if monthOnly { // not the 1st of the month after all: the warning says what is stored
			rc.notes = append(rc.notes[:rc.birthNote], rc.notes[rc.birthNote+1:]...)
		}
		rc.notes = append(rc.notes, warning("出生日期与身份证号不符，已按身份证号取",
			fmt.Sprintf("出生日期 %s 与身份证号不符，已按身份证号取 %s", civil.Format(mem.Birth), civil.Format(info.Birth))))
	}
	mem.Birth = info.Birth
	idGender := "女"
	if info.Male {
		idGender = "男"
	}
	if mem.Gender != "" && mem.Gender != idGender {
		rc.notes = append(rc.notes, warning("性别与身份证号不符，已按身份证号取",
			fmt.Sprintf("性别“%s”与身份证号不符，已按身份证号取“%s”", mem.Gender, idGender)))
	}
	mem.Gender = idGender
}

// tidy trims a text cell and folds runs of spaces (full-width too) into one.
func tidy(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u3000", " ")), " ")
}

func normEthnicity(s string) string {
	s = data.FoldName(s)
	if s == "汉" {
		return "汉族"
	}
	return s
}

func normGender(s string) (string, bool) {
	switch strings.ToUpper(data.FoldName(s)) {
	case "":
		return "", true
	case "男", "男性", "M", "MALE":
		return "男", true
	case "女", "女性", "F", "FEMALE":
		return "女", true
	}
	return "", false
}

// normCategory turns 正式/预备 and their long forms into the two categories; "" stays ""
// (the plan infers it). 正常 in a 党籍状态 column is a standing, not a category.
func normCategory(s string) (string, error) {
	k := data.FoldName(s)
	switch {
	case k == "" || k == "正常":
		return "", nil
	case strings.Contains(k, "预备"):
		return data.CategoryProbation, nil
	case strings.Contains(k, "正式"):
		return data.CategoryFull, nil
	}
	return "", fmt.Errorf("人员类别“%s”无法识别，请填写“正式党员”或“预备党员”", k)
}

// normPhone keeps digits, "-" and "+"; a phone stored as a number in scientific notation is
// written out in full, and spaces people type in groups are dropped.
func normPhone(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "eE") {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f == math.Trunc(f) {
			s = strconv.FormatFloat(f, 'f', 0, 64)
		}
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == ' ' || r == '\u3000' || r == '\u00a0' || r == '\t':
			continue
		case r == '—' || r == '－':
			r = '-'
		}
		b.WriteRune(r)
	}
	return strings.TrimSuffix(b.String(), ".0")
}

// parseDateCell reads a date cell's raw value. A plain number is an Excel serial (a real date
// cell in any format, including the CJK ones), except 19850312 / 198503 typed as numbers and
// year-month written with a dot (1985.03), which go to civil.Parse as text.
func parseDateCell(raw string) (time.Time, string, error) {
	r, err := parseDate(raw)
	if err != nil {
		return time.Time{}, "", err
	}
	if r.Note != "" {
		return r.Date, "：" + r.Note, nil
	}
	return r.Date, "", nil
}

// parseDate is parseDateCell with all that civil.Parse tells of the reading.
func parseDate(raw string) (civil.Result, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return civil.Result{}, nil
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil && !strings.ContainsAny(s, "eE") {
		whole := math.Trunc(v)
		if whole >= 1 && whole < 1900 || whole > 2100 && whole < 100000 {
			t, err := civil.FromExcelSerial(v)
			return civil.Result{Date: t}, err
		}
	}
	return civil.Parse(s)
}
