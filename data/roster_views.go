package data

import (
	"context"

	"dangjian/data/internal/sqldb"
)

// Read-only summaries the organisation tree and the roster screens show beside the records.

// Headcounts is, per organisation that holds members directly, how many it holds on the store's
// today: members in normal standing for a standing branch, and for a temporary branch the
// members seconded to it whose from–to span covers today. The tree shows them beside each branch.
func (s *Store) Headcounts(ctx context.Context) (map[int64]int, error) {
	day := DateText(s.Today())
	return readWith(ctx, s, func(q queryer) (map[int64]int, error) { return headcounts(ctx, q, day) })
}

func headcounts(ctx context.Context, q queryer, day string) (map[int64]int, error) {
	counts, err := branchCounts(q)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]int, len(counts))
	for id, c := range counts {
		out[id] = c.All
	}
	err = sqldb.Each(ctx, q, func(rows scanner) error {
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
