package sheets

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data/abpost"
	"dangjian/data/civil"
)

func TestReadHolidays(t *testing.T) {
	path := writeBook(t, filepath.Join(t.TempDir(), "h.xlsx"), sheetSpec{name: "2026", rows: [][]any{
		{"日期", "类型"},
		{civil.Date(2026, 10, 1), "国庆节"},
		{"2026-10-02", "放假"},
		{"2026年10月10日", "调休上班"},
		{"2026/9/27", "班"},
		{"2026-10-03", "出去玩"},
		{"2026-10-02", "休"},
		{"2026-13-01", "放假"},
	}})
	days, errs, err := ReadHolidays(path)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range days {
		got = append(got, civil.Format(d.Day)+map[bool]string{true: "班", false: "休"}[d.Working])
	}
	if want := "2026-10-01休 2026-10-02休 2026-10-10班 2026-09-27班"; strings.Join(got, " ") != want {
		t.Fatalf("days %v, want %s", got, want)
	}
	if len(errs) != 3 || errs[0].Line != 6 || errs[1].Line != 7 || errs[2].Line != 8 {
		t.Fatalf("errors %v, want lines 6 (unknown kind), 7 (duplicate), 8 (bad date)", errs)
	}
	cal := abpost.NewCalendar(days)
	if cal.ServiceDay(civil.Date(2026, 10, 1)) || !cal.ServiceDay(civil.Date(2026, 10, 10)) || !cal.ServiceDay(civil.Date(2026, 10, 9)) {
		t.Fatal("calendar does not follow the imported days")
	}
}

func FuzzParseHolidayRows(f *testing.F) {
	f.Add("2026-10-01", "国庆节")
	f.Add("46296", "上班")
	f.Add("2026年2月", "春节")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, date, kind string) {
		days, errs := ParseHolidayRows([][]string{{date, kind}, {date, kind}})
		if len(days)+len(errs) > 2 {
			t.Fatalf("more results than rows: %v %v", days, errs)
		}
		for _, d := range days {
			if d.Day.IsZero() || d.Day.Location() != time.UTC || d.Day.Hour() != 0 {
				t.Fatalf("bad day %v from %q", d.Day, date)
			}
		}
		if len(days) == 2 {
			t.Fatalf("a repeated date must be reported, not stored twice: %q", date)
		}
	})
}

func FuzzReadABSheet(f *testing.F) {
	f.Add("部门", "服务事项", "科研处", "科研项目申报审核", "3个工作日", "陈静")
	f.Add("处室", "事项名称", "", "", "即办", "")
	f.Fuzz(func(t *testing.T, h1, h2, dept, item, limit, a string) {
		rows, ok := readABSheet("s", [][]string{{h1, h2, "办理时限", "A岗"}, {dept, item, limit, a}, {"", item}})
		if !ok {
			return
		}
		for _, r := range rows {
			if r.Line < 2 {
				t.Fatalf("data row numbered %d", r.Line)
			}
			if n, err := abpost.ParseTimeLimit(r.TimeLimit); err == nil && n < 0 {
				t.Fatalf("negative limit from %q", r.TimeLimit)
			}
		}
	})
}
