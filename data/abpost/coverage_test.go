package abpost

import (
	"context"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/civil"
	"dangjian/data/storetest"
)

// fixture is a real database with one department, three staff and one item (A 张三, B 李四),
// a holiday on Wednesday 4 March 2026 and Saturday 7 March 2026 as an adjusted working day.
type fixture struct {
	s               *data.Store
	zhang, li, wang int64
	item            *Item
	ctx             context.Context
}

func d(m time.Month, day int) time.Time { return civil.Date(2026, m, day) }

func newFixture(t testing.TB) *fixture {
	t.Helper()
	s := storetest.Open(t, time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local))
	f := &fixture{s: s, ctx: context.Background()}
	ids := map[string]int64{}
	for _, n := range []string{"张三", "李四", "王五"} {
		p := data.Person{Name: n, UnitName: "科研处"}
		if err := s.SavePerson(f.ctx, &p); err != nil {
			t.Fatal(err)
		}
		ids[n] = p.ID
	}
	f.zhang, f.li, f.wang = ids["张三"], ids["李四"], ids["王五"]
	f.item = &Item{Name: "科研项目申报审核", Dept: "科研处", Door: "综合服务大厅1号窗口", TimeLimit: 3, AID: f.zhang, BID: f.li}
	if err := SaveItem(f.ctx, s, f.item, d(1, 1), "院长办公会批准"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []CalendarDay{{Day: d(3, 4), Name: "测试假日"}, {Day: d(3, 7), Working: true, Name: "调休上班"}} {
		if err := SaveCalendarDay(f.ctx, s, c); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func (f *fixture) away(t testing.TB, person int64, from, to time.Time) []Warning {
	t.Helper()
	w, err := RecordAbsence(f.ctx, f.s, &Absence{PersonID: person, From: from, To: to, Kind: "请假", HandedOver: true})
	if err != nil {
		t.Fatalf("record absence %s–%s: %v", from.Format("01-02"), to.Format("01-02"), err)
	}
	return w
}

// coverage is ComputeCoverage over from–to; the test stops when it fails.
func (f *fixture) coverage(t testing.TB, from, to time.Time) *Coverage {
	t.Helper()
	cov, err := ComputeCoverage(f.ctx, f.s, from, to)
	if err != nil {
		t.Fatal(err)
	}
	return cov
}

// rates is ComputeRates over from–to; the test stops when it fails.
func (f *fixture) rates(t testing.TB, from, to time.Time) Rates {
	t.Helper()
	r, err := ComputeRates(f.ctx, f.s, from, to)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCoverageOnEdgeDays(t *testing.T) {
	type span struct {
		who      string
		from, to time.Time
	}
	cases := []struct {
		name    string
		absent  []span
		on      time.Time
		state   State
		server  string
		service bool
	}{
		{"nobody away: A serves", nil, d(3, 2), StateA, "张三", true},
		{"A's absence starts that day: B covers", []span{{"A", d(3, 2), d(3, 3)}}, d(3, 2), StateB, "李四", true},
		{"A's absence ends that day: B still covers", []span{{"A", d(3, 2), d(3, 3)}}, d(3, 3), StateB, "李四", true},
		{"the day after A's absence: A is back", []span{{"A", d(3, 2), d(3, 3)}}, d(3, 5), StateA, "张三", true},
		{"A's absence ended on Sunday: A serves Monday", []span{{"A", d(2, 25), d(3, 1)}}, d(3, 2), StateA, "张三", true},
		{"A and B both away: gap", []span{{"A", d(2, 27), d(3, 2)}, {"B", d(3, 2), d(3, 2)}}, d(3, 2), StateGap, "", true},
		{"B away, A present: A serves", []span{{"B", d(3, 2), d(3, 6)}}, d(3, 3), StateA, "张三", true},
		{"adjusted working Saturday with both away: gap", []span{{"A", d(3, 7), d(3, 7)}, {"B", d(3, 6), d(3, 7)}}, d(3, 7), StateGap, "", true},
		{"adjusted working Saturday, A away: B covers", []span{{"A", d(3, 7), d(3, 8)}}, d(3, 7), StateB, "李四", true},
		{"holiday with both away: not a service day", []span{{"A", d(3, 4), d(3, 4)}, {"B", d(3, 4), d(3, 4)}}, d(3, 4), 0, "", false},
		{"Sunday with both away: not a service day", []span{{"A", d(3, 8), d(3, 8)}, {"B", d(3, 8), d(3, 8)}}, d(3, 8), 0, "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			for _, a := range tc.absent {
				who := f.zhang
				if a.who == "B" {
					who = f.li
				}
				f.away(t, who, a.from, a.to)
			}
			cov := f.coverage(t, tc.on, tc.on)
			if !tc.service {
				if len(cov.Days) != 0 || cov.GapDays() != 0 {
					t.Fatalf("%s should not be a service day, got days %v gaps %d", tc.on.Format("01-02"), cov.Days, cov.GapDays())
				}
				return
			}
			if len(cov.Days) != 1 || len(cov.Items) != 1 {
				t.Fatalf("want one day and one item, got %d days %d items", len(cov.Days), len(cov.Items))
			}
			cell := cov.Cells[0][0]
			if cell.State != tc.state || cov.Name(cell.Server()) != tc.server {
				t.Fatalf("state %v server %q, want %v %q", cell.State, cov.Name(cell.Server()), tc.state, tc.server)
			}
			if gap := tc.state == StateGap; gap != hasWarning(cov.Warnings, WarnGap) {
				t.Fatalf("gap warning present = %v, want %v: %v", !gap, gap, cov.Warnings)
			}
		})
	}
}

func hasWarning(ws []Warning, kind string) bool {
	for _, w := range ws {
		if w.Kind == kind {
			return true
		}
	}
	return false
}

func TestServiceDaysFollowHolidaysAndAdjustedSaturdays(t *testing.T) {
	f := newFixture(t)
	cal, err := LoadCalendar(context.Background(), f.s)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range cal.ServiceDays(d(3, 2), d(3, 8)) {
		got = append(got, x.Format("01-02"))
	}
	if want := "03-02 03-03 03-05 03-06 03-07"; strings.Join(got, " ") != want {
		t.Fatalf("service days %v, want %s", got, want)
	}
	// A three-working-day limit from Tuesday: skips the holiday, counts the working Saturday.
	if due := cal.AddServiceDays(d(3, 3), 3); !due.Equal(d(3, 7)) {
		t.Fatalf("due %s, want 03-07", due.Format("01-02"))
	}
}

func TestAssignmentChangesAreDated(t *testing.T) {
	f := newFixture(t)
	f.item.AID = f.wang
	if err := SaveItem(f.ctx, f.s, f.item, d(3, 9), "人员调整报备"); err != nil {
		t.Fatal(err)
	}
	cov := f.coverage(t, d(3, 6), d(3, 9))
	first, last := cov.Cells[0][0], cov.Cells[0][len(cov.Days)-1]
	if cov.Name(first.Server()) != "张三" || cov.Name(last.Server()) != "王五" {
		t.Fatalf("server on 03-06 %q and on 03-09 %q, want 张三 then 王五", cov.Name(first.Server()), cov.Name(last.Server()))
	}
	hist, err := Assignments(context.Background(), f.s, f.item.ID)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, a := range hist {
		lines = append(lines, a.Role+a.Name+data.DateText(a.From)+"~"+data.DateText(a.To))
	}
	want := "A张三2026-01-01~2026-03-08 B李四2026-01-01~ A王五2026-03-09~"
	if strings.Join(lines, " ") != want {
		t.Fatalf("报备 record %v, want %s", lines, want)
	}
	past, _ := ItemByID(context.Background(), f.s, f.item.ID, d(2, 1))
	if past.AName != "张三" {
		t.Fatalf("A on 02-01 is %q, want 张三", past.AName)
	}
}

func TestSameItemSameAandBRefused(t *testing.T) {
	f := newFixture(t)
	it := Item{Name: "横向合同审核", Dept: "科研处", Door: "1号窗口", AID: f.li, BID: f.li}
	err := SaveItem(f.ctx, f.s, &it, d(3, 2), "")
	if v, ok := data.AsInvalid(err); !ok || v.For("BID") == "" {
		t.Fatalf("same A and B: want a BID field error, got %v", err)
	}
	if items, _ := Items(context.Background(), f.s, ItemFilter{}, d(3, 2)); len(items) != 1 {
		t.Fatalf("refused item was saved: %d items", len(items))
	}
}
