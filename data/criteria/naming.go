package criteria

import (
	"context"
	"sort"

	"dangjian/data"
)

// The naming rule: three consecutive years 优秀 → 模范机关; dynamic management revokes the title
// when a later year is 不合格. Years are the rounds' years; when a year has several rounds the
// latest one counts.

// Title is a department's 模范机关 history.
type Title struct {
	Unit        string
	Named       int   // year the title was (last) given; 0 never
	Years       []int // the three 优秀 years that earned it
	Revoked     int   // year it was revoked; 0 when it stands
	Consecutive int   // 优秀 years in a row up to the latest round
}

// Holds tells whether the department holds the title now.
func (t Title) Holds() bool { return t.Named != 0 && t.Revoked == 0 }

// GradeYear is one department's grade in one year.
type GradeYear struct {
	Unit  string
	Year  int
	Grade string
}

// ApplyNaming runs the rule over grades (any order) and returns one Title per department that
// was ever named or is on its way (Consecutive > 0), sorted by unit.
func ApplyNaming(grades []GradeYear) []Title {
	byUnit := map[string][]GradeYear{}
	for _, g := range grades {
		byUnit[g.Unit] = append(byUnit[g.Unit], g)
	}
	var out []Title
	for unit, gs := range byUnit {
		sort.Slice(gs, func(i, j int) bool { return gs[i].Year < gs[j].Year })
		t := Title{Unit: unit}
		run, last := 0, 0
		for _, g := range gs {
			if g.Year != last+1 {
				run = 0 // a year without a round breaks the run
			}
			last = g.Year
			if g.Grade == Excellent {
				run++
			} else {
				run = 0
			}
			if t.Holds() && g.Grade == Fail {
				t.Revoked = g.Year
			}
			if run >= 3 && !t.Holds() {
				t = Title{Unit: unit, Named: g.Year, Years: []int{g.Year - 2, g.Year - 1, g.Year}}
			}
		}
		t.Consecutive = run
		if t.Named != 0 || run > 0 {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Unit < out[j].Unit })
	return out
}

// ModelOrgans runs the naming rule over every round's results.
func ModelOrgans(ctx context.Context, s *data.Store) ([]Title, error) {
	rounds, err := Rounds(ctx, s)
	if err != nil {
		return nil, err
	}
	seen := map[int]bool{}
	var grades []GradeYear
	for _, r := range rounds { // newest first: the first round of a year is its latest
		if seen[r.Year] {
			continue
		}
		seen[r.Year] = true
		res, err := Results(ctx, s, r.ID)
		if err != nil {
			return nil, err
		}
		for _, x := range res {
			grades = append(grades, GradeYear{x.Organ.Name, r.Year, x.Grade})
		}
	}
	return ApplyNaming(grades), nil
}
