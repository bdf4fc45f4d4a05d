// Package sqldbtest breaks a real SQLite database in the ways a guard must survive, for tests
// of data and its sub-packages: no mock store, the same file the app would open.
package sqldbtest

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"dangjian/data/internal/sqldb"
)

// Unreadable makes every read of table fail while writes still reach it: the table moves to
// table_real and a view of the old name, whose every read raises an error, takes inserts
// through to it. A guard that counts rows of table then meets a database error where it used
// to read 0, and the action behind it must be refused.
func Unreadable(t testing.TB, db *sql.DB, table string) { UnreadableAfter(t, db, table, 0) }

// UnreadableAfter is Unreadable from the row after the first n (in rowid order): a query of
// the table starts well and fails part way, which only a reader that checks rows.Err sees.
func UnreadableAfter(t testing.TB, db *sql.DB, table string, n int) {
	t.Helper()
	type col struct {
		name string
		dflt sql.NullString
	}
	cols, err := sqldb.Collect(context.Background(), db, func(rows sqldb.Scanner) (col, error) {
		var c col
		return c, rows.Scan(&c.name, &c.dflt)
	}, `SELECT name, dflt_value FROM pragma_table_info(?) ORDER BY cid`, table)
	if err != nil {
		t.Fatal(err)
	}
	if len(cols) == 0 {
		t.Fatalf("no table %s", table)
	}
	names, values := make([]string, len(cols)), make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
		values[i] = "NEW." + c.name
		if c.dflt.Valid {
			values[i] = fmt.Sprintf("COALESCE(NEW.%s, %s)", c.name, c.dflt.String)
		}
	}
	list := strings.Join(names, ", ")
	// json() of a non-JSON text raises "malformed JSON" when the view is read.
	fail := `json('unreadable') IS NOT NULL`
	if n > 0 {
		fail = fmt.Sprintf(`CASE WHEN (SELECT COUNT(*) FROM %[1]s_real r WHERE r.rowid <= %[1]s_real.rowid) > %[2]d THEN %[3]s ELSE 1 END`, table, n, fail)
	}
	for _, q := range []string{
		fmt.Sprintf(`ALTER TABLE %s RENAME TO %s_real`, table, table),
		fmt.Sprintf(`CREATE VIEW %s AS SELECT %s FROM %s_real WHERE %s`, table, list, table, fail),
		fmt.Sprintf(`CREATE TRIGGER %s_insert INSTEAD OF INSERT ON %s BEGIN INSERT INTO %s_real(%s) VALUES (%s); END`,
			table, table, table, list, strings.Join(values, ", ")),
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// Rows counts the rows really stored in a table made Unreadable (or any table).
func Rows(t testing.TB, db *sql.DB, table string) int {
	t.Helper()
	real := table
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name=?`, table+"_real").Scan(&n); err == nil && n == 1 {
		real = table + "_real"
	}
	if err := db.QueryRow(`SELECT COUNT(*) FROM ` + real).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
