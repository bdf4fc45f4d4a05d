// Package storetest opens a real store for the tests of data's sub-packages, the screens and the
// command line: a SQLite file in the test's temporary folder, its day pinned, closed when the
// test ends — never a mock. It imports only data, so the tests inside abpost and criteria can use
// it; the demo institute is demotest's.
package storetest

import (
	"path/filepath"
	"testing"
	"time"

	"dangjian/data"
)

// Open is an empty store in a temporary folder whose today is the day of now.
func Open(tb testing.TB, now time.Time) *data.Store {
	tb.Helper()
	s, err := data.Open(filepath.Join(tb.TempDir(), "x.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	s.Now = func() time.Time { return now }
	return s
}
