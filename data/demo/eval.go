package demo

import (
	"context"
	"time"

	"dangjian/data"
	"dangjian/data/criteria"
)

// evalPlan is how well a department does by hand in a demo year: shortfall is the points
// short on every deduction indicator, level the graded level (0 best), bonus the points added,
// ballots the satisfaction ballots (满意, 基本满意, 不满意, 不了解).
type evalPlan struct {
	shortfall float64
	level     int
	bonus     float64
	ballots   [4]int
}

// The demo years: 科研处 is 优秀 all three years and so the one 模范机关; the others stay well
// below 90 whatever the computed indicators give, so the naming rule shows exactly one.
var evalPlans = map[string]evalPlan{
	"科研处":   {0, 0, 5, [4]int{46, 3, 0, 4}},
	"人事处":   {1, 1, 2, [4]int{30, 14, 4, 5}},
	"财务处":   {2, 1, 1, [4]int{28, 15, 5, 3}},
	"资产处":   {3, 2, 0, [4]int{22, 18, 8, 6}},
	"党群工作部": {2, 1, 3, [4]int{33, 12, 3, 2}},
	"院办公室":  {3, 1, 1, [4]int{27, 16, 6, 4}},
}

// loadEval adds the default criteria set and three yearly rounds over the six departments:
// the two earlier years complete and locked (资产处 vetoed the year before last), the current
// year with 自评 in from every department and 考评组 scores from the first three.
func loadEval(ctx context.Context, s *data.Store, r *Roster, today time.Time) error {
	var units []int64
	for _, d := range r.Depts {
		units = append(units, r.Units[d])
	}
	for back := 2; back >= 0; back-- {
		year := today.Year() - back
		setID, err := criteria.EnsureDefault(ctx, s, year)
		if err != nil {
			return err
		}
		ref := time.Date(year, 12, 15, 0, 0, 0, 0, time.UTC)
		if back == 0 {
			ref = today
		}
		id, err := criteria.CreateRound(ctx, s, criteria.RoundSpec{
			Year: year, SetID: setID, RefDate: ref, UnitIDs: units,
			Deadline: time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC),
		})
		if err != nil {
			return err
		}
		if err := seedRound(ctx, s, id, setID, back); err != nil {
			return err
		}
		if back > 0 {
			if err := criteria.SeedLock(ctx, id, ref.AddDate(0, 0, 10), "年度考评定稿"); err != nil {
				return err
			}
		}
	}
	return nil
}

// seedRound enters a demo round's scores, ballots and veto; back is how many years ago it was.
func seedRound(ctx context.Context, s *data.Store, id, setID int64, back int) error {
	round, err := criteria.LoadRound(ctx, s, id)
	if err != nil {
		return err
	}
	set, err := criteria.LoadSet(ctx, s, setID)
	if err != nil {
		return err
	}
	for oi, o := range round.Organs {
		p := evalPlans[o.Name]
		for gi, g := range round.ScoreGroups() {
			if back == 0 && gi > 0 && oi >= 3 {
				continue // this year's 考评组 has not got to the last three yet
			}
			if err := criteria.SeedScores(ctx, demoScores(set, o.ID, g.ID, p, gi)); err != nil {
				return err
			}
		}
		if back > 0 || oi < 3 {
			b := p.ballots
			if err := criteria.SeedBallot(ctx, o.ID, criteria.BallotCount{Category: "科研人员", Satisfied: b[0], Basic: b[1], Unsatisfied: b[2], Unknown: b[3]}); err != nil {
				return err
			}
		}
		if back == 1 && o.Name == "资产处" {
			if err := criteria.SeedVeto(ctx, o.ID, "发生违规违纪问题一起，情节严重"); err != nil {
				return err
			}
		}
	}
	return nil
}

// demoScores are one group's hand scores for one department; self-evaluation (group 0) is a
// little kinder than the evaluation group, as it is in life.
func demoScores(set criteria.Set, organ, group int64, p evalPlan, gi int) []criteria.ScoreEntry {
	var out []criteria.ScoreEntry
	short := p.shortfall
	if gi == 0 && short > 0 {
		short--
	}
	for _, in := range set.Indicators() {
		if in.FromData() {
			continue
		}
		var pts float64
		note := ""
		switch in.Method {
		case criteria.Graded:
			pts = in.Levels[min(p.level, len(in.Levels)-1)]
		case criteria.Bonus:
			pts = min(p.bonus, in.Max)
			if pts > 0 {
				note = "获评党建与科研融合优秀案例等"
			}
		default:
			pts = max(in.Max-short, 0)
			if short > 0 {
				note = "按标准扣分"
			}
		}
		out = append(out, criteria.ScoreEntry{Key: criteria.CellKey{Organ: organ, Indicator: in.ID, Group: group}, Points: pts, Note: note})
	}
	return out
}
