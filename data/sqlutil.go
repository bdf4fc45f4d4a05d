package data

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"dangjian/data/civil"
	"dangjian/data/internal/sqldb"
)

// Stored dates are TEXT 'YYYY-MM-DD', ” for unknown: readable in any SQLite tool and sortable.
const dateLayout = "2006-01-02"

// DateText is how a date is stored and exchanged: "" for the zero time.
func DateText(t time.Time) string { return civil.Format(t) }

// ParseDateText reads a stored date; anything unreadable is unknown.
func ParseDateText(s string) time.Time {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// queryer is what both *sql.DB and *sql.Tx offer, so read helpers serve inside and outside a transaction.
type queryer = sqldb.Queryer

// scanner is what both *sql.Row and *sql.Rows offer, so one scan function reads either.
type scanner = sqldb.Scanner

// collect runs a query and scans every row: the one loop behind every list the store reads.
func collect[T any](q queryer, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	return sqldb.Collect(context.Background(), q, scan, query, args...)
}

// count reads a COUNT that guards an action; on a database error the action is refused with
// what says what could not be checked — a count that could not be read is not 0.
func count(q queryer, what, query string, args ...any) (int, error) {
	n, err := sqldb.Count(context.Background(), q, query, args...)
	if err != nil {
		return 0, sqldb.CheckFailed(what, err)
	}
	return n, nil
}

// lookupFailed is the error of reading the record an action is about: ErrNotFound when it is not
// there, and otherwise a refusal saying it could not be read — a database error is not "deleted".
func lookupFailed(what string, err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return sqldb.CheckFailed(what, err)
}

// keepsTransaction tells whether the transaction a statement failed in is still open: SQLite
// undoes only the statement on a constraint failure (a duplicate ID number, a missing branch),
// but on a full disk, an I/O error or lack of memory it may roll the whole transaction back by
// itself, and every later statement on that *sql.Tx then runs, and commits, on its own. Code
// that goes on after a failed statement (to name the row at fault) may do so only when this
// says true; anything else must end the action at once.
func keepsTransaction(err error) bool {
	var e *sqlite.Error
	// A commit refused by the guard (tx_guard.go) is a constraint code too, but it says the
	// transaction is already gone.
	return errors.As(err, &e) && e.Code()&0xff == sqlite3.SQLITE_CONSTRAINT && e.Code() != sqlite3.SQLITE_CONSTRAINT_COMMITHOOK
}
