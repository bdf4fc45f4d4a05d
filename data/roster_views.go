package data

// Read-only summaries the organisation tree and the roster screens show beside the records.

// Headcounts is, per organisation that holds members directly, how many it holds on the store's
// today: members in normal standing for a standing branch, and for a temporary branch the
// members seconded to it whose from–to span covers today. The tree shows them beside each branch.
func (s *Store) Headcounts() (map[int64]int, error) {
	out := map[int64]int{}
	rows, err := s.db.Query(`SELECT branch_id, COUNT(*) FROM membership WHERE status=? GROUP BY branch_id`, StatusNormal)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			rows.Close()
			return nil, err
		}
		out[id] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	day := DateText(s.Today())
	rows, err = s.db.Query(`SELECT branch_id, COUNT(*) FROM temp_member
		WHERE (from_date='' OR from_date<=?) AND (to_date='' OR to_date>=?) GROUP BY branch_id`, day, day)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] += n
	}
	return out, rows.Err()
}
