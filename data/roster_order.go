package data

import (
	"slices"
	"strings"
)

// membersInPinyinOrder reads the members that query q (a SELECT of memberColumns with its WHERE,
// no ORDER BY) finds, by branch and within a branch by the name's pinyin (王 before 张), not by
// character code as SQL would. When limited, it reads at most limit: a page cut in character
// order may have cut its last branch short, so that branch is read whole, ordered, and the page
// cut again, and the first page shows the same members as the whole roster's first rows.
func membersInPinyinOrder(db queryer, q string, args []any, limited bool, limit int) ([]Member, error) {
	const order = ` ORDER BY o.sort, o.id, p.name`
	if !limited {
		ms, err := collect(db, scanMember, q+order, args...)
		orderBranchRunsByPinyin(ms)
		return ms, err
	}
	page, err := collect(db, scanMember, q+order+` LIMIT ?`, append(slices.Clip(args), limit)...)
	if err != nil || len(page) < limit {
		orderBranchRunsByPinyin(page)
		return page, err
	}
	last := page[len(page)-1].BranchID
	whole, err := collect(db, scanMember, q+` AND m.branch_id = ?`+order, append(slices.Clip(args), last)...)
	if err != nil {
		return nil, err
	}
	cut := len(page)
	for cut > 0 && page[cut-1].BranchID == last {
		cut--
	}
	page = append(page[:cut], whole...)
	orderBranchRunsByPinyin(page)
	return page[:limit], nil
}

// orderBranchRunsByPinyin orders each run of one branch's members by the name's pinyin.
func orderBranchRunsByPinyin(ms []Member) {
	for start := 0; start < len(ms); {
		end := start + 1
		for end < len(ms) && ms[end].BranchID == ms[start].BranchID {
			end++
		}
		sortByNamePinyin(ms[start:end], func(m *Member) string { return m.Name })
		start = end
	}
}

// sortByNamePinyin orders xs by the pinyin of each one's name (names without Chinese by their
// letters), names that sound the same by their characters. The keys are computed once and
// positions sorted, not the (large) values themselves.
func sortByNamePinyin[T any](xs []T, name func(*T) string) {
	if len(xs) < 2 {
		return
	}
	keys, names := make([]string, len(xs)), make([]string, len(xs))
	order := make([]int, len(xs))
	for i := range xs {
		names[i] = name(&xs[i])
		full, _ := NamePinyin(names[i])
		if full == "" {
			full = strings.ToLower(names[i])
		}
		keys[i], order[i] = full, i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := strings.Compare(keys[a], keys[b]); c != 0 {
			return c
		}
		return strings.Compare(names[a], names[b])
	})
	sorted := make([]T, len(xs))
	for i, o := range order {
		sorted[i] = xs[o]
	}
	copy(xs, sorted)
}
