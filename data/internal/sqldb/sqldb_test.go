package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

func open(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`CREATE TABLE x(n INTEGER); INSERT INTO x VALUES (1),(2),(3)`); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestCollectAndCount(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	got, err := Collect(ctx, db, func(sc Scanner) (int, error) {
		var n int
		return n, sc.Scan(&n)
	}, `SELECT n FROM x ORDER BY n`)
	if err != nil || len(got) != 3 || got[2] != 3 {
		t.Errorf("Collect = %v, %v", got, err)
	}
	if n, err := Count(ctx, db, `SELECT COUNT(*) FROM x WHERE n > ?`, 1); n != 2 || err != nil {
		t.Errorf("Count = %d, %v", n, err)
	}
}

// A count that cannot be read is an error, never 0, and its refusal is one Chinese sentence.
func TestCountOfAnUnreadableTableIsAnError(t *testing.T) {
	db := open(t)
	n, err := Count(context.Background(), db, `SELECT COUNT(*) FROM gone`)
	if err == nil {
		t.Fatalf("Count of a missing table = %d, nil", n)
	}
	r := CheckFailed("该组织的党员人数", err)
	if !IsCheckFailed(r) || errors.Unwrap(r) != err || strings.Contains(r.Error(), "no such table") || !strings.HasPrefix(r.Error(), "无法核对该组织的党员人数") {
		t.Errorf("refusal %q", r)
	}
}

func TestEachStopsAtTheFirstError(t *testing.T) {
	db := open(t)
	stop := errors.New("stop")
	seen := 0
	err := Each(context.Background(), db, func(Scanner) error { seen++; return stop }, `SELECT n FROM x`)
	if !errors.Is(err, stop) || seen != 1 {
		t.Errorf("Each = %v after %d rows", err, seen)
	}
}
