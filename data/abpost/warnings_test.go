package abpost

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dangjian/data"
)

func TestAbsenceThatLeavesAnItemEmptyIsSavedWithWarning(t *testing.T) {
	f := newFixture(t)
	f.away(t, f.li, d(3, 5), d(3, 6))
	ws := f.away(t, f.zhang, d(3, 6), d(3, 9))
	var gap *Warning
	for i := range ws {
		if ws[i].Kind == WarnGap {
			gap = &ws[i]
		}
	}
	if gap == nil {
		t.Fatalf("no gap warning for A away while B is away: %v", ws)
	}
	if !strings.Contains(gap.Message, "科研项目申报审核") || !strings.Contains(gap.Message, "3月6日") || len(gap.Days) != 1 {
		t.Fatalf("gap warning should name the item and 3月6日 only: %+v", gap)
	}
	list, _ := Absences(context.Background(), f.s, AbsenceFilter{PersonID: f.zhang})
	if len(list) != 1 {
		t.Fatalf("the absence must be saved despite the warning, got %d", len(list))
	}
}

func TestAbsenceRefusals(t *testing.T) {
	f := newFixture(t)
	f.away(t, f.zhang, d(3, 2), d(3, 6))
	cases := []struct {
		name string
		a    Absence
		want string
	}{
		{"ends before it starts", Absence{PersonID: f.li, From: d(3, 6), To: d(3, 2), Kind: "请假"}, "早于开始日期"},
		{"overlaps the same person's absence", Absence{PersonID: f.zhang, From: d(3, 6), To: d(3, 10), Kind: "出差"}, "重叠"},
		{"unknown kind", Absence{PersonID: f.li, From: d(3, 2), To: d(3, 2), Kind: "旅游"}, "类别须为"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := RecordAbsence(f.ctx, f.s, &tc.a)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want refusal containing %q, got %v", tc.want, err)
			}
			if list, _ := Absences(context.Background(), f.s, AbsenceFilter{}); len(list) != 1 {
				t.Fatalf("refused absence changed the records: %d absences", len(list))
			}
		})
	}
	// Adjacent absences (one ends the day before the next starts) are fine.
	f.away(t, f.zhang, d(3, 7), d(3, 7))
}

func TestEndAbsence(t *testing.T) {
	f := newFixture(t)
	f.away(t, f.zhang, d(3, 2), d(3, 13))
	list, _ := Absences(context.Background(), f.s, AbsenceFilter{})
	if err := EndAbsence(f.ctx, f.s, list[0].ID, d(3, 5)); err != nil {
		t.Fatal(err)
	}
	cov, _ := ComputeCoverage(context.Background(), f.s, d(3, 5), d(3, 5))
	if cov.Cells[0][0].State != StateA {
		t.Fatalf("after 销假 on 03-05 A should serve, got %v", cov.Cells[0][0].State)
	}
	if err := EndAbsence(f.ctx, f.s, list[0].ID, d(3, 20)); err == nil {
		t.Fatal("ending after the absence already ended should be refused")
	}
}

func TestHandoverDayWarning(t *testing.T) {
	f := newFixture(t)
	// A leaves on Monday 9 March; the last service day before is the adjusted working Saturday 7 March.
	f.away(t, f.li, d(3, 7), d(3, 7))
	f.away(t, f.zhang, d(3, 9), d(3, 10))
	cov := f.coverage(t, d(3, 2), d(3, 13))
	for _, w := range cov.Warnings {
		if w.Kind == WarnHandover {
			if w.Person != "李四" || len(w.Days) != 1 || !w.Days[0].Equal(d(3, 7)) {
				t.Fatalf("handover warning should name B 李四 on 03-07: %+v", w)
			}
			return
		}
	}
	t.Fatalf("no handover warning: %v", cov.Warnings)
}

func TestCatalogueWarnings(t *testing.T) {
	f := newFixture(t)
	noB := Item{Name: "科研成果登记", Dept: "科研处", Door: "1号窗口", AID: f.wang}
	twoDoors := Item{Name: "横向合同审核", Dept: "科研处", Door: "1号窗口、3号窗口", AID: f.wang, BID: f.li}
	for _, it := range []*Item{&noB, &twoDoors} {
		if err := SaveItem(f.ctx, f.s, it, d(1, 1), ""); err != nil {
			t.Fatal(err)
		}
	}
	// 李四 is B of six more items; with 张三 away he carries seven alone.
	for i := 0; i < 5; i++ {
		it := Item{Name: "事项" + string(rune('甲'+i)), Dept: "科研处", Door: "2号窗口", AID: f.zhang, BID: f.li}
		if err := SaveItem(f.ctx, f.s, &it, d(1, 1), ""); err != nil {
			t.Fatal(err)
		}
	}
	f.away(t, f.zhang, d(3, 3), d(3, 3))
	cov := f.coverage(t, d(3, 2), d(3, 3))
	got := map[string]Warning{}
	for _, w := range cov.Warnings {
		got[w.Kind] = w
	}
	if w := got[WarnNoB]; w.Item != "科研成果登记" {
		t.Errorf("no-B warning should name 科研成果登记: %+v", w)
	}
	if w := got[WarnDoors]; w.Item != "横向合同审核" {
		t.Errorf("doors warning should name 横向合同审核: %+v", w)
	}
	if w := got[WarnSole]; w.Person != "李四" || len(w.Days) != 1 || !w.Days[0].Equal(d(3, 3)) {
		t.Errorf("sole-cover warning should name 李四 on 03-03 only: %+v", w)
	}
	r := f.rates(t, d(3, 2), d(3, 3))
	if r != (Rates{Items: 8, WithAB: 7, SingleDoor: 7, GapDays: 0}) {
		t.Errorf("rates %+v", r)
	}
	by, _ := ComputeRatesByDept(context.Background(), f.s, d(3, 2), d(3, 3))
	if by["科研处"] != r {
		t.Errorf("by department %+v, want the one department to hold all: %+v", by, r)
	}
}

func TestRatesCountGapDays(t *testing.T) {
	f := newFixture(t)
	f.away(t, f.zhang, d(3, 2), d(3, 8))
	f.away(t, f.li, d(3, 6), d(3, 13))
	// Gap on 03-06 (Fri) and 03-07 (working Sat); 03-08 is Sunday.
	r := f.rates(t, d(3, 1), d(3, 31))
	if r.GapDays != 2 {
		t.Fatalf("gap days %d, want 2", r.GapDays)
	}
	if _, err := RecordAbsence(f.ctx, f.s, &Absence{PersonID: 999, From: d(3, 2), To: d(3, 2), Kind: "请假"}); err == nil || errors.Is(err, data.ErrNotFound) {
		t.Fatalf("unknown person: want a field error, got %v", err)
	}
}

func FuzzParseTimeLimit(f *testing.F) {
	for _, s := range []string{"3", "3个工作日", "即办", "１５天", "", "abc", "99999", "-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseTimeLimit(s)
		if err == nil && (n < 0 || n > 9999) {
			t.Fatalf("%q gave %d", s, n)
		}
		if err != nil && !strings.Contains(err.Error(), "办理时限") {
			t.Fatalf("message should name the field: %v", err)
		}
	})
}
