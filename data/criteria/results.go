package criteria

import (
	"context"
	"math"
	"sort"

	"dangjian/data/internal/sqldb"

	"dangjian/data"
)

// Snapshot is everything known about a round at one moment: the sheets, the score grid and the
// results are all drawn from it, so they agree with each other.
type Snapshot struct {
	Round   Round
	Set     Set
	Scores  map[CellKey]Score
	Values  map[[2]int64]Value // organ, indicator → computed/balloted value
	Ballots map[int64]BallotCount
	Vetoes  map[int64]string
	// TitleName is the institute (else the root 党委) every printed title of the round names.
	TitleName string
}

// Load reads a round and computes its data-driven values.
func Load(ctx context.Context, s *data.Store, roundID int64) (*Snapshot, error) {
	sn := &Snapshot{}
	err := sqldb.Of(s).Read(ctx, func(q sqldb.Queryer) error { return sn.load(ctx, q, s, roundID) })
	if err != nil {
		return nil, err
	}
	// The name every printed title of the round carries.
	p, err := s.Profile(ctx)
	if err != nil {
		return nil, err
	}
	sn.TitleName = p.TitleName()
	return sn, nil
}

// load reads the round, its set, scores, computed values, ballots and vetoes with q, one
// read transaction, so a snapshot never mixes two states of the round.
func (sn *Snapshot) load(ctx context.Context, q sqldb.Queryer, s *data.Store, roundID int64) error {
	var err error
	if sn.Round, err = loadRound(q, roundID); err != nil {
		return err
	}
	if sn.Set, err = loadSet(q, sn.Round.SetID); err != nil {
		return err
	}
	if sn.Scores, err = scores(q, roundID); err != nil {
		return err
	}
	if sn.Values, err = computeValues(ctx, q, s, sn.Round, sn.Set); err != nil {
		return err
	}
	if sn.Ballots, err = ballots(q, roundID); err != nil {
		return err
	}
	sn.Vetoes, err = vetoes(q, roundID)
	return err
}

// Points is what an organ gets on an indicator from a score group, and whether it is known
// (entered, or computed from data).
func (sn *Snapshot) Points(organ int64, in Indicator, group int64) (float64, bool) {
	if in.FromData() {
		v, ok := sn.Values[[2]int64{organ, in.ID}]
		return v.Final(), ok
	}
	sc, ok := sn.Scores[CellKey{organ, in.ID, group}]
	return sc.Points, ok
}

// GroupTotal is a group's total for an organ: a score group's sum of indicator points (the
// bonus dimension capped), a ballot group's satisfaction score; missing counts the scores not
// yet entered.
func (sn *Snapshot) GroupTotal(organ int64, g Group) (total float64, missing int) {
	if g.Kind == GroupBallot {
		sc, ok := sn.Ballots[organ].Score()
		if !ok {
			return 0, 1
		}
		return round2(sc), 0
	}
	for _, d := range sn.Set.Dimensions {
		sum := 0.0
		for _, in := range d.Indicators {
			p, ok := sn.Points(organ, in, g.ID)
			if !ok {
				missing++
			}
			sum += p
		}
		if d.Bonus && d.Cap > 0 {
			sum = math.Min(sum, d.Cap)
		}
		total += sum
	}
	return round2(total), missing
}

// Result is an organ's standing in a round.
type Result struct {
	Organ   Organ
	Total   float64
	Bonus   float64 // the 加分 within Total: Total − Bonus is the 基础分 (out of 100)
	Rank    int
	Grade   string
	Groups  map[string]float64 // evaluator group → its total
	Missing int                // scores and ballots not yet in
	// GroupMissing counts, per evaluator group, the scores (or ballots) not yet in.
	GroupMissing map[string]int
	VetoReason   string // "" when not vetoed
}

// Results weighs each group's total by its weight, ranks the organs (equal totals share a
// rank, vetoed organs after all others) and grades them.
func (sn *Snapshot) Results() []Result {
	out := make([]Result, 0, len(sn.Round.Organs))
	for _, o := range sn.Round.Organs {
		res := Result{Organ: o, Groups: map[string]float64{}, GroupMissing: map[string]int{}, VetoReason: sn.Vetoes[o.ID]}
		var sum, bonus, weights float64
		for _, g := range sn.Round.Groups {
			t, miss := sn.GroupTotal(o.ID, g)
			res.Groups[g.Name] = t
			res.GroupMissing[g.Name] = miss
			res.Missing += miss
			sum += g.Weight * t
			bonus += g.Weight * sn.groupBonus(o.ID, g)
			weights += g.Weight
		}
		if weights > 0 {
			res.Total = round2(sum / weights)
			res.Bonus = round2(bonus / weights)
		}
		res.Grade = GradeOf(res.Total, res.VetoReason != "")
		if res.Missing > 0 && res.VetoReason == "" {
			res.Grade = Pending // a half-scored organ is not 不合格, it is not finished
		}
		out = append(out, res)
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := out[order[a]], out[order[b]]
		if (x.VetoReason != "") != (y.VetoReason != "") {
			return x.VetoReason == ""
		}
		return x.Total > y.Total
	})
	for pos, i := range order {
		out[i].Rank = pos + 1
		if pos > 0 {
			prev := out[order[pos-1]]
			if prev.Total == out[i].Total && (prev.VetoReason != "") == (out[i].VetoReason != "") {
				out[i].Rank = prev.Rank
			}
		}
	}
	sorted := make([]Result, len(out))
	for pos, i := range order {
		sorted[pos] = out[i]
	}
	return sorted
}

// Results loads a round and returns its results in rank order.
func Results(ctx context.Context, s *data.Store, roundID int64) ([]Result, error) {
	sn, err := Load(ctx, s, roundID)
	if err != nil {
		return nil, err
	}
	return sn.Results(), nil
}
