package data_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
)

// The scale: 100 000 members in 2 000 branches, generated once per test process.
var (
	bigOnce sync.Once
	bigPath string
	bigErr  error
)

func bigStore(b *testing.B) string {
	bigOnce.Do(func() {
		dir, err := mkdirTemp()
		if err != nil {
			bigErr = err
			return
		}
		bigPath = filepath.Join(dir, "big.db")
		s, err := data.Open(bigPath)
		if err != nil {
			bigErr = err
			return
		}
		s.Now = func() time.Time { return time.Date(2026, 11, 28, 10, 0, 0, 0, time.Local) }
		bigErr = demo.Synthetic(context.Background(), s, 100_000, 2_000)
		s.Close()
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigPath
}

// BenchmarkOpenAndFirstScreen: open the store and read the roster's first screen (target < 300 ms).
func BenchmarkOpenAndFirstScreen(b *testing.B) {
	path := bigStore(b)
	for b.Loop() {
		s, err := data.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		page, err := s.Members(context.Background(), data.MemberFilter{Limit: 200})
		if err != nil || len(page) != 200 {
			b.Fatalf("first page: %d rows, %v", len(page), err)
		}
		if _, err := s.Orgs(context.Background()); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkSearchKeystroke: one keystroke of search-as-you-type over 100 000 members (target < 30 ms).
func BenchmarkSearchKeystroke(b *testing.B) {
	s, err := data.Open(bigStore(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	all, err := s.Members(context.Background(), data.MemberFilter{})
	if err != nil {
		b.Fatal(err)
	}
	idx := data.NewRosterIndex(all)
	queries := []string{"王", "王伟", "3401", "139", "李"}
	i := 0
	for b.Loop() {
		res := idx.Search(data.MemberFilter{Query: queries[i%len(queries)]}, nil)
		if len(res) == 0 {
			b.Fatalf("no hits for %q", queries[i%len(queries)])
		}
		i++
	}
}

// BenchmarkLoadRosterIndex: reading all 100 000 members and indexing them (done off the UI thread).
func BenchmarkLoadRosterIndex(b *testing.B) {
	s, err := data.Open(bigStore(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		all, err := s.Members(context.Background(), data.MemberFilter{})
		if err != nil || len(all) != 100_000 {
			b.Fatalf("%d members, %v", len(all), err)
		}
		data.NewRosterIndex(all)
	}
}

// BenchmarkCheck: every derived rule over the whole store (target < 1 s).
func BenchmarkCheck(b *testing.B) {
	s, err := data.Open(bigStore(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	s.Now = func() time.Time { return time.Date(2026, 11, 28, 10, 0, 0, 0, time.Local) }
	for b.Loop() {
		fs, err := s.Check(context.Background())
		if err != nil || len(fs) == 0 {
			b.Fatalf("%d findings, %v", len(fs), err)
		}
	}
}
