// Package sqldb is the one reading plumbing of data and its sub-packages: the queryer that a
// pool and a transaction both are, and the loops that run a query and scan its rows. Being
// internal, app/ and cmd/ cannot reach past the store's API to it.
package sqldb

import (
	"context"
	"database/sql"
	"errors"
)

// Queryer is what both *sql.DB and *sql.Tx offer, so a reader serves inside and outside a
// transaction.
type Queryer interface {
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
	Exec(query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Scanner is what both *sql.Row and *sql.Rows offer, so one scan function reads either.
type Scanner = interface{ Scan(dest ...any) error }

// Each runs a query and calls fn for every row, stopping at fn's first error. A failed row
// read (rows.Err) is an error too, never a shorter list.
func Each(ctx context.Context, q Queryer, fn func(Scanner) error, query string, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Collect runs a query and scans every row into a list: the one loop behind every list the
// store reads.
func Collect[T any](ctx context.Context, q Queryer, scan func(Scanner) (T, error), query string, args ...any) ([]T, error) {
	var out []T
	err := Each(ctx, q, func(sc Scanner) error {
		v, err := scan(sc)
		if err != nil {
			return err
		}
		out = append(out, v)
		return nil
	}, query, args...)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Count runs a COUNT query. Its error must refuse whatever the count guards: a count that
// could not be read is not zero.
func Count(ctx context.Context, q Queryer, query string, args ...any) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, query, args...).Scan(&n)
	return n, err
}

// CheckFailed is the refusal of an action whose guard could not read the database: what says
// what could not be checked ("该组织的党员人数"). The cause stays reachable with errors.Is/As.
func CheckFailed(what string, err error) error { return &checkFailed{what, err} }

type checkFailed struct {
	what string
	err  error
}

func (e *checkFailed) Error() string {
	return "无法核对" + e.what + "（读取数据库失败），未作任何改动；请稍后重试，如仍失败请从备份恢复数据库"
}

func (e *checkFailed) Unwrap() error { return e.err }

// IsCheckFailed tells a guard's refusal from other errors.
func IsCheckFailed(err error) bool {
	var c *checkFailed
	return errors.As(err, &c)
}
