package data

import (
	"strings"
	"testing"
	"time"

	"dangjian/data/civil"
)

// Each rule on plain values, no database: the cases a committee office would check by hand.

var ruleDay = civil.Date(2026, 11, 28)

func TestProbationFinding(t *testing.T) {
	cases := []struct {
		name   string
		joined time.Time
		want   string // rule, "" for none
		due    string
	}{
		{"ended yesterday", civil.Date(2025, 11, 27), RuleProbationDue, "2026-11-27"},
		{"ends today", civil.Date(2025, 11, 28), RuleProbationDue, "2026-11-28"},
		{"ends tomorrow", civil.Date(2025, 11, 29), RuleProbationSoon, "2026-11-29"},
		{"ends in 30 days", civil.Date(2025, 12, 28), RuleProbationSoon, "2026-12-28"},
		{"ends in 31 days", civil.Date(2025, 12, 29), "", ""},
		{"unknown joining date", time.Time{}, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := probationer{PersonID: 7, Name: "王五", BranchID: 3, Membership: Membership{Category: CategoryProbation, Joined: c.joined}}
			f, ok := probationFinding(p, "第一党支部", ruleDay)
			if c.want == "" {
				if ok {
					t.Errorf("finding %v, want none", f)
				}
				return
			}
			if !ok || f.Rule != c.want || !strings.Contains(f.Message, c.due) || f.OrgName != "第一党支部" || f.PersonID != 7 {
				t.Errorf("finding %+v, want %s due %s", f, c.want, c.due)
			}
		})
	}
}

func TestProbationDueIsOneRule(t *testing.T) {
	j := civil.Date(2024, 2, 29)
	if got := (Membership{Category: CategoryProbation, Joined: j}).ProbationDue(); !got.Equal(ProbationEnd(j)) || DateText(got) != "2025-03-01" {
		t.Errorf("ProbationDue = %s, ProbationEnd = %s", DateText(got), DateText(ProbationEnd(j)))
	}
	if !(Membership{Category: CategoryFull, Joined: j}).ProbationDue().IsZero() || !ProbationEnd(time.Time{}).IsZero() {
		t.Error("a full member or an unknown date has no probation end")
	}
}

func TestBranchSizeRules(t *testing.T) {
	branch := Org{ID: 1, TypeCode: TypeBranch, Name: "甲支部"}
	joint := Org{ID: 2, TypeCode: TypeJointBranch, Name: "联合支部"}
	temp := Org{ID: 3, TypeCode: TypeTempBranch, Name: "临时支部"}
	seated := committee{Open: true, Current: []Seat{{Role: "书记"}}}
	cases := []struct {
		name string
		o    Org
		c    BranchCount
		cm   committee
		few  bool
		none bool
	}{
		{"two full members", branch, BranchCount{All: 3, Full: 2}, committee{}, true, false},
		{"three full members", branch, BranchCount{All: 3, Full: 3}, committee{}, false, false},
		{"no members at all", branch, BranchCount{}, committee{}, false, false},
		{"a joint branch may be small", joint, BranchCount{All: 2, Full: 2}, committee{}, false, false},
		{"seven without a committee", branch, BranchCount{All: 7, Full: 7}, committee{}, false, true},
		{"six without a committee", branch, BranchCount{All: 6, Full: 6}, committee{}, false, false},
		{"seven with a committee", branch, BranchCount{All: 7, Full: 7}, seated, false, false},
		{"a mission branch needs none", temp, BranchCount{All: 9, Full: 9}, committee{}, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, got := tooFewFull(c.o, c.c); got != c.few {
				t.Errorf("tooFewFull = %v, want %v", got, c.few)
			}
			if _, got := noCommittee(c.o, c.c, c.cm); got != c.none {
				t.Errorf("noCommittee = %v, want %v", got, c.none)
			}
		})
	}
}

func TestTermOverdueRule(t *testing.T) {
	branch := Org{ID: 1, TypeCode: TypeBranch, Name: "甲支部"}
	term := func(due time.Time) committee { return committee{Term: Term{DueEnd: due}, Open: true} }
	cases := []struct {
		name string
		o    Org
		cm   committee
		want bool
	}{
		{"due yesterday", branch, term(ruleDay.AddDate(0, 0, -1)), true},
		{"due today", branch, term(ruleDay), false},
		{"closed term", branch, committee{Term: Term{DueEnd: ruleDay.AddDate(-1, 0, 0)}}, false},
		{"mission branch", Org{TypeCode: TypeTempBranch}, term(ruleDay.AddDate(-1, 0, 0)), false},
	}
	for _, c := range cases {
		if f, got := termOverdue(c.o, c.cm, ruleDay); got != c.want {
			t.Errorf("%s: termOverdue = %v %v, want %v", c.name, got, f, c.want)
		} else if got && !strings.Contains(f.Message, "已逾期 1 天") {
			t.Errorf("%s: %q", c.name, f.Message)
		}
	}
}

func TestSecretaryAndBackboneRules(t *testing.T) {
	lab := Org{ID: 1, TypeCode: TypeBranch, Name: "甲实验室党支部", UnitID: 10, UnitName: "甲实验室", UnitKind: "实验室"}
	office := Org{ID: 2, TypeCode: TypeBranch, Name: "办公室党支部", UnitID: 20, UnitName: "办公室", UnitKind: "行政机构"}
	head := Seat{Role: "书记", Name: "张三", PersonID: 5, UnitHead: true, UnitID: 10}
	cases := []struct {
		name      string
		o         Org
		seats     []Seat
		secretary string // rule expected from secretaryFinding
		backbone  bool   // noBackbone fires
	}{
		{"head of the unit, a backbone beside", lab, []Seat{head, {Role: "组织委员", Backbone: true}}, "", false},
		{"no 书记", lab, []Seat{{Role: "组织委员", Backbone: true}}, RuleNoSecretary, false},
		{"书记 heads another unit", lab, []Seat{{Role: "书记", UnitHead: true, UnitID: 99, Backbone: true}}, RuleSecretaryNotHead, false},
		{"书记 of the unit but not its head", lab, []Seat{{Role: "书记", UnitID: 10, Backbone: true}}, RuleSecretaryNotHead, false},
		{"lab committee without a backbone", lab, []Seat{head}, "", true},
		{"an office needs no backbone", office, []Seat{{Role: "书记", UnitHead: true, UnitID: 20}}, "", false},
		{"mission branch: any 书记", Org{TypeCode: TypeTempBranch, UnitID: 10}, []Seat{{Role: "书记"}}, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, ok := secretaryFinding(c.o, c.seats)
			if (c.secretary == "") == ok || (ok && f.Rule != c.secretary) {
				t.Errorf("secretaryFinding = %v %+v, want %q", ok, f, c.secretary)
			}
			if _, got := noBackbone(c.o, c.seats); got != c.backbone {
				t.Errorf("noBackbone = %v, want %v", got, c.backbone)
			}
		})
	}
}

func TestUnitUncoveredRule(t *testing.T) {
	u := unitMembers{ID: 4, Name: "乙研究室", N: 5}
	if _, ok := unitUncovered(u, true); ok {
		t.Error("a hosted unit is covered")
	}
	if f, ok := unitUncovered(u, false); !ok || f.Subject != "乙研究室" || !strings.Contains(f.Message, "5 名党员") {
		t.Errorf("unitUncovered = %v %+v", ok, f)
	}
}

func TestStandingBranch(t *testing.T) {
	cases := []struct {
		o    Org
		want bool
	}{
		{Org{TypeCode: TypeBranch}, true},
		{Org{TypeCode: TypeJointBranch}, true},
		{Org{TypeCode: TypeTempBranch}, false},
		{Org{TypeCode: TypeCommittee}, false},
		{Org{TypeCode: TypeBranch, Abolished: ruleDay}, false},
	}
	for _, c := range cases {
		if got := c.o.Standing(); got != c.want {
			t.Errorf("%s abolished %v: Standing = %v", TypeName(c.o.TypeCode), !c.o.Live(), got)
		}
	}
}

// The secretary reminder speaks of 科研党支部 only for a branch on research work; an
// administrative department's branch is told the general rule.
func TestSecretaryReminderFitsTheUnit(t *testing.T) {
	seats := []Seat{{Role: "书记", PersonID: 9, Name: "胡斌", UnitID: 2}}
	for kind, want := range map[string]string{
		"实验室":  "科研党支部宜由部门负责人担任书记",
		"行政机构": "党支部书记宜由本单位负责人担任",
	} {
		o := Org{ID: 1, TypeCode: TypeBranch, Name: "甲支部", UnitID: 5, UnitName: "某单位", UnitKind: kind}
		f, ok := secretaryFinding(o, seats)
		if !ok || !strings.HasSuffix(f.Message, want) {
			t.Errorf("%s: %q, want it to end %q", kind, f.Message, want)
		}
		if kind == "行政机构" && strings.Contains(f.Message, "科研") {
			t.Errorf("行政机构 branch told of 科研党支部: %q", f.Message)
		}
	}
}
