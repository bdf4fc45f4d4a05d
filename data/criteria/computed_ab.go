package criteria

import (
	"context"
	"time"

	"dangjian/data"
	"dangjian/data/abpost"
)

// abRatesByDept reads the A/B post figures per department (the departments are the organs)
// from package abpost, which owns the A/B tables.
func abRatesByDept(ctx context.Context, s *data.Store, from, to time.Time) (map[string]ABRates, error) {
	by, err := abpost.ComputeRatesByDept(ctx, s, from, to)
	if err != nil {
		return nil, err
	}
	out := make(map[string]ABRates, len(by))
	for dept, r := range by {
		out[dept] = ABRates{Items: r.Items, WithAB: r.WithAB, SingleDoor: r.SingleDoor, GapDays: r.GapDays}
	}
	return out, nil
}
