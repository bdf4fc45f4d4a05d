package criteria

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"dangjian/data/internal/sqldb"

	"dangjian/data"
)

// Value is the value of an indicator that evaluators do not type: computed from the data or
// counted from ballots, with how it was computed ("AB岗设置率 17/18 = 94.4% × 6 = 5.67"), and
// the evaluator's override when there is one.
type Value struct {
	Points   float64
	How      string
	Override *OverrideValue
}

// Final is the value that counts: the override when given, else the computed one.
func (v Value) Final() float64 {
	if v.Override != nil {
		return v.Override.Points
	}
	return v.Points
}

// ABRates are the A/B post facts of one department over the evaluation period.
type ABRates struct {
	Items, WithAB, SingleDoor, GapDays int
}

// period is the span the A/B figures are read over: the round's year up to its reference date.
func period(r Round) (time.Time, time.Time) {
	to := r.RefDate
	if to.IsZero() {
		to = time.Date(r.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(r.Year, 1, 1, 0, 0, 0, 0, time.UTC), to
}

// ComputeValues computes every data-driven indicator of the round for every organ, as of the
// round's reference date, and attaches the overrides.
func ComputeValues(ctx context.Context, s *data.Store, r Round, set Set) (map[[2]int64]Value, error) {
	return sqldb.ReadValue(ctx, sqldb.Of(s), func(q sqldb.Queryer) (map[[2]int64]Value, error) {
		return computeValues(ctx, q, s, r, set)
	})
}

// computeValues reads the round's ballots and overrides with q (Load's read transaction).
func computeValues(ctx context.Context, q sqldb.Queryer, s *data.Store, r Round, set Set) (map[[2]int64]Value, error) {
	out := map[[2]int64]Value{}
	roster := map[int64]*data.RosterStats{} // per department (unit id)
	var ab map[string]ABRates
	var abErr error
	abLoaded := false
	bl, err := ballots(q, r.ID)
	if err != nil {
		return nil, err
	}
	ovs, err := overrides(q, r.ID)
	if err != nil {
		return nil, err
	}
	for _, in := range set.Indicators() {
		if !in.FromData() {
			continue
		}
		switch in.Source {
		case SourceCoverage, SourceSecretaryHead, SourceOverdueTerms:
			for _, o := range r.Organs {
				if roster[o.UnitID] == nil {
					st, err := s.RosterStatsOfUnit(ctx, r.RefDate, o.UnitID)
					if err != nil {
						return nil, err
					}
					roster[o.UnitID] = &st
				}
			}
		case SourceABRate, SourceSingleDoor:
			if !abLoaded {
				from, to := period(r)
				ab, abErr = abRatesByDept(ctx, s, from, to)
				abLoaded = true
			}
		}
		for _, o := range r.Organs {
			var v Value
			switch {
			case in.Source == SourceCoverage:
				st := roster[o.UnitID]
				v = rateValue("支部覆盖率", st.UnitsCovered, st.UnitsWithMembers, in.Max)
				v.How += countedIn(*st)
			case in.Source == SourceSecretaryHead:
				st := roster[o.UnitID]
				v = rateValue("书记由部门负责人担任", st.SecretaryIsUnitHead, st.BranchesWithSecretary, in.Max)
				v.How += countedIn(*st)
			case in.Source == SourceOverdueTerms:
				st := roster[o.UnitID]
				p := math.Max(0, in.Max-float64(st.OverdueTerms))
				v = Value{Points: p, How: fmt.Sprintf("逾期未换届支部 %d 个%s，%s − %d = %s", st.OverdueTerms, namedIn(st.OverdueBranches),
					FormatPoints(in.Max), st.OverdueTerms, FormatPoints(p)) + countedIn(*st)}
			case in.Source == SourceABRate || in.Source == SourceSingleDoor:
				v = abValue(in, ab[o.Name], abErr)
			case in.Method == Ballot:
				v = ballotValue(bl[o.ID], in.Max)
			default:
				v = Value{How: "未知的计算来源“" + in.Source + "”"}
			}
			if ov, ok := ovs[[2]int64{o.ID, in.ID}]; ok {
				ov := ov
				v.Override = &ov
			}
			out[[2]int64{o.ID, in.ID}] = v
		}
	}
	return out, nil
}

// countedIn says which branches a department's figure was counted over, so that a disputed
// number can be checked branch by branch.
func countedIn(st data.RosterStats) string {
	if len(st.CountedBranches) == 0 {
		return "（本部门没有建在本部门的党支部）"
	}
	return "（计入本部门的党支部：" + strings.Join(st.CountedBranches, "、") + "）"
}

// namedIn is a list of names in brackets, "" for none.
func namedIn(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return "（" + strings.Join(names, "、") + "）"
}

// rateValue is n/d × max, written out; an empty denominator counts as fully met.
func rateValue(label string, n, d int, max float64) Value {
	if d == 0 {
		return Value{Points: max, How: fmt.Sprintf("%s：无应统计对象，按满分 %s", label, FormatPoints(max))}
	}
	rate := float64(n) / float64(d)
	p := round2(rate * max)
	return Value{Points: p, How: fmt.Sprintf("%s %d/%d = %.1f%% × %s = %s", label, n, d, rate*100, FormatPoints(max), FormatPoints(p))}
}

func abValue(in Indicator, r ABRates, err error) Value {
	if err != nil {
		return Value{How: "AB岗数据读取失败，请人工评分并填写理由"}
	}
	if r.Items == 0 {
		return Value{How: "本部门未登记服务事项，得 0 分"}
	}
	if in.Source == SourceABRate {
		return rateValue("AB岗设置率", r.WithAB, r.Items, in.Max)
	}
	v := rateValue("单一窗口办结率", r.SingleDoor, r.Items, in.Max)
	if r.GapDays > 0 {
		p := math.Max(0, v.Points-float64(r.GapDays))
		v = Value{Points: p, How: fmt.Sprintf("%s；A、B同时缺岗 %d 次，扣 %d 分，得 %s", v.How, r.GapDays, r.GapDays, FormatPoints(p))}
	}
	return v
}

func ballotValue(b BallotCount, max float64) Value {
	sc, ok := b.Score()
	if !ok {
		return Value{How: "尚未录入测评票"}
	}
	p := round2(sc / 100 * max)
	return Value{Points: p, How: fmt.Sprintf("满意 %d、基本满意 %d、不满意 %d（不了解 %d 不计），满意度 %.1f × %s%% = %s",
		b.Satisfied, b.Basic, b.Unsatisfied, b.Unknown, sc, FormatPoints(max), FormatPoints(p))}
}
