package demo

import (
	"context"
	"database/sql"
	"fmt"

	"dangjian/data/internal/sqldb"

	"dangjian/data"
	"dangjian/data/civil"
)

// Synthetic fills an empty store with members spread over branches (each on its own unit, ten
// parent committees), for benchmarks at the scale of a large institute. Every fifth branch has
// a committee term; some are overdue.
func Synthetic(ctx context.Context, s *data.Store, members, branches int) error {
	return sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		g := newGen(uint64(members*31 + branches))
		w := newWriter(ctx, s, tx)
		today := s.Today()
		r := &Roster{Units: map[string]int64{}, Staff: map[string][]int64{}, Names: map[int64]string{}}
		root, err := w.org(0, data.TypeCommittee, "合成研究院党委", "", 0, civil.Date(1980, 1, 1), 0)
		if err != nil {
			return err
		}
		var parents []int64
		for i := 0; i < 10; i++ {
			id, err := w.org(root, data.TypeCommittee, fmt.Sprintf("第%d研究所党委", i+1), "", 0, civil.Date(1990, 1, 1), i)
			if err != nil {
				return err
			}
			parents = append(parents, id)
		}
		ids := make([]int64, branches)
		units := make([]int64, branches)
		for i := range ids {
			name := fmt.Sprintf("第%d实验室", i+1)
			if units[i], err = w.unit(r, name, "实验室"); err != nil {
				return err
			}
			if ids[i], err = w.org(parents[i%10], data.TypeBranch, name+"党支部", "", units[i], civil.Date(2000, 1, 1), i); err != nil {
				return err
			}
		}
		heads := make([]int64, branches)
		for i := 0; i < members; i++ {
			b := i % branches
			if err := ctx.Err(); err != nil {
				return err
			}
			cat := data.CategoryFull
			if i%13 == 0 {
				cat = data.CategoryProbation
			}
			pid, err := w.member(g, nil, ids[b], units[b], "", i < branches, cat, today)
			if err != nil {
				return err
			}
			if i < branches {
				heads[b] = pid
			}
		}
		for b := 0; b < branches; b += 5 {
			start := today.AddDate(-1-b%4, 0, 0)
			term, err := w.term(ids[b], start)
			if err != nil {
				return err
			}
			// The unit head is 书记 when a full member: a probationary member is not elected
			// (Appoint refuses), and that branch is left without one, as the check then says.
			if w.full[heads[b]] {
				if err := w.appoint(term, heads[b], "书记", start); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
