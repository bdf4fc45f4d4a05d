package criteria

import (
	"database/sql"
	"time"
)

// Seeding writes inside a caller's transaction, for the demo institute that loads as one
// transaction. It trusts its input: user input goes through SetScore and ImportScores.

// SeedScoresTx writes scores inside tx.
func SeedScoresTx(tx *sql.Tx, entries []ScoreEntry) error {
	for _, e := range entries {
		if _, err := upsertScore(tx, e.Key, e.Points, e.Note, nil); err != nil {
			return err
		}
	}
	return nil
}

// SeedBallotTx writes one organ's ballot counts of one category inside tx.
func SeedBallotTx(tx *sql.Tx, organID int64, b BallotCount) error {
	_, err := tx.Exec(`INSERT INTO eval_ballot(organ_id, category, satisfied, basic, unsatisfied, unknown) VALUES (?,?,?,?,?,?)`,
		organID, b.Category, b.Satisfied, b.Basic, b.Unsatisfied, b.Unknown)
	return err
}

// SeedVetoTx vetoes an organ inside tx.
func SeedVetoTx(tx *sql.Tx, organID int64, reason string) error {
	_, err := tx.Exec(`INSERT INTO eval_veto(organ_id, reason) VALUES (?,?)`, organID, reason)
	return err
}

// SeedLockTx marks a round final inside tx.
func SeedLockTx(tx *sql.Tx, roundID int64, at time.Time, reason string) error {
	_, err := tx.Exec(`UPDATE eval_round SET locked=1, locked_at=?, lock_reason=? WHERE id=?`, at.Format(time.RFC3339), reason, roundID)
	return err
}

// LoadRoundTx and LoadSetTx read inside tx (a round created in the same transaction).
func LoadRoundTx(tx *sql.Tx, id int64) (Round, error) { return loadRound(tx, id) }

// LoadSetTx reads a set inside tx.
func LoadSetTx(tx *sql.Tx, id int64) (Set, error) { return loadSet(tx, id) }
