package criteria

import (
	"context"
	"time"

	"dangjian/data/internal/sqldb"
)

// Seeding writes inside the transaction ctx carries (sqldb.WithTx), for the demo institute
// that loads as one transaction; only data's own packages can give one, so outside them these
// refuse. It trusts its input: user input goes through SetScore and ImportScores.

// SeedScores writes scores.
func SeedScores(ctx context.Context, entries []ScoreEntry) error {
	tx := sqldb.TxOf(ctx)
	if tx == nil {
		return sqldb.ErrNoTx
	}
	for _, e := range entries {
		if _, err := upsertScore(tx, e.Key, e.Points, e.Note, nil); err != nil {
			return err
		}
	}
	return nil
}

// SeedBallot writes one organ's ballot counts of one category.
func SeedBallot(ctx context.Context, organID int64, b BallotCount) error {
	return seedExec(ctx, `INSERT INTO eval_ballot(organ_id, category, satisfied, basic, unsatisfied, unknown) VALUES (?,?,?,?,?,?)`,
		organID, b.Category, b.Satisfied, b.Basic, b.Unsatisfied, b.Unknown)
}

// SeedVeto vetoes an organ.
func SeedVeto(ctx context.Context, organID int64, reason string) error {
	return seedExec(ctx, `INSERT INTO eval_veto(organ_id, reason) VALUES (?,?)`, organID, reason)
}

// SeedLock marks a round final.
func SeedLock(ctx context.Context, roundID int64, at time.Time, reason string) error {
	return seedExec(ctx, `UPDATE eval_round SET locked=1, locked_at=?, lock_reason=? WHERE id=?`, at.Format(time.RFC3339), reason, roundID)
}

func seedExec(ctx context.Context, query string, args ...any) error {
	tx := sqldb.TxOf(ctx)
	if tx == nil {
		return sqldb.ErrNoTx
	}
	_, err := tx.ExecContext(ctx, query, args...)
	return err
}
