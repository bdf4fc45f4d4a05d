package data

import (
	"context"
	"testing"

	"dangjian/data/civil"
)

// Today in every store test is 2026-11-28 (openTest).

func TestRulesPerBranch(t *testing.T) {
	cases := []struct {
		name  string
		build func(f *fixture, b Org)
		want  []string // rules that must fire for the branch
		not   []string // rules that must not
	}{
		{"healthy branch with a head secretary and a backbone", func(f *fixture, b Org) {
			ms := f.fullMembers(b, 7)
			setFlags(f, ms[0].Person.ID, true, false)
			setFlags(f, ms[1].Person.ID, false, true)
			f.committee(b, civil.Date(2025, 3, 1), map[string]int64{"书记": ms[0].Person.ID, "组织委员": ms[1].Person.ID, "宣传委员": ms[2].Person.ID})
		}, nil, []string{RuleTermOverdue, RuleNoCommittee, RuleSecretaryNotHead, RuleNoBackbone, RuleTooFewFull, RuleNoSecretary}},
		{"term past its three years", func(f *fixture, b Org) {
			ms := f.fullMembers(b, 3)
			setFlags(f, ms[0].Person.ID, true, true)
			f.committee(b, civil.Date(2023, 11, 27), map[string]int64{"书记": ms[0].Person.ID})
		}, []string{RuleTermOverdue}, nil},
		{"term due exactly today is not yet overdue", func(f *fixture, b Org) {
			ms := f.fullMembers(b, 3)
			setFlags(f, ms[0].Person.ID, true, true)
			f.committee(b, civil.Date(2023, 11, 28), map[string]int64{"书记": ms[0].Person.ID})
		}, nil, []string{RuleTermOverdue}},
		{"seven members and no committee", func(f *fixture, b Org) { f.fullMembers(b, 7) }, []string{RuleNoCommittee}, nil},
		{"six members need no committee", func(f *fixture, b Org) { f.fullMembers(b, 6) }, nil, []string{RuleNoCommittee}},
		{"two full members standing alone", func(f *fixture, b Org) {
			f.fullMembers(b, 2)
			f.member(b, "预备甲", CategoryProbation, civil.Date(2026, 6, 1), nil)
		}, []string{RuleTooFewFull}, nil},
		{"secretary from another unit", func(f *fixture, b Org) {
			ms := f.fullMembers(b, 3)
			other := f.org(0, TypeBranch, "外单位支部", "外单位", "实验室")
			x := f.member(other, "外人", CategoryFull, civil.Date(2000, 1, 1), nil)
			setFlags(f, x.Person.ID, true, true)
			setFlags(f, ms[1].Person.ID, false, true)
			f.committee(b, civil.Date(2025, 1, 1), map[string]int64{"书记": x.Person.ID, "组织委员": ms[1].Person.ID})
		}, []string{RuleSecretaryNotHead}, []string{RuleNoBackbone}},
		{"secretary of the unit but not its head", func(f *fixture, b Org) {
			ms := f.fullMembers(b, 3)
			setFlags(f, ms[1].Person.ID, false, true)
			f.committee(b, civil.Date(2025, 1, 1), map[string]int64{"书记": ms[0].Person.ID, "组织委员": ms[1].Person.ID})
		}, []string{RuleSecretaryNotHead}, nil},
		{"lab committee without a research backbone", func(f *fixture, b Org) {
			ms := f.fullMembers(b, 3)
			setFlags(f, ms[0].Person.ID, true, false)
			f.committee(b, civil.Date(2025, 1, 1), map[string]int64{"书记": ms[0].Person.ID})
		}, []string{RuleNoBackbone}, []string{RuleSecretaryNotHead}},
		{"committee with no secretary", func(f *fixture, b Org) {
			ms := f.fullMembers(b, 3)
			f.committee(b, civil.Date(2025, 1, 1), map[string]int64{"组织委员": ms[0].Person.ID})
		}, []string{RuleNoSecretary}, nil},
		{"probation year ended yesterday", func(f *fixture, b Org) {
			f.fullMembers(b, 3)
			f.member(b, "预备乙", CategoryProbation, civil.Date(2025, 11, 27), nil)
		}, []string{RuleProbationDue}, []string{RuleProbationSoon}},
		{"probation ends within a month", func(f *fixture, b Org) {
			f.fullMembers(b, 3)
			f.member(b, "预备丙", CategoryProbation, civil.Date(2025, 12, 20), nil)
		}, []string{RuleProbationSoon}, []string{RuleProbationDue}},
		{"probation far from its end", func(f *fixture, b Org) {
			f.fullMembers(b, 3)
			f.member(b, "预备丁", CategoryProbation, civil.Date(2026, 6, 1), nil)
		}, nil, []string{RuleProbationSoon, RuleProbationDue}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			b := f.org(0, TypeBranch, "测试实验室党支部", "测试实验室", "实验室")
			c.build(f, b)
			fs, err := f.s.Check(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			got := rulesOf(fs, b.ID)
			for _, r := range c.want {
				if !got[r] {
					t.Errorf("rule %s did not fire; findings: %v", r, fs)
				}
			}
			for _, r := range c.not {
				if got[r] {
					t.Errorf("rule %s fired but should not; findings: %v", r, fs)
				}
			}
		})
	}
}

func setFlags(f *fixture, personID int64, head, backbone bool) {
	if _, err := f.s.db.Exec(`UPDATE person SET unit_head=?, backbone=? WHERE id=?`, boolInt(head), boolInt(backbone), personID); err != nil {
		f.t.Fatal(err)
	}
}

func TestCoverageRuleNamesUnitsWithoutBranch(t *testing.T) {
	f := newFixture(t)
	b := f.org(0, TypeBranch, "甲实验室党支部", "甲实验室", "实验室")
	f.fullMembers(b, 3)
	// Two members work in 计算中心 but belong to 甲实验室党支部: the centre has no branch of its own.
	for _, n := range []string{"计算一", "计算二"} {
		f.member(b, n, CategoryFull, civil.Date(2012, 1, 1), func(m *Member) { m.UnitID = 0; m.UnitName = "计算中心" })
	}
	fs, _ := f.s.Check(context.Background())
	var msg string
	for _, x := range fs {
		if x.Rule == RuleUnitUncovered {
			msg = x.Message
		}
	}
	if msg == "" || !contains([]string{"计算中心"}, fsSubject(fs)) {
		t.Fatalf("no coverage finding for 计算中心: %v", fs)
	}
	st, err := f.s.RosterStatsOn(context.Background(), f.s.Today())
	if err != nil {
		t.Fatal(err)
	}
	if st.UnitsWithMembers != 2 || st.UnitsCovered != 1 {
		t.Errorf("stats = %+v, want 1 of 2 units covered", st)
	}
	// Building a branch on the centre clears the finding.
	f.org(0, TypeBranch, "计算中心党支部", "计算中心", "科研单元")
	fs, _ = f.s.Check(context.Background())
	if rulesOf(fs, 0)[RuleUnitUncovered] {
		t.Errorf("finding remains after the branch was built: %v", fs)
	}
}

func fsSubject(fs []Finding) string {
	for _, x := range fs {
		if x.Rule == RuleUnitUncovered {
			return x.Subject
		}
	}
	return ""
}

func TestAbolishRefusedWhileMembersRemain(t *testing.T) {
	f := newFixture(t)
	b := f.org(0, TypeBranch, "乙支部", "乙单位", "实验室")
	m := f.fullMembers(b, 1)[0]
	err := f.s.AbolishOrg(context.Background(), b.ID, f.s.Today(), "合并")
	if err == nil {
		t.Fatal("abolished a branch with a member")
	}
	o, _ := f.s.Org(context.Background(), b.ID)
	if !o.Live() {
		t.Fatal("refused abolish still changed the branch")
	}
	if err := f.s.TransferMember(context.Background(), m.Person.ID, 0, f.s.Today(), "调离本院"); err != nil {
		t.Fatal(err)
	}
	if err := f.s.AbolishOrg(context.Background(), b.ID, f.s.Today(), "合并"); err != nil {
		t.Fatalf("abolish after the member left: %v", err)
	}
}
