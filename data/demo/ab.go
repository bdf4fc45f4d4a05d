package demo

import (
	"context"
	"database/sql"
	"time"

	"dangjian/data"
)

// loadAB adds the demo A/B post catalogue; it arrives with the A/B posts feature.
func loadAB(ctx context.Context, s *data.Store, tx *sql.Tx, r *Roster, today time.Time) error {
	return nil
}
