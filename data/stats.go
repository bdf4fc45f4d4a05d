package data

import (
	"context"
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
	BranchesWithBackbone  int      // … with a research backbone on the committee
	CountedBranches       []string // the branches counted, by name: the working names them
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

// RosterStatsOn computes the roster facts of the whole institute as they stand on day, from
// the same rules as Check.
func (s *Store) RosterStatsOn(ctx context.Context, day time.Time) (RosterStats, error) {
	return readWith(ctx, s, func(q queryer) (RosterStats, error) { return rosterStats(q, day, 0) })
}

// RosterStatsOfUnit is RosterStatsOn for one unit (a department that is evaluated): only the
// branches built on it and the members working in it count, so that six departments are not
// all given the institute's figures.
func (s *Store) RosterStatsOfUnit(ctx context.Context, day time.Time, unitID int64) (RosterStats, error) {
	return readWith(ctx, s, func(q queryer) (RosterStats, error) { return rosterStats(q, day, unitID) })
}

// rosterStats counts over the branches hosted by unitID and that unit's members, or over the
// whole institute for unitID 0. The rules run over the whole roster either way, so a branch is
// judged the same whether the institute or its department is counted.
func rosterStats(q queryer, day time.Time, unitID int64) (RosterStats, error) {
	facts, err := loadRosterFacts(q, day)
	if err != nil {
		return RosterStats{}, err
	}
	findings := checkFacts(facts, day)
	r := RosterStats{Day: day}
	counted := map[int64]bool{} // the organisations whose findings count
	for _, o := range facts.Orgs {
		counted[o.ID] = unitID == 0 || o.UnitID == unitID
	}
	units := map[string]bool{}
	for _, u := range facts.UnitMembers {
		if unitID == 0 || u.ID == unitID {
			units[u.Name] = true
		}
	}
	r.UnitsWithMembers = len(units)
	flags := tallyFindings(&r, findings, units, counted)
	withCommittee, err := orgsWithCurrentSeats(q, day)
	if err != nil {
		return r, err
	}
	for _, o := range facts.Orgs {
		if !o.Standing() || !counted[o.ID] {
			continue
		}
		r.Branches++
		r.CountedBranches = append(r.CountedBranches, o.Name)
		if !withCommittee[o.ID] || flags.noSecretary[o.ID] {
			continue
		}
		r.BranchesWithSecretary++
		if !flags.notHead[o.ID] {
			r.SecretaryIsUnitHead++
		}
		if !flags.noBackbone[o.ID] {
			r.BranchesWithBackbone++
		}
	}
	r.UnitsCovered = r.UnitsWithMembers - len(r.UncoveredUnits)
	sort.Strings(r.OverdueBranches)
	return r, nil
}

// committeeFlags are the branches the secretary and backbone rules found fault with.
type committeeFlags struct{ notHead, noSecretary, noBackbone map[int64]bool }

// tallyFindings puts the findings that count (of the units and organisations counted) into r —
// uncovered units, overdue terms — and returns the committee faults by branch.
func tallyFindings(r *RosterStats, findings []Finding, units map[string]bool, counted map[int64]bool) committeeFlags {
	fl := committeeFlags{notHead: map[int64]bool{}, noSecretary: map[int64]bool{}, noBackbone: map[int64]bool{}}
	for _, f := range findings {
		if f.Rule == RuleUnitUncovered {
			if units[f.Subject] {
				r.UncoveredUnits = append(r.UncoveredUnits, f.Subject)
			}
			continue
		}
		if !counted[f.OrgID] {
			continue
		}
		switch f.Rule {
		case RuleSecretaryNotHead:
			fl.notHead[f.OrgID] = true
		case RuleNoSecretary:
			fl.noSecretary[f.OrgID] = true
		case RuleNoBackbone:
			fl.noBackbone[f.OrgID] = true
		case RuleTermOverdue:
			r.OverdueTerms++
			r.OverdueBranches = append(r.OverdueBranches, f.OrgName)
		}
	}
	return fl
}

// orgsWithCurrentSeats are the organisations whose open term has someone seated on day.
func orgsWithCurrentSeats(q queryer, day time.Time) (map[int64]bool, error) {
	d := DateText(day)
	ids, err := collect(q, func(rows scanner) (int64, error) {
		var id int64
		return id, rows.Scan(&id)
	}, `SELECT DISTINCT t.org_id FROM seat st JOIN term t ON t.id=st.term_id
		WHERE (t.actual_end='' OR t.actual_end > ?) AND t.start_date <= ? AND (st.from_date='' OR st.from_date <= ?) AND (st.to_date='' OR st.to_date >= ?)`, d, d, d, d)
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, err
}
