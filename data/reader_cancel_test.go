package data_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/abpost"
	"dangjian/data/criteria"
	"dangjian/data/demo"
)

// demoStore is the demo institute in a fresh database, on the demo's date.
func demoStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "cancel.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.Now = func() time.Time { return time.Date(2026, 11, 28, 10, 0, 0, 0, time.Local) }
	if err := demo.Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	return s
}

// A reader called with a cancelled context reads nothing and says it was cancelled: the
// window's 取消 and the command line's Ctrl-C stop a long read instead of waiting it out, and
// no screen is filled from half a list.
func TestReadersStopOnACancelledContext(t *testing.T) {
	s := demoStore(t)
	today := s.Today()
	rounds, err := criteria.Rounds(context.Background(), s)
	if err != nil || len(rounds) == 0 {
		t.Fatalf("the demo has no evaluation round: %v", err)
	}
	round := rounds[0].ID
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, c := range []struct {
		name string
		read func(ctx context.Context) (int, error) // how much it read
	}{
		{"Members", func(ctx context.Context) (int, error) {
			ms, err := s.Members(ctx, data.MemberFilter{})
			return len(ms), err
		}},
		{"Members page", func(ctx context.Context) (int, error) {
			ms, err := s.Members(ctx, data.MemberFilter{Limit: 5})
			return len(ms), err
		}},
		{"Orgs", func(ctx context.Context) (int, error) {
			os, err := s.Orgs(ctx)
			return len(os), err
		}},
		{"Headcounts", func(ctx context.Context) (int, error) {
			h, err := s.Headcounts(ctx)
			return len(h), err
		}},
		{"RosterStatsOn", func(ctx context.Context) (int, error) {
			st, err := s.RosterStatsOn(ctx, today)
			return st.Branches, err
		}},
		{"Check", func(ctx context.Context) (int, error) {
			fs, err := s.Check(ctx)
			return len(fs), err
		}},
		{"Persons", func(ctx context.Context) (int, error) {
			ps, err := s.Persons(ctx)
			return len(ps), err
		}},
		{"AuditLog", func(ctx context.Context) (int, error) {
			es, err := s.AuditLog(ctx, data.AuditFilter{})
			return len(es), err
		}},
		{"Profile", func(ctx context.Context) (int, error) {
			p, err := s.Profile(ctx)
			return len(p.CommitteeName), err
		}},
		{"ComputeCoverage", func(ctx context.Context) (int, error) {
			cov, err := abpost.ComputeCoverage(ctx, s, today, today.AddDate(0, 0, 30))
			if cov == nil {
				return 0, err
			}
			return len(cov.Items), err
		}},
		{"Items", func(ctx context.Context) (int, error) {
			its, err := abpost.Items(ctx, s, abpost.ItemFilter{}, today)
			return len(its), err
		}},
		{"Rounds", func(ctx context.Context) (int, error) {
			rs, err := criteria.Rounds(ctx, s)
			return len(rs), err
		}},
		{"Results", func(ctx context.Context) (int, error) {
			rs, err := criteria.Results(ctx, s, round)
			return len(rs), err
		}},
	} {
		full, err := c.read(context.Background())
		if err != nil || full == 0 {
			t.Fatalf("%s: the demo reads as %d, %v; the test needs something to read", c.name, full, err)
		}
		n, err := c.read(cancelled)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a cancelled context: error %v, want context.Canceled", c.name, err)
		}
		if n != 0 {
			t.Errorf("%s with a cancelled context read %d of %d: a cancelled read returns nothing", c.name, n, full)
		}
		if msg := data.Explain(err); msg != "已取消，数据未作任何改动。" {
			t.Errorf("%s: a cancelled read tells the user %q", c.name, msg)
		}
	}
}

// Cancelled while it reads a large roster, Members returns either the whole roster (it had
// finished) or nothing and context.Canceled — never a part of the list. Which of the two
// depends on timing; neither outcome asserts a time.
func TestMembersCancelledMidReadReturnsAllOrNothing(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "big.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := demo.Synthetic(context.Background(), s, 5000, 50); err != nil {
		t.Fatal(err)
	}
	all, err := s.Members(context.Background(), data.MemberFilter{})
	if err != nil {
		t.Fatal(err)
	}
	stopped := 0
	for range 5 {
		ctx, cancel := context.WithCancel(context.Background())
		started := make(chan struct{})
		go func() {
			<-started
			cancel()
		}()
		close(started)
		ms, err := s.Members(ctx, data.MemberFilter{})
		cancel()
		switch {
		case err == nil && len(ms) == len(all):
		case errors.Is(err, context.Canceled) && ms == nil:
			stopped++
		default:
			t.Fatalf("cancelled mid-read: %d of %d members, error %v", len(ms), len(all), err)
		}
	}
	t.Logf("%d of 5 reads were stopped", stopped)
}
