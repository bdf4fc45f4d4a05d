package sqldb

import (
	"context"
	"database/sql"
	"errors"
)

// Store is what data gives its sub-packages (abpost, criteria, sheets, demo) of one open
// store: the pool, the write and read transactions, the audit log and undo batches. Of reaches
// it from a *data.Store; being internal, nothing outside data can, so every write of app/ and
// cmd/ goes through a use case.
type Store interface {
	// Pool is the connection pool, for what must run outside any transaction (and tests).
	Pool() *sql.DB
	// Q is what to read with: the transaction ctx carries (see WithTx), else the pool.
	Q(ctx context.Context) Queryer
	// Tx runs fn in one write transaction, committed when fn returns nil and rolled back on
	// any other exit. Inside a transaction ctx carries, fn runs in that one.
	Tx(ctx context.Context, fn func(*sql.Tx) error) error
	// Read runs fn in one read transaction, so its queries see one state of the database; it
	// always rolls back.
	Read(ctx context.Context, fn func(Queryer) error) error
	// Audit writes a line of the 操作日志 inside tx.
	Audit(tx *sql.Tx, action, subject, detail, reason string, batch int64) error
	// BeginBatch starts recording an undoable import inside tx.
	BeginBatch(tx *sql.Tx, kind, source string) (Batch, error)
	// EnsureUnit finds a host unit by name or creates it with kind, inside tx.
	EnsureUnit(tx *sql.Tx, name, kind string) (int64, error)
}

// Batch records what one import changed, so it can be undone as a whole.
type Batch interface {
	ID() int64
	// Inserted records a row the batch created; undo deletes it.
	Inserted(table string, id int64) error
	// Updating records a row's before-image; call it before the batch changes the row.
	Updating(table string, id int64) error
	// Flush writes the records of the rows inserted so far (they change no more).
	Flush() error
	// Finish stores the after-images and the summary, and logs the import.
	Finish(summary string) error
}

// Of gives a sub-package the plumbing of a *data.Store; data sets it in its init.
var Of func(store any) Store

// undoable names the tables a batch may touch; undo writes only to these.
var undoable = map[string]bool{
	"unit": true, "org": true, "person": true, "membership": true, "transfer": true,
	"temp_member": true, "term": true, "seat": true,
}

// RegisterUndoable lets a sub-package (abpost, criteria) allow batches over its own tables;
// call it from an init.
func RegisterUndoable(tables ...string) {
	for _, t := range tables {
		undoable[t] = true
	}
}

// Undoable tells whether a batch may touch table.
func Undoable(table string) bool { return undoable[table] }

type txKey struct{}

// WithTx is ctx carrying tx, so that a use case called with it (SaveMember, SaveOrg, an
// abpost or criteria save) runs inside the caller's transaction instead of its own: the demo
// loader and the imports build on the use cases instead of writing their tables themselves.
func WithTx(ctx context.Context, tx *sql.Tx) context.Context {
	return context.WithValue(ctx, txKey{}, tx)
}

// TxOf is the transaction ctx carries, nil when none.
func TxOf(ctx context.Context) *sql.Tx {
	tx, _ := ctx.Value(txKey{}).(*sql.Tx)
	return tx
}

// ErrNoTx refuses a step that only runs inside a caller's transaction.
var ErrNoTx = errors.New("这一步只能在载入演示数据或导入时执行，未作任何改动")

// ReadValue runs fn in one read transaction of st and returns what it read: the one shape of
// every reader that takes a context. A cancelled ctx ends the read with ctx's error, and a
// failed read returns the zero value, never a list cut short.
func ReadValue[T any](ctx context.Context, st Store, fn func(Queryer) (T, error)) (T, error) {
	var out T
	err := st.Read(ctx, func(q Queryer) error {
		var err error
		out, err = fn(q)
		return err
	})
	if err != nil {
		var zero T
		return zero, err
	}
	return out, nil
}
