package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"dangjian/data"
)

// The demo writes through the store's use cases (every rule, every audit line), so loading it
// costs more than raw INSERTs would; these keep that cost in sight. `make run` loads the demo
// on an empty database before the window opens, and the benchmarks build their large rosters
// with Synthetic.

func benchStore(b *testing.B) *data.Store {
	b.Helper()
	s, err := data.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	s.Now = func() time.Time { return time.Date(2026, 11, 28, 9, 0, 0, 0, time.Local) }
	return s
}

func BenchmarkDemoLoad(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		s := benchStore(b)
		b.StartTimer()
		if err := Load(context.Background(), s); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

func BenchmarkDemoSynthetic10k(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		s := benchStore(b)
		b.StartTimer()
		if err := Synthetic(context.Background(), s, 10_000, 200); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}
