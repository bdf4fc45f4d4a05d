package data

import (
	"context"
	"database/sql"
	"sync"

	"modernc.org/sqlite"
)

// No statement may commit after its transaction is gone. On a full disk, an I/O error or lack
// of memory SQLite may roll the whole transaction back by itself; database/sql does not know,
// so every later statement on that *sql.Tx runs on its own and commits at once — a roster
// import's row-by-row retry committed 400 persons without a membership, and the Rollback that
// followed failed unnoticed. keepsTransaction lets code avoid going on; this guard makes sure
// nothing that does go on can commit: each transaction's connection carries a rollback hook
// that notes SQLite ending the transaction, and a commit hook that then refuses every commit
// until the transaction is over for database/sql too.

// txGuard is the state of one pooled connection.
type txGuard struct {
	mu       sync.Mutex
	inTx     bool // a transaction of Store.tx is running on the connection
	ending   bool // Store.tx itself is ending it (its Rollback fires the hook too)
	lost     bool // SQLite rolled it back while database/sql still holds it
	hooksSet bool
}

// guards maps each driver connection to its guard.
var guards sync.Map // driver.Conn → *txGuard

func guardOf(dc any) *txGuard {
	g, _ := guards.LoadOrStore(dc, &txGuard{})
	guard := g.(*txGuard)
	guard.mu.Lock()
	defer guard.mu.Unlock()
	if !guard.hooksSet {
		if h, ok := dc.(sqlite.HookRegisterer); ok {
			h.RegisterRollbackHook(guard.rolledBack)
			h.RegisterCommitHook(guard.commit)
		}
		guard.hooksSet = true
	}
	return guard
}

func (g *txGuard) rolledBack() {
	g.mu.Lock()
	if g.inTx && !g.ending {
		g.lost = true
	}
	g.mu.Unlock()
}

// commit refuses (non-zero: SQLite turns the commit into a rollback) every commit on a
// connection whose transaction SQLite already ended.
func (g *txGuard) commit() int32 {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.inTx && g.lost {
		return 1
	}
	return 0
}

func (g *txGuard) set(inTx, ending bool) {
	g.mu.Lock()
	g.inTx, g.ending = inTx, ending
	if !inTx {
		g.lost = false
	}
	g.mu.Unlock()
}

// guardedTx runs fn in one transaction on one connection of db under its guard: committed
// when fn returns nil, rolled back otherwise.
func guardedTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var g *txGuard
	if err := conn.Raw(func(dc any) error { g = guardOf(dc); return nil }); err != nil {
		return err
	}
	g.set(true, false)
	defer g.set(false, false)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // on any exit but a commit, a panic included (after a commit: a no-op)
	if err := fn(tx); err != nil {
		g.set(true, true)
		tx.Rollback()
		return err
	}
	g.set(true, true)
	return tx.Commit()
}
