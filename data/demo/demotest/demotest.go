// Package demotest gives tests the demo institute in a real store (storetest's), and the
// snapshots of its evaluation rounds.
package demotest

import (
	"context"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/criteria"
	"dangjian/data/demo"
	"dangjian/data/storetest"
)

// Store is storetest.Open with the demo institute loaded.
func Store(tb testing.TB, now time.Time) *data.Store {
	tb.Helper()
	s := storetest.Open(tb, now)
	if err := demo.Load(context.Background(), s); err != nil {
		tb.Fatal(err)
	}
	return s
}

// Round is the snapshot of the evaluation round of year in s; the test fails without one.
func Round(tb testing.TB, s *data.Store, year int) *criteria.Snapshot {
	tb.Helper()
	rs, err := criteria.Rounds(context.Background(), s)
	if err != nil {
		tb.Fatal(err)
	}
	for _, r := range rs {
		if r.Year == year {
			sn, err := criteria.Load(context.Background(), s, r.ID)
			if err != nil {
				tb.Fatal(err)
			}
			return sn
		}
	}
	tb.Fatalf("no round of %d", year)
	return nil
}
