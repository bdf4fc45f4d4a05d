package civil

import (
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	d := func(y, m, dd int) time.Time { return Date(y, time.Month(m), dd) }
	ok := []struct {
		in        string
		want      time.Time
		monthOnly bool
	}{
		{"1985-03-12", d(1985, 3, 12), false},
		{"1985/3/12", d(1985, 3, 12), false},
		{"1985.03.12", d(1985, 3, 12), false},
		{"1985.3.12", d(1985, 3, 12), false},
		{"1985年3月12日", d(1985, 3, 12), false},
		{"1985年03月12号", d(1985, 3, 12), false},
		{"19850312", d(1985, 3, 12), false},
		{"  1985-03-12\t", d(1985, 3, 12), false},
		{"　１９８５－０３－１２　", d(1985, 3, 12), false},
		{"１９８５年３月１２日", d(1985, 3, 12), false},
		{"1985。3。12", d(1985, 3, 12), false},
		{"1985 年 3 月 12 日", d(1985, 3, 12), false},
		{"1985-03-12 00:00:00", d(1985, 3, 12), false},
		{"1985/3/12 0:00", d(1985, 3, 12), false},
		{"2000-02-29", d(2000, 2, 29), false},
		{"1900-01-01", d(1900, 1, 1), false},
		{"2100-12-31", d(2100, 12, 31), false},
		{"1985-3", d(1985, 3, 1), true},
		{"1985.03", d(1985, 3, 1), true},
		{"1985/03", d(1985, 3, 1), true},
		{"1985年3月", d(1985, 3, 1), true},
		{"198503", d(1985, 3, 1), true},
		{"1985.10", d(1985, 10, 1), true},
	}
	for _, c := range ok {
		r, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if !r.Date.Equal(c.want) || r.Date.Location() != time.UTC || r.MonthOnly != c.monthOnly {
			t.Errorf("Parse(%q) = %+v, want %v monthOnly=%v", c.in, r, c.want, c.monthOnly)
		}
		if c.monthOnly && !strings.HasPrefix(r.Note, NoteMonthOnly) {
			t.Errorf("Parse(%q) note %q", c.in, r.Note)
		}
		if !c.monthOnly && r.Note != "" {
			t.Errorf("Parse(%q) unexpected note %q", c.in, r.Note)
		}
	}

	bad := []struct{ in, msg string }{
		{"1985-02-30", "只有 28 天"},
		{"1900-02-29", "只有 28 天"},
		{"1985-13-01", "月份 13"},
		{"1985-00", "月份 0"},
		{"1985-01-00", "不存在"},
		{"1899-12-31", "1900 至 2100"},
		{"2101-01", "1900 至 2100"},
		{"85-03-12", "无法识别"},
		{"1985-03/12", "无法识别"},
		{"1985年3月12", "无法识别"},
		{"abc", "请写成 1985-03-12 或 1985年3月12日"},
		{"1985", "无法识别"},
		{"1985031", "无法识别"},
		{"3月12日", "无法识别"},
		{"1985-03-12x", "无法识别"},
	}
	for _, c := range bad {
		_, err := Parse(c.in)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("Parse(%q) err = %v, want containing %q", c.in, err, c.msg)
		}
	}

	r, err := Parse("  \u3000 ")
	if err != nil || r != (Result{}) {
		t.Errorf("Parse(blank) = %+v, %v", r, err)
	}
	r, _ = Parse("1985.1")
	if !strings.Contains(r.Note, "1985.10") || !r.LostZero {
		t.Errorf("Parse(1985.1) should warn about 1985.10, note %q, LostZero %v", r.Note, r.LostZero)
	}
	if r, _ = Parse("1985.01"); r.LostZero {
		t.Errorf("Parse(1985.01) is January written whole, not a lost 0: %+v", r)
	}
}

func TestParseISO(t *testing.T) {
	got, err := ParseISO("2024-02-29")
	if err != nil || !got.Equal(Date(2024, 2, 29)) {
		t.Errorf("ParseISO = %v, %v", got, err)
	}
	for _, s := range []string{"2024-2-29", "2023-02-29", "2024/02/29", "20240229", "", "2024-02-29 ", "１９８５-03-12"} {
		if _, err := ParseISO(s); err == nil {
			t.Errorf("ParseISO(%q) accepted", s)
		}
	}
}

func TestFormat(t *testing.T) {
	if Format(time.Time{}) != "" {
		t.Error("zero should format as empty")
	}
	if got := Format(Date(1985, 3, 2)); got != "1985-03-02" {
		t.Errorf("Format = %q", got)
	}
}

func TestExcelSerial(t *testing.T) {
	cases := []struct {
		serial float64
		want   time.Time
	}{
		{1, Date(1900, 1, 1)},
		{59, Date(1900, 2, 28)},
		{61, Date(1900, 3, 1)},
		{31118, Date(1985, 3, 12)},
		{31118.75, Date(1985, 3, 12)},
		{45292, Date(2024, 1, 1)},
		{73415, Date(2100, 12, 31)},
	}
	for _, c := range cases {
		got, err := FromExcelSerial(c.serial)
		if err != nil || !got.Equal(c.want) {
			t.Errorf("FromExcelSerial(%v) = %v, %v; want %v", c.serial, got, err, c.want)
		}
		if back := ToExcelSerial(c.want); back != float64(int(c.serial)) {
			t.Errorf("ToExcelSerial(%v) = %v, want %v", c.want, back, int(c.serial))
		}
	}
	for _, v := range []float64{0, 0.5, -1, 60, 60.5, 73416} {
		if _, err := FromExcelSerial(v); err == nil {
			t.Errorf("FromExcelSerial(%v) accepted", v)
		}
	}
	if ToExcelSerial(time.Time{}) != 0 {
		t.Error("zero date should be serial 0")
	}
	// Round trip over the whole range.
	for n := 1.0; n <= 73415; n++ {
		if n == 60 {
			continue
		}
		d, err := FromExcelSerial(n)
		if err != nil || ToExcelSerial(d) != n {
			t.Fatalf("round trip %v: %v %v", n, d, err)
		}
	}
}

func TestYearsBetween(t *testing.T) {
	cases := []struct {
		from, to time.Time
		want     int
	}{
		{Date(1985, 3, 12), Date(2025, 3, 11), 39},
		{Date(1985, 3, 12), Date(2025, 3, 12), 40},
		{Date(2000, 2, 29), Date(2001, 2, 28), 0},
		{Date(2000, 2, 29), Date(2001, 3, 1), 1},
		{Date(2000, 2, 29), Date(2004, 2, 29), 4},
		{Date(2025, 1, 1), Date(2020, 1, 1), -5},
		{time.Time{}, Date(2020, 1, 1), 0},
		{Date(2020, 1, 1), time.Time{}, 0},
	}
	for _, c := range cases {
		if got := YearsBetween(c.from, c.to); got != c.want {
			t.Errorf("YearsBetween(%v, %v) = %d, want %d", Format(c.from), Format(c.to), got, c.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"1985-03-12", "1985/3/12", "1985.03", "1985年3月12日", "19850312", "198503",
		"１９８５－０３", "1985-02-30", "", " 2000-02-29 00:00:00", "1985.1", "x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := Parse(s)
		if err != nil {
			if r != (Result{}) {
				t.Fatalf("error with non-zero result %+v", r)
			}
			return
		}
		if r.Date.IsZero() {
			if strings.TrimSpace(fold(s)) != "" {
				t.Fatalf("accepted %q with zero date", s)
			}
			return
		}
		if r.Date.Location() != time.UTC || r.Date.Hour() != 0 || r.Date.Minute() != 0 || r.Date.Second() != 0 || r.Date.Nanosecond() != 0 {
			t.Fatalf("%q: not UTC midnight: %v", s, r.Date)
		}
		if y := r.Date.Year(); y < MinYear || y > MaxYear {
			t.Fatalf("%q: year %d out of range", s, y)
		}
		iso := Format(r.Date)
		again, err := Parse(iso)
		if err != nil || !again.Date.Equal(r.Date) || again.MonthOnly {
			t.Fatalf("%q -> %q -> %+v, %v", s, iso, again, err)
		}
		if d, err := ParseISO(iso); err != nil || !d.Equal(r.Date) {
			t.Fatalf("ParseISO(%q) = %v, %v", iso, d, err)
		}
	})
}
