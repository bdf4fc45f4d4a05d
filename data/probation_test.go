package data

import (
	"context"
	"strings"
	"testing"

	"dangjian/data/civil"
)

// The three decisions on a probationary member: each dated with the 支部大会 and 党委审批, kept in
// the member's record and the audit log, and the 预备期满 rule follows the decision.
func TestProbationDecisions(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t) // today is 2026-11-28
	root := f.org(0, TypeCommittee, "院党委", "", "")
	b := f.org(root.ID, TypeBranch, "第一党支部", "一室", "实验室")
	f.fullMembers(b, 3)
	late := f.member(b, "李延", CategoryProbation, civil.Date(2025, 6, 1), nil)  // due 2026-06-01
	ready := f.member(b, "王正", CategoryProbation, civil.Date(2025, 3, 1), nil) // due 2026-03-01
	gone := f.member(b, "赵消", CategoryProbation, civil.Date(2025, 4, 1), nil)  // due 2026-04-01
	due := func(id int64) string {
		m, err := f.s.Member(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return DateText(m.ProbationDue())
	}
	flagged := func(id int64) bool {
		fs, err := f.s.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range fs {
			if x.Rule == RuleProbationDue && x.PersonID == id {
				return true
			}
		}
		return false
	}
	if !flagged(late.Person.ID) {
		t.Fatal("李延's probation ended 2026-06-01 and is not flagged 预备期满未转正")
	}

	// 延长预备期: six months from the end of the year, once, with a reason.
	ext := ProbationDecision{Meeting: civil.Date(2026, 6, 5), Approved: civil.Date(2026, 6, 20), Months: 6}
	if err := f.s.ExtendProbation(ctx, late.Person.ID, ext); err == nil || !strings.Contains(err.Error(), "原因") {
		t.Errorf("extending without a reason: %v, want a request for the reason", err)
	}
	ext.Reason = "理论学习不够，需继续考察"
	for _, months := range []int{3, 13} {
		d := ext
		d.Months = months
		if err := f.s.ExtendProbation(ctx, late.Person.ID, d); err == nil {
			t.Errorf("extending by %d months was accepted; the rules allow 6 to 12", months)
		}
	}
	if err := f.s.ExtendProbation(ctx, late.Person.ID, ext); err != nil {
		t.Fatal(err)
	}
	if got := due(late.Person.ID); got != "2026-12-01" {
		t.Errorf("extended probation ends %s, want 2026-12-01", got)
	}
	if flagged(late.Person.ID) {
		t.Error("李延 is still flagged 预备期满 after the probation was extended to 2026-12-01")
	}
	if err := f.s.ExtendProbation(ctx, late.Person.ID, ext); err == nil || !strings.Contains(err.Error(), "只能延长一次") {
		t.Errorf("a second extension: %v, want 预备期只能延长一次", err)
	}
	// The extended probation has not ended yet: no 转正 before 2026-12-01.
	early := ProbationDecision{Meeting: civil.Date(2026, 11, 20), Approved: civil.Date(2026, 11, 25)}
	if err := f.s.ConfirmFullMember(ctx, late.Person.ID, early); err == nil || !strings.Contains(err.Error(), "2026-12-01") {
		t.Errorf("转正 before the extended probation ended: %v", err)
	}

	// 转正: the full date is the day the probation ended.
	bad := ProbationDecision{Meeting: civil.Date(2026, 3, 10), Approved: civil.Date(2026, 3, 5)}
	if err := f.s.ConfirmFullMember(ctx, ready.Person.ID, bad); err == nil || !strings.Contains(err.Error(), "早于支部大会") {
		t.Errorf("approval before the meeting: %v", err)
	}
	future := ProbationDecision{Meeting: civil.Date(2026, 3, 10), Approved: civil.Date(2026, 12, 5)}
	if err := f.s.ConfirmFullMember(ctx, ready.Person.ID, future); err == nil {
		t.Error("an approval dated after today was accepted")
	}
	if err := f.s.ConfirmFullMember(ctx, ready.Person.ID, ProbationDecision{Meeting: civil.Date(2026, 3, 10), Approved: civil.Date(2026, 3, 25)}); err != nil {
		t.Fatal(err)
	}
	m, _ := f.s.Member(ctx, ready.Person.ID)
	if m.Category != CategoryFull || DateText(m.Full) != "2026-03-01" {
		t.Errorf("after 转正: %s, full %s; want 正式党员 from 2026-03-01", m.Category, DateText(m.Full))
	}
	if err := f.s.ConfirmFullMember(ctx, ready.Person.ID, ProbationDecision{Meeting: civil.Date(2026, 3, 10), Approved: civil.Date(2026, 3, 25)}); err == nil {
		t.Error("a full member was confirmed a second time")
	}

	// 取消预备党员资格: out of the roster, with the reason.
	if err := f.s.CancelProbation(ctx, gone.Person.ID, ProbationDecision{Meeting: civil.Date(2026, 4, 8), Approved: civil.Date(2026, 4, 20), Reason: "不履行党员义务"}); err != nil {
		t.Fatal(err)
	}
	m, _ = f.s.Member(ctx, gone.Person.ID)
	if m.Status != StatusRemoved {
		t.Errorf("after 取消预备党员资格 the status is %s, want 已减员", m.Status)
	}

	// Each decision is in the member's record and the audit log with both dates.
	for id, kind := range map[int64]string{late.Person.ID: DecisionExtend, ready.Person.ID: DecisionFull, gone.Person.ID: DecisionCancel} {
		ts, err := f.s.Transfers(ctx, id)
		if err != nil || len(ts) != 1 || ts[0].Kind != kind || !strings.Contains(ts[0].Detail, "支部大会") || !strings.Contains(ts[0].Detail, "党委审批") {
			t.Errorf("%s: record %+v, %v", kind, ts, err)
		}
		log, err := f.s.AuditLog(ctx, AuditFilter{Action: kind})
		if err != nil || len(log) != 1 || !strings.Contains(log[0].Detail, "党委审批") {
			t.Errorf("%s: audit %+v, %v", kind, log, err)
		}
	}
}
