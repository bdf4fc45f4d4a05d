package data

import (
	"context"
	"strings"
	"testing"
	"time"

	"dangjian/data/civil"
)

// Rules the window used to check on its own are the store's: the command line and any other
// caller meet the same refusals, and a refusal changes nothing.

func TestAbolishAndEndSeatRequireAReason(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	b := f.org(0, TypeBranch, "待撤销党支部", "", "")
	for _, reason := range []string{"", "  \u3000"} {
		if err := f.s.AbolishOrg(ctx, b.ID, civil.Date(2026, 11, 1), reason); err == nil || !strings.Contains(err.Error(), "撤销原因") {
			t.Errorf("abolish with reason %q: %v, want 请填写撤销原因", reason, err)
		}
	}
	if o, _ := f.s.Org(ctx, b.ID); !o.Live() {
		t.Error("abolished without a reason")
	}
	c := f.org(0, TypeBranch, "有支委的党支部", "", "")
	ms := f.fullMembers(c, 3)
	f.committee(c, civil.Date(2025, 1, 1), map[string]int64{"书记": ms[0].Person.ID})
	terms, _ := f.s.Terms(ctx, c.ID)
	seat := terms[0].Seats
	if err := f.s.EndSeat(ctx, seat[0].ID, civil.Date(2026, 1, 1), " "); err == nil || !strings.Contains(err.Error(), "免职原因") {
		t.Errorf("end seat without a reason: %v", err)
	}
	if err := f.s.EndSeat(ctx, seat[0].ID, civil.Date(2026, 1, 1), "工作调动"); err != nil {
		t.Fatal(err)
	}
	log, _ := f.s.AuditLog(ctx, AuditFilter{Action: "免职"})
	if len(log) != 1 || log[0].Reason != "工作调动" {
		t.Errorf("免职 log %+v", log)
	}
}

func TestFoundingDateNotInTheFuture(t *testing.T) {
	f := newFixture(t)
	o := Org{TypeCode: TypeBranch, Name: "明日党支部", Founded: f.s.Today().AddDate(0, 0, 1)}
	err := f.s.SaveOrg(context.Background(), &o)
	if v, ok := AsInvalid(err); !ok || !strings.Contains(v.For("Founded"), "不能晚于今天") {
		t.Errorf("founded tomorrow: %v", err)
	}
	o.Founded = f.s.Today()
	if err := f.s.SaveOrg(context.Background(), &o); err != nil {
		t.Errorf("founded today: %v", err)
	}
}

func TestTemporaryMembershipEndsAfterItStarts(t *testing.T) {
	f := newFixture(t)
	home := f.org(0, TypeBranch, "本支部", "", "")
	ms := f.fullMembers(home, 3)
	temp := f.org(0, TypeTempBranch, "任务临时党支部", "", "")
	ids := []int64{ms[0].Person.ID}
	err := f.s.AddTempMembers(context.Background(), temp.ID, ids, civil.Date(2026, 5, 1), civil.Date(2026, 4, 30))
	if err == nil || !strings.Contains(err.Error(), "早于编入日期") {
		t.Errorf("to before from: %v", err)
	}
	if err := f.s.AddTempMembers(context.Background(), temp.ID, ids, civil.Date(2026, 5, 1), civil.Date(2026, 5, 1)); err != nil {
		t.Errorf("one-day secondment: %v", err)
	}
	if tm, _ := f.s.TempMembers(context.Background(), temp.ID); len(tm) != 1 {
		t.Errorf("%d temporary members, want the one valid secondment", len(tm))
	}
}

func TestTransferAndStatusChangeAreDatedNoLaterThanToday(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a := f.org(0, TypeBranch, "甲支部", "", "")
	b := f.org(0, TypeBranch, "乙支部", "", "")
	m := f.member(a, "赵一", CategoryFull, civil.Date(2010, 5, 1), nil)
	tomorrow := f.s.Today().AddDate(0, 0, 1)
	if err := f.s.TransferMember(ctx, m.Person.ID, b.ID, tomorrow, "岗位调整"); err == nil || !strings.Contains(err.Error(), "晚于今天") {
		t.Errorf("transfer dated tomorrow: %v", err)
	}
	if err := f.s.SetStatus(ctx, m.Person.ID, StatusHistory, tomorrow, "退休"); err == nil || !strings.Contains(err.Error(), "晚于今天") {
		t.Errorf("status change dated tomorrow: %v", err)
	}
	if err := f.s.SetStatus(ctx, m.Person.ID, StatusHistory, time.Time{}, "退休"); err == nil || !strings.Contains(err.Error(), "请填写日期") {
		t.Errorf("status change without a date: %v", err)
	}
	if got, _ := f.s.Member(ctx, m.Person.ID); got.BranchID != a.ID || got.Status != StatusNormal {
		t.Errorf("refused actions changed the member: %+v", got.Membership)
	}
	if err := f.s.TransferMember(ctx, m.Person.ID, b.ID, f.s.Today(), "岗位调整"); err != nil {
		t.Errorf("transfer dated today: %v", err)
	}
}
