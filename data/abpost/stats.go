package abpost

import (
	"context"
	"time"

	"dangjian/data"
)

// Rates summarises the A/B posts over a period for the model-organ indicators.
type Rates struct {
	Items      int // service items in the catalogue
	WithAB     int // items with both an A and a B assigned (A ≠ B)
	SingleDoor int // items handled at exactly one door
	GapDays    int // item-days in [from, to] (service days only) when A and B were both away
}

// ComputeRates counts the catalogue as it stood on to (the posts held that day) and the gap
// item-days over the service days of [from, to].
func ComputeRates(ctx context.Context, s *data.Store, from, to time.Time) (Rates, error) {
	by, err := rates(ctx, s, from, to)
	if err != nil {
		return Rates{}, err
	}
	var r Rates
	for _, x := range by {
		r.Items += x.Items
		r.WithAB += x.WithAB
		r.SingleDoor += x.SingleDoor
		r.GapDays += x.GapDays
	}
	return r, nil
}

// ComputeRatesByDept is ComputeRates per department, keyed by the department's name.
func ComputeRatesByDept(ctx context.Context, s *data.Store, from, to time.Time) (map[string]Rates, error) {
	return rates(ctx, s, from, to)
}

func rates(ctx context.Context, s *data.Store, from, to time.Time) (map[string]Rates, error) {
	cov, err := ComputeCoverage(ctx, s, from, to)
	if err != nil {
		return nil, err
	}
	posts, err := Items(ctx, s, ItemFilter{}, day(to))
	if err != nil {
		return nil, err
	}
	out := map[string]Rates{}
	for _, it := range posts {
		r := out[it.Dept]
		r.Items++
		if it.AID != 0 && it.BID != 0 && it.AID != it.BID {
			r.WithAB++
		}
		if len(it.Doors()) == 1 {
			r.SingleDoor++
		}
		out[it.Dept] = r
	}
	for i, it := range cov.Items {
		r := out[it.Dept]
		for _, c := range cov.Cells[i] {
			if c.State == StateGap {
				r.GapDays++
			}
		}
		out[it.Dept] = r
	}
	return out, nil
}
