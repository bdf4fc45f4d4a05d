package data

import (
	"context"
	"database/sql"

	"dangjian/data/internal/sqldb"
)

// data's sub-packages reach the store's pool, transactions, audit log and undo batches
// through sqldb.Of(store); app/ and cmd/ cannot import data/internal, so they reach the
// database only through the use cases.
func init() {
	sqldb.Of = func(store any) sqldb.Store { return plumbing{store.(*Store)} }
}

// plumbing is a store's sqldb.Store.
type plumbing struct{ s *Store }

func (p plumbing) Pool() *sql.DB { return p.s.db }

func (p plumbing) Q(ctx context.Context) sqldb.Queryer { return p.s.q(ctx) }

func (p plumbing) Tx(ctx context.Context, fn func(*sql.Tx) error) error { return p.s.tx(ctx, fn) }

func (p plumbing) Read(ctx context.Context, fn func(sqldb.Queryer) error) error {
	return p.s.read(ctx, fn)
}

func (p plumbing) Audit(tx *sql.Tx, action, subject, detail, reason string, batch int64) error {
	return p.s.audit(tx, action, subject, detail, reason, batch)
}

func (p plumbing) BeginBatch(tx *sql.Tx, kind, source string) (sqldb.Batch, error) {
	b, err := p.s.beginBatch(tx, kind, source)
	if err != nil {
		return nil, err
	}
	return b, nil
}

func (p plumbing) EnsureUnit(tx *sql.Tx, name, kind string) (int64, error) {
	return ensureUnit(tx, name, kind)
}

// q is what a reader reads with: the transaction ctx carries, else the pool.
func (s *Store) q(ctx context.Context) sqldb.Queryer {
	if tx := sqldb.TxOf(ctx); tx != nil {
		return tx
	}
	return s.db
}

// tx runs fn in one write transaction: committed when fn returns nil, rolled back otherwise
// (a panic included). Inside a transaction ctx carries (sqldb.WithTx), fn runs in that one,
// which its owner commits or rolls back.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	if tx := sqldb.TxOf(ctx); tx != nil {
		return fn(tx)
	}
	return guardedTx(ctx, s.db, fn) // nothing commits once SQLite has ended it (tx_guard.go)
}

// read runs fn in one read transaction (a deferred BEGIN: a snapshot of the database without
// the write lock), always rolled back; inside a transaction ctx carries, in that one.
func (s *Store) read(ctx context.Context, fn func(sqldb.Queryer) error) error {
	if tx := sqldb.TxOf(ctx); tx != nil {
		return fn(tx)
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		// A cancelled ctx ends the transaction under fn: its later statements fail with
		// sql.ErrTxDone, its open rows with ctx's error. Either way the read was stopped.
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		return err
	}
	return nil
}

// readWith runs one reader in a read transaction under ctx (sqldb.ReadValue).
func readWith[T any](ctx context.Context, s *Store, fn func(queryer) (T, error)) (T, error) {
	return sqldb.ReadValue(ctx, plumbing{s}, fn)
}
