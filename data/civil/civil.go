// Package civil reads, checks and writes calendar dates the way party offices type them in rosters.
//
// A date is a time.Time at UTC midnight; the zero time.Time means "unknown".
package civil

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// MinYear is the earliest year a roster date may have.
const MinYear = 1900

// MaxYear is the latest year a roster date may have.
const MaxYear = 2100

// NoteMonthOnly is the note given when a date has only a year and a month.
const NoteMonthOnly = "只有年月，按该月1日计"

// Result is what Parse reads from one cell: the date, whether only the month was given, and a note for the row.
type Result struct {
	Date      time.Time
	MonthOnly bool
	// LostZero: the month was read as January from "1985.1", which may be 1985.10 that Excel
	// kept as a number and cut the trailing 0 from — a reading to check, not just to know.
	LostZero bool
	Note     string
}

// Date returns the given calendar day at UTC midnight, normalising out-of-range days like time.Date.
func Date(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
}

// Format writes t as "2006-01-02", or "" for the zero (unknown) date.
func Format(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// ParseISO reads a strict YYYY-MM-DD date, as the command line takes it.
func ParseISO(s string) (time.Time, error) {
	ok := len(s) == 10 && s[4] == '-' && s[7] == '-'
	for i := 0; ok && i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			ok = false
		}
	}
	if !ok {
		return time.Time{}, fmt.Errorf("日期“%s”格式不对，请写成 YYYY-MM-DD，例如 2024-03-01", s)
	}
	y, _ := strconv.Atoi(s[0:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:10])
	return check(s, y, m, d)
}

var (
	reTime   = regexp.MustCompile(`^(.*?)(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$`)
	reSep    = regexp.MustCompile(`^(\d{4})([-/.])(\d{1,2})(?:([-/.])(\d{1,2}))?$`)
	reHanzi  = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(?:(\d{1,2})[日号])?$`)
	reDigits = regexp.MustCompile(`^\d+$`)
)

// Parse reads a date typed in a roster cell: 1985-03-12, 1985/3/12, 1985.03.12, 1985年3月12日,
// 19850312, or only year and month (1985-03, 1985.3, 1985/03, 1985年3月, 198503), with full-width
// digits and surrounding spaces allowed. A year and month means the 1st of that month, with
// MonthOnly set and a note. An empty string gives a zero Result and no error.
func Parse(s string) (Result, error) {
	orig := strings.TrimSpace(s)
	t := fold(s)
	if t == "" {
		return Result{}, nil
	}
	// A time of day after the date ("1985-03-12 00:00:00") is dropped.
	if m := reTime.FindStringSubmatch(t); m != nil {
		t = strings.TrimSpace(m[1])
	}
	t = strings.Join(strings.Fields(t), "")

	var ys, ms, ds string
	if m := reSep.FindStringSubmatch(t); m != nil {
		if m[4] != "" && m[4] != m[2] {
			return Result{}, unknown(orig)
		}
		ys, ms, ds = m[1], m[3], m[5]
	} else if m := reHanzi.FindStringSubmatch(t); m != nil {
		ys, ms, ds = m[1], m[2], m[3]
	} else if reDigits.MatchString(t) && len(t) == 8 {
		ys, ms, ds = t[0:4], t[4:6], t[6:8]
	} else if reDigits.MatchString(t) && len(t) == 6 {
		ys, ms = t[0:4], t[4:6]
	} else {
		return Result{}, unknown(orig)
	}

	y, _ := strconv.Atoi(ys)
	mo, _ := strconv.Atoi(ms)
	if ds == "" {
		d, err := check(orig, y, mo, 1)
		if err != nil {
			return Result{}, err
		}
		r := Result{Date: d, MonthOnly: true, Note: NoteMonthOnly}
		if mo == 1 && ms == "1" && strings.Contains(t, ".") {
			r.LostZero = true
			r.Note += fmt.Sprintf("；“%s”也可能是被 Excel 当作数字保存后丢了末尾 0 的 %d.10，已按1月计，请核对", orig, y)
		}
		return r, nil
	}
	day, _ := strconv.Atoi(ds)
	d, err := check(orig, y, mo, day)
	if err != nil {
		return Result{}, err
	}
	return Result{Date: d}, nil
}

// check validates year, month and day and returns the date at UTC midnight.
func check(orig string, y, m, d int) (time.Time, error) {
	if y < MinYear || y > MaxYear {
		return time.Time{}, fmt.Errorf("日期“%s”的年份 %d 超出范围，应在 %d 至 %d 年之间，请核对", orig, y, MinYear, MaxYear)
	}
	if m < 1 || m > 12 {
		return time.Time{}, fmt.Errorf("日期“%s”的月份 %d 不存在，月份应为 1 至 12，请核对", orig, m)
	}
	t := Date(y, time.Month(m), d)
	if d < 1 || t.Day() != d {
		last := Date(y, time.Month(m)+1, 0).Day()
		return time.Time{}, fmt.Errorf("日期“%s”不存在：%d年%d月只有 %d 天，请核对", orig, y, m, last)
	}
	return t, nil
}

func unknown(orig string) error {
	return fmt.Errorf("无法识别的日期“%s”，请写成 1985-03-12 或 1985年3月12日（只知道年月时写 1985-03 或 1985年3月）", orig)
}

// fold trims the text and turns full-width digits, letters and punctuation into ASCII.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000 || r == 0x00A0:
			r = ' '
		case r == '。':
			r = '.'
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// excelEpoch is serial 0 for serials after the fake 1900-02-29 (serial 60).
var excelEpoch = Date(1899, 12, 30)

// maxSerial is the serial of 2100-12-31.
var maxSerial = ToExcelSerial(Date(MaxYear, 12, 31))

// FromExcelSerial converts an Excel (1900 date system) serial number to a date, ignoring the time of day.
// Excel counts the non-existent 1900-02-29 as serial 60, so that serial is an error and later serials are shifted back one day.
func FromExcelSerial(v float64) (time.Time, error) {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < 1 || math.Floor(v) > maxSerial {
		return time.Time{}, fmt.Errorf("单元格的日期值 %v 超出范围（应对应 1900-01-01 至 2100-12-31），请检查该单元格是否真是日期", v)
	}
	n := int(math.Floor(v))
	switch {
	case n == 60:
		return time.Time{}, errors.New("单元格的日期是 Excel 虚构的 1900-02-29（该日不存在），请改为正确的日期")
	case n < 60:
		return excelEpoch.AddDate(0, 0, n+1), nil
	default:
		return excelEpoch.AddDate(0, 0, n), nil
	}
}

// ToExcelSerial converts a date to its Excel (1900 date system) serial number; the zero date gives 0.
func ToExcelSerial(t time.Time) float64 {
	if t.IsZero() {
		return 0
	}
	d := Date(t.Year(), t.Month(), t.Day())
	n := math.Round(d.Sub(excelEpoch).Hours() / 24)
	if d.Before(Date(1900, 3, 1)) {
		n--
	}
	return n
}

// YearsBetween counts the full years from from to to (age, 党龄); it is 0 if either date is unknown and negative if to is before from.
func YearsBetween(from, to time.Time) int {
	if from.IsZero() || to.IsZero() {
		return 0
	}
	if to.Before(from) {
		return -YearsBetween(to, from)
	}
	n := to.Year() - from.Year()
	if to.Month() < from.Month() || (to.Month() == from.Month() && to.Day() < from.Day()) {
		n--
	}
	return n
}
