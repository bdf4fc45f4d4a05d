package data

import (
	"context"

	"dangjian/data/internal/sqldb"
)

// Read-only summaries the organisation tree and the roster screens show beside the records.

// Headcounts is, per organisation that holds members directly, how many it holds on the store's
// today: members in normal standing for a standing branch, and for a temporary branch the
// members seconded to it whose from–to span covers today. The tree shows them beside each branch.
func (s *Store) Headcounts() (map[int64]int, error) {
	counts, err := branchCounts(s.db)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]int, len(counts))
	for id, c := range counts {
		out[id] = c.All
	}
	day := DateText(s.Today())
	err = sqldb.Each(context.Background(), s.db, func(rows scanner) error {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		out[id] += n
		return nil
	}, `SELECT branch_id, COUNT(*) FROM temp_member
		WHERE (from_date='' OR from_date<=?) AND (to_date='' OR to_date>=?) GROUP BY branch_id`, day, day)
	if err != nil {
		return nil, err
	}
	return out, nil
}
