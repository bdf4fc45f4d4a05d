package data

import (
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
func (s *Store) Check() ([]Finding, error) { return s.checkOn(s.Today()) }

func (s *Store) checkOn(today time.Time) ([]Finding, error) {
	all, err := orgs(s.db)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]Org, len(all))
	for _, o := range all {
		byID[o.ID] = o
	}
	var out []Finding

	// Probation: a year after joining the branch must decide on full membership.
	rows, err := s.db.Query(`SELECT p.id, p.name, m.branch_id, m.joined FROM membership m JOIN person p ON p.id=m.person_id
		WHERE m.category=? AND m.status=? AND m.joined<>''`, CategoryProbation, StatusNormal)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var pid, bid int64
		var name, joined string
		if err := rows.Scan(&pid, &name, &bid, &joined); err != nil {
			rows.Close()
			return nil, err
		}
		due := ParseDateText(joined).AddDate(1, 0, 0)
		switch {
		case !due.After(today):
			out = append(out, Finding{RuleProbationDue, "问题", bid, byID[bid].Name, pid, name,
				fmt.Sprintf("预备党员%s的预备期已于 %s 期满，尚未讨论转正", name, DateText(due))})
		case due.Before(today.AddDate(0, 0, ProbationSoonDays+1)):
			out = append(out, Finding{RuleProbationSoon, "提醒", bid, byID[bid].Name, pid, name,
				fmt.Sprintf("预备党员%s的预备期将于 %s 期满，请及时讨论转正", name, DateText(due))})
		}
	}
	rows.Close()

	// Member counts per branch, full members apart.
	type counts struct{ all, full int }
	cnt := map[int64]counts{}
	rows, err = s.db.Query(`SELECT branch_id, COUNT(*), SUM(category=?) FROM membership WHERE status=? GROUP BY branch_id`, CategoryFull, StatusNormal)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var c counts
		rows.Scan(&id, &c.all, &c.full)
		cnt[id] = c
	}
	rows.Close()

	// The newest term of each organisation, and its current seats.
	latest := map[int64]Term{}
	rows, err = s.db.Query(`SELECT id, org_id, start_date, due_end, actual_end FROM term ORDER BY org_id, start_date, id`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var t Term
		var a, b, c string
		rows.Scan(&t.ID, &t.OrgID, &a, &b, &c)
		t.Start, t.DueEnd, t.ActualEnd = ParseDateText(a), ParseDateText(b), ParseDateText(c)
		latest[t.OrgID] = t
	}
	rows.Close()
	allSeats, err := seats(s.db, `WHERE s.to_date = '' OR s.to_date >= ?`, DateText(today))
	if err != nil {
		return nil, err
	}
	seatsOf := map[int64][]Seat{}
	for _, st := range allSeats {
		if st.Current(today) {
			seatsOf[st.TermID] = append(seatsOf[st.TermID], st)
		}
	}

	hosted := map[int64]bool{}
	for _, o := range all {
		if !o.Live() {
			continue
		}
		if o.UnitID != 0 {
			hosted[o.UnitID] = true
		}
		if !o.IsBranch() {
			continue
		}
		c := cnt[o.ID]
		t, hasTerm := latest[o.ID]
		if hasTerm && !t.ActualEnd.IsZero() {
			hasTerm = false // the last term was closed without a new one
		}
		current := seatsOf[t.ID]
		if !hasTerm {
			current = nil
		}
		if o.TypeCode == TypeBranch && c.all > 0 && c.full < 3 {
			out = append(out, Finding{RuleTooFewFull, "问题", o.ID, o.Name, 0, "",
				fmt.Sprintf("只有 %d 名正式党员，不足3人，不宜单独建立党支部，可与邻近单位建立联合党支部", c.full)})
		}
		if c.all >= 7 && len(current) == 0 && !o.IsTemporary() {
			out = append(out, Finding{RuleNoCommittee, "问题", o.ID, o.Name, 0, "",
				fmt.Sprintf("有 %d 名党员，应设立支部委员会，目前没有在任支委", c.all)})
		}
		if hasTerm && t.Overdue(today) && !o.IsTemporary() {
			out = append(out, Finding{RuleTermOverdue, "问题", o.ID, o.Name, 0, "",
				fmt.Sprintf("本届支委会应于 %s 换届，已逾期 %d 天", DateText(t.DueEnd), int(today.Sub(t.DueEnd).Hours()/24))})
		}
		if len(current) == 0 {
			continue
		}
		var secretary *Seat
		backbone := false
		for i, st := range current {
			if st.Role == "书记" {
				secretary = &current[i]
			}
			backbone = backbone || st.Backbone
		}
		if secretary == nil {
			out = append(out, Finding{RuleNoSecretary, "问题", o.ID, o.Name, 0, "", "支委会没有在任书记"})
		} else if o.UnitID != 0 && !o.IsTemporary() && (!secretary.UnitHead || secretary.UnitID != o.UnitID) {
			out = append(out, Finding{RuleSecretaryNotHead, "提醒", o.ID, o.Name, secretary.PersonID, secretary.Name,
				fmt.Sprintf("支部书记%s不是“%s”的负责人；科研党支部宜由部门负责人担任书记", secretary.Name, o.UnitName)})
		}
		if researchKinds[o.UnitKind] && !backbone {
			out = append(out, Finding{RuleNoBackbone, "提醒", o.ID, o.Name, 0, "", "支委中没有科研骨干；宜吸纳科研中坚力量进入支委会"})
		}
	}

	// Coverage: every unit with members in normal standing has a branch built on it.
	rows, err = s.db.Query(`SELECT u.id, u.name, COUNT(*) FROM membership m JOIN person p ON p.id=m.person_id
		JOIN unit u ON u.id=p.unit_id JOIN org o ON o.id=m.branch_id
		WHERE m.status=? AND o.type_code <> ? GROUP BY u.id ORDER BY u.name`, StatusNormal, TypeJointBranch)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var name string
		var n int
		rows.Scan(&id, &name, &n)
		if !hosted[id] {
			out = append(out, Finding{RuleUnitUncovered, "问题", 0, "", 0, name,
				fmt.Sprintf("“%s”有 %d 名党员，但没有建在该单位的党支部（支部建在实验室）", name, n)})
		}
	}
	rows.Close()

	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Severity != out[j].Severity {
			return out[i].Severity == "问题"
		}
		return out[i].OrgName < out[j].OrgName
	})
	return out, nil
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
