package data_test

import (
	"os"
	"path/filepath"
	"testing"
)

// mkdirTemp makes a directory that outlives one benchmark, so the 100 000-member store is
// generated once per process; TestMain removes it.
func mkdirTemp() (string, error) { return os.MkdirTemp("", "dangjian-bench-") }

func TestMain(m *testing.M) {
	code := m.Run()
	if bigPath != "" {
		os.RemoveAll(filepath.Dir(bigPath))
	}
	os.Exit(code)
}
