package demo

import (
	"context"
	"database/sql"
	"time"

	"dangjian/data"
)

// loadEval adds the demo criteria set and evaluation rounds; it arrives with the model-organ feature.
func loadEval(ctx context.Context, s *data.Store, tx *sql.Tx, r *Roster, today time.Time) error {
	return nil
}
