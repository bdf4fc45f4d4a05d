package data

import (
	"sort"
	"time"
)

// RosterStats are the roster facts the model-organ criteria compute indicators from
// (支部设置 coverage, 班子配备 secretary-is-unit-head rate, 队伍建设 overdue terms).
type RosterStats struct {
	Day                   time.Time
	UnitsWithMembers      int      // units with members in normal standing
	UnitsCovered          int      // … of which have a live branch built on them
	UncoveredUnits        []string // the others, by name
	Branches              int      // live standing branches (temporary ones excluded)
	BranchesWithSecretary int      // … with a current 书记
	SecretaryIsUnitHead   int      // … whose 书记 heads the branch's host unit
	OverdueTerms          int      // branches whose committee term is past due on Day
	OverdueBranches       []string
	BranchesWithBackbone  int // … with a research backbone on the committee
}

// CoverageRate is UnitsCovered / UnitsWithMembers (1 when no unit has members).
func (r RosterStats) CoverageRate() float64 { return ratio(r.UnitsCovered, r.UnitsWithMembers) }

// SecretaryHeadRate is SecretaryIsUnitHead / BranchesWithSecretary.
func (r RosterStats) SecretaryHeadRate() float64 {
	return ratio(r.SecretaryIsUnitHead, r.BranchesWithSecretary)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// RosterStatsOn computes the roster facts as they stand on day, from the same rules as Check.
func (s *Store) RosterStatsOn(day time.Time) (RosterStats, error) {
	findings, err := s.checkOn(day)
	if err != nil {
		return RosterStats{}, err
	}
	r := RosterStats{Day: day}
	all, err := orgs(s.db)
	if err != nil {
		return r, err
	}
	notHead := map[int64]bool{}
	noSecretary := map[int64]bool{}
	noBackbone := map[int64]bool{}
	for _, f := range findings {
		switch f.Rule {
		case RuleSecretaryNotHead:
			notHead[f.OrgID] = true
		case RuleNoSecretary:
			noSecretary[f.OrgID] = true
		case RuleNoBackbone:
			noBackbone[f.OrgID] = true
		case RuleTermOverdue:
			r.OverdueTerms++
			r.OverdueBranches = append(r.OverdueBranches, f.OrgName)
		case RuleUnitUncovered:
			r.UncoveredUnits = append(r.UncoveredUnits, f.Subject)
		}
	}
	withCommittee, err := s.orgsWithCurrentSeats(day)
	if err != nil {
		return r, err
	}
	for _, o := range all {
		if !o.Live() || !o.IsBranch() || o.IsTemporary() {
			continue
		}
		r.Branches++
		if !withCommittee[o.ID] || noSecretary[o.ID] {
			continue
		}
		r.BranchesWithSecretary++
		if !notHead[o.ID] {
			r.SecretaryIsUnitHead++
		}
		if !noBackbone[o.ID] {
			r.BranchesWithBackbone++
		}
	}
	err = s.db.QueryRow(`SELECT COUNT(DISTINCT p.unit_id) FROM membership m JOIN person p ON p.id=m.person_id
		JOIN org o ON o.id=m.branch_id WHERE m.status=? AND p.unit_id IS NOT NULL AND o.type_code <> ?`, StatusNormal, TypeJointBranch).Scan(&r.UnitsWithMembers)
	r.UnitsCovered = r.UnitsWithMembers - len(r.UncoveredUnits)
	sort.Strings(r.OverdueBranches)
	return r, err
}

// orgsWithCurrentSeats are the organisations whose open term has someone seated on day.
func (s *Store) orgsWithCurrentSeats(day time.Time) (map[int64]bool, error) {
	d := DateText(day)
	rows, err := s.db.Query(`SELECT DISTINCT t.org_id FROM seat st JOIN term t ON t.id=st.term_id
		WHERE (t.actual_end='' OR t.actual_end > ?) AND t.start_date <= ? AND (st.from_date='' OR st.from_date <= ?) AND (st.to_date='' OR st.to_date >= ?)`, d, d, d, d)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		out[id] = true
	}
	return out, rows.Err()
}
