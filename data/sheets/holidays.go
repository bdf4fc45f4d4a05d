package sheets

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data/abpost"
	"dangjian/data/civil"
)

// Reading the holiday sheet (法定节假日与调休): two columns, the date and what the day is —
// "放假"/"休"/a holiday's name for a day off, "上班"/"班"/"调休上班" for a working day. A header
// row is optional. Rows that cannot be read are reported by line and nothing is imported until
// they are fixed, since one wrong day shifts every time limit.

// HolidayError is a row of the holiday sheet that could not be read.
type HolidayError struct {
	Line    int
	Message string
}

func (e HolidayError) Error() string { return fmt.Sprintf("第 %d 行：%s", e.Line, e.Message) }

// ReadHolidays reads the first sheet of a holiday workbook.
func ReadHolidays(path string) ([]abpost.CalendarDay, []HolidayError, error) {
	base := filepath.Base(path)
	f, err := openSmallBook(path, excelize.Options{RawCellValue: true}, "节假日表")
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	list := f.GetSheetList()
	if len(list) == 0 {
		return nil, nil, refused(RefuseTruncated, "“%s”里没有工作表", base)
	}
	rows, err := f.GetRows(list[0], excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, nil, refused(RefuseTruncated, "“%s”的工作表已损坏，无法读取", base)
	}
	days, errs := ParseHolidayRows(rows)
	if len(days) == 0 && len(errs) == 0 {
		return nil, nil, refused(RefuseEmpty, "“%s”中没有日期；请在第一列填日期、第二列填“放假”或“上班”", base)
	}
	return days, errs, nil
}

// ParseHolidayRows reads rows of [date, kind]; a first row that is a header is skipped.
func ParseHolidayRows(rows [][]string) ([]abpost.CalendarDay, []HolidayError) {
	var days []abpost.CalendarDay
	var errs []HolidayError
	seen := map[string]int{}
	for i, r := range rows {
		line := i + 1
		cell := func(j int) string {
			if j < len(r) {
				return strings.TrimSpace(r[j])
			}
			return ""
		}
		date, what := cell(0), cell(1)
		if date == "" && what == "" {
			continue
		}
		if i == 0 && (strings.Contains(date, "日期") || strings.Contains(what, "类型") || strings.Contains(what, "说明")) {
			continue
		}
		d, err := holidayDate(date)
		if err != nil {
			errs = append(errs, HolidayError{line, err.Error()})
			continue
		}
		working, ok := dayKind(what)
		if !ok {
			errs = append(errs, HolidayError{line, fmt.Sprintf("第二列“%s”看不出是放假还是上班；请写“放假”或“上班”（也可写节日名称，如“春节”）", what)})
			continue
		}
		key := civil.Format(d)
		if prev, dup := seen[key]; dup {
			errs = append(errs, HolidayError{line, fmt.Sprintf("%s 与第 %d 行重复", key, prev)})
			continue
		}
		seen[key] = line
		days = append(days, abpost.CalendarDay{Day: d, Working: working, Name: what})
	}
	return days, errs
}

func holidayDate(s string) (t time.Time, err error) {
	if s == "" {
		return t, fmt.Errorf("缺少日期")
	}
	// An Excel date serial of 1954–2119; eight-digit 20260101 and six-digit 202601 are far above.
	if v, e := strconv.ParseFloat(s, 64); e == nil && v >= 20000 && v < 80000 {
		return civil.FromExcelSerial(v)
	}
	r, err := civil.Parse(s)
	if err != nil {
		return t, err
	}
	if r.MonthOnly {
		return t, fmt.Errorf("“%s”只有年月，请写出具体哪一天", s)
	}
	return r.Date, nil
}

// dayKind tells a working day from a day off by the words offices use.
func dayKind(s string) (working, ok bool) {
	switch {
	case s == "":
		return false, false
	case strings.Contains(s, "上班") || s == "班" || strings.Contains(s, "工作日") || strings.Contains(s, "补班"):
		return true, true
	case strings.Contains(s, "休") || strings.Contains(s, "假") || strings.Contains(s, "节") || strings.Contains(s, "元旦") ||
		strings.Contains(s, "清明") || strings.Contains(s, "端午") || strings.Contains(s, "除夕") ||
		strings.Contains(s, "中秋") || strings.Contains(s, "国庆") || strings.Contains(s, "劳动"):
		return false, true
	}
	return false, false
}
