package data

import (
	"context"
	"fmt"
	"sort"
	"time"

	"dangjian/data/civil"
)

// The derived rules of DESIGN.md. They are computed from the records on every call and never
// stored, so a fixed record clears its finding at once.

// Rule codes of the findings.
const (
	RuleProbationDue     = "probation_due"      // 预备期满未转正
	RuleProbationSoon    = "probation_soon"     // 预备期即将期满
	RuleTermOverdue      = "term_overdue"       // 支委会届满未换届
	RuleTooFewFull       = "too_few_full"       // 正式党员不足3人仍单独建支部
	RuleNoCommittee      = "no_committee"       // 党员7人以上未设支委会
	RuleSecretaryNotHead = "secretary_not_head" // 书记不是本单位负责人
	RuleNoBackbone       = "no_backbone"        // 支委中没有科研骨干
	RuleUnitUncovered    = "unit_uncovered"     // 有党员的单位未建支部
	RuleNoSecretary      = "no_secretary"       // 支委会没有在任书记
)

// Finding is one rule a record breaks, in words the committee uses.
type Finding struct {
	Rule     string
	Severity string // 问题 / 提醒
	OrgID    int64
	OrgName  string
	PersonID int64
	Subject  string // what the finding is about when it is not an organisation (a unit's name)
	Message  string
}

func (f Finding) String() string {
	if f.OrgName != "" {
		return fmt.Sprintf("[%s] %s：%s", f.Severity, f.OrgName, f.Message)
	}
	return fmt.Sprintf("[%s] %s", f.Severity, f.Message)
}

// Age is the full years from birth to day; 0 when the birth date is unknown.
func Age(birth, day time.Time) int { return civil.YearsBetween(birth, day) }

// PartyStanding (党龄) counts full years of membership since joining (the probation year
// counts once the member is full).
func PartyStanding(m Membership, day time.Time) int {
	if m.Category == CategoryProbation {
		return 0
	}
	return civil.YearsBetween(m.Joined, day)
}

// TermOverdue tells whether a term passed its due end without a new election by day.
func (t Term) Overdue(day time.Time) bool {
	return t.ActualEnd.IsZero() && !t.DueEnd.IsZero() && t.DueEnd.Before(day)
}

// researchKinds are the units where a committee needs a research backbone.
var researchKinds = map[string]bool{"实验室": true, "科研单元": true, "项目团队": true, "外场站": true}

// ProbationSoonDays is how far ahead a coming probation end is flagged.
const ProbationSoonDays = 30

// Check computes every rule over the whole store as of the store's today.
func (s *Store) Check(ctx context.Context) ([]Finding, error) { return s.checkOn(ctx, s.Today()) }

// checkOn reads the facts in one read transaction, so the rules never judge two states.
func (s *Store) checkOn(ctx context.Context, today time.Time) ([]Finding, error) {
	f, err := readWith(ctx, s, func(q queryer) (rosterFacts, error) { return loadRosterFacts(q, today) })
	if err != nil {
		return nil, err
	}
	return checkFacts(f, today), nil
}

// checkFacts runs every rule over facts already read: plain values in, findings out, so each
// rule is tested without a database.
func checkFacts(f rosterFacts, today time.Time) []Finding {
	byID := make(map[int64]Org, len(f.Orgs))
	for _, o := range f.Orgs {
		byID[o.ID] = o
	}
	var out []Finding
	for _, p := range f.Probationers {
		if x, ok := probationFinding(p, byID[p.BranchID].Name, today); ok {
			out = append(out, x)
		}
	}
	hosted := map[int64]bool{}
	for _, o := range f.Orgs {
		if o.Live() && o.UnitID != 0 {
			hosted[o.UnitID] = true
		}
	}
	for _, o := range f.Orgs {
		if !o.Live() || !o.IsBranch() {
			continue
		}
		out = append(out, branchFindings(o, f.Counts[o.ID], f.committeeOf(o.ID), today)...)
	}
	for _, u := range f.UnitMembers {
		if x, ok := unitUncovered(u, hosted[u.ID]); ok {
			out = append(out, x)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Severity != out[j].Severity {
			return out[i].Severity == "问题"
		}
		return out[i].OrgName < out[j].OrgName
	})
	return out
}

// committee is a branch's standing committee as the rules see it: its newest term, when that
// term is still open, and the seats of that term held today.
type committee struct {
	Term    Term
	Open    bool // the newest term has not been closed without a new one
	Current []Seat
}

// branchFindings are the rules over one live branch: its size, its committee and its secretary.
func branchFindings(o Org, c BranchCount, cm committee, today time.Time) []Finding {
	var out []Finding
	add := func(x Finding, ok bool) {
		if ok {
			out = append(out, x)
		}
	}
	add(tooFewFull(o, c))
	add(noCommittee(o, c, cm))
	add(termOverdue(o, cm, today))
	if len(cm.Current) == 0 {
		return out
	}
	add(secretaryFinding(o, cm.Current))
	add(noBackbone(o, cm.Current))
	return out
}

// probationFinding: a year after joining, the branch must decide on full membership; a month
// ahead it is reminded.
func probationFinding(p probationer, branch string, today time.Time) (Finding, bool) {
	due := p.Membership.ProbationDue()
	switch {
	case due.IsZero():
		return Finding{}, false
	case !due.After(today):
		return Finding{
			RuleProbationDue, "问题", p.BranchID, branch, p.PersonID, p.Name,
			fmt.Sprintf("预备党员%s的预备期已于 %s 期满，尚未讨论转正", p.Name, DateText(due)),
		}, true
	case due.Before(today.AddDate(0, 0, ProbationSoonDays+1)):
		return Finding{
			RuleProbationSoon, "提醒", p.BranchID, branch, p.PersonID, p.Name,
			fmt.Sprintf("预备党员%s的预备期将于 %s 期满，请及时讨论转正", p.Name, DateText(due)),
		}, true
	}
	return Finding{}, false
}

// tooFewFull: a 党支部 standing alone needs three full members.
func tooFewFull(o Org, c BranchCount) (Finding, bool) {
	if o.TypeCode != TypeBranch || c.All == 0 || c.Full >= 3 {
		return Finding{}, false
	}
	return Finding{
		RuleTooFewFull, "问题", o.ID, o.Name, 0, "",
		fmt.Sprintf("只有 %d 名正式党员，不足3人，不宜单独建立党支部，可与邻近单位建立联合党支部", c.Full),
	}, true
}

// noCommittee: seven members or more need a committee (a mission branch is exempt).
func noCommittee(o Org, c BranchCount, cm committee) (Finding, bool) {
	if c.All < 7 || len(cm.Current) > 0 || o.IsTemporary() {
		return Finding{}, false
	}
	return Finding{
		RuleNoCommittee, "问题", o.ID, o.Name, 0, "",
		fmt.Sprintf("有 %d 名党员，应设立支部委员会，目前没有在任支委", c.All),
	}, true
}

// termOverdue: the open term passed its due end without a new election.
func termOverdue(o Org, cm committee, today time.Time) (Finding, bool) {
	if !cm.Open || !cm.Term.Overdue(today) || o.IsTemporary() {
		return Finding{}, false
	}
	return Finding{
		RuleTermOverdue, "问题", o.ID, o.Name, 0, "",
		fmt.Sprintf("本届支委会应于 %s 换届，已逾期 %d 天", DateText(cm.Term.DueEnd), int(today.Sub(cm.Term.DueEnd).Hours()/24)),
	}, true
}

// secretaryFinding: a committee needs a 书记, and in a standing branch on a unit the 书记
// should be the unit's head.
func secretaryFinding(o Org, current []Seat) (Finding, bool) {
	var secretary *Seat
	for i, st := range current {
		if st.Role == "书记" {
			secretary = &current[i]
		}
	}
	switch {
	case secretary == nil:
		return Finding{RuleNoSecretary, "问题", o.ID, o.Name, 0, "", "支委会没有在任书记"}, true
	case o.UnitID != 0 && !o.IsTemporary() && (!secretary.UnitHead || secretary.UnitID != o.UnitID):
		// The reason named fits the unit: 科研党支部 only where the branch is on research work.
		why := "党支部书记宜由本单位负责人担任"
		if researchKinds[o.UnitKind] {
			why = "科研党支部宜由部门负责人担任书记"
		}
		return Finding{
			RuleSecretaryNotHead, "提醒", o.ID, o.Name, secretary.PersonID, secretary.Name,
			fmt.Sprintf("支部书记%s不是“%s”的负责人；%s", secretary.Name, o.UnitName, why),
		}, true
	}
	return Finding{}, false
}

// noBackbone: a committee on a research unit should seat a research backbone.
func noBackbone(o Org, current []Seat) (Finding, bool) {
	if !researchKinds[o.UnitKind] {
		return Finding{}, false
	}
	for _, st := range current {
		if st.Backbone {
			return Finding{}, false
		}
	}
	return Finding{RuleNoBackbone, "提醒", o.ID, o.Name, 0, "", "支委中没有科研骨干；宜吸纳科研中坚力量进入支委会"}, true
}

// unitUncovered: every unit with members in normal standing has a branch built on it.
func unitUncovered(u unitMembers, hosted bool) (Finding, bool) {
	if hosted {
		return Finding{}, false
	}
	return Finding{
		RuleUnitUncovered, "问题", 0, "", 0, u.Name,
		fmt.Sprintf("“%s”有 %d 名党员，但没有建在该单位的党支部（支部建在实验室）", u.Name, u.N),
	}, true
}

// FindingsFor keeps the findings of one organisation.
func FindingsFor(all []Finding, orgID int64) []Finding {
	var out []Finding
	for _, f := range all {
		if f.OrgID == orgID {
			out = append(out, f)
		}
	}
	return out
}
