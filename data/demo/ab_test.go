package demo_test

import (
	"context"
	"testing"
	"time"

	"dangjian/data/abpost"
	"dangjian/data/demo/demotest"
)

func TestDemoABHasOneGapAndBCover(t *testing.T) {
	s := demotest.Store(t, time.Date(2026, 11, 28, 10, 0, 0, 0, time.Local)) // a Saturday
	cov, err := abpost.ComputeCoverage(context.Background(), s, s.Today(), s.Today().AddDate(0, 0, 13))
	if err != nil {
		t.Fatal(err)
	}
	sum := cov.Summary()
	if sum.Items != 21 || sum.Gaps != 1 || sum.ByB < 5 {
		t.Fatalf("demo coverage %+v: want 21 items, one gap, several B days", sum)
	}
	r, _ := abpost.ComputeRates(context.Background(), s, s.Today(), s.Today().AddDate(0, 0, 6))
	if r.WithAB != 21 || r.SingleDoor != 21 || r.GapDays != 1 {
		t.Fatalf("rates %+v", r)
	}
}
