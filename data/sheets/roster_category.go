package sheets

import (
	"strings"
	"time"

	"dangjian/data"
)

// The party category (正式党员/预备党员) as real layouts carry it: in a column found by its
// values, whatever its header, because other systems use 人员类别 for the staff category
// (普通编制, 离退休教职工) and put the party's in 党籍状态; and, when the file has no such column,
// inferred from the dates — never silently 正式党员.

// categorySample is how many data rows below the header are looked at to find the column.
const categorySample = 32

// categoryByValues returns m with FieldCategory on the column whose values in sample are party
// categories: the header's guess when its values are, else the column (not mapped to another
// field) with the most party-category values; a guessed column holding only other values is
// dropped, so its staff categories neither reject rows nor pass for the party's.
func categoryByValues(m Mapping, sample [][]string) Mapping {
	party, other := map[int]int{}, map[int]int{}
	for _, cells := range sample {
		for c, v := range cells {
			k := data.FoldName(v)
			switch {
			case k == "":
			case partyCategories[k]:
				party[c]++
			default:
				other[c]++
			}
		}
	}
	guess := m[FieldCategory]
	if guess >= 0 && party[guess] > 0 {
		return m
	}
	best, bestN := -1, 0
	for c, n := range party {
		if n > other[c] && n > bestN && (c == guess || !columnUsed(m, c)) {
			best, bestN = c, n
		}
	}
	switch {
	case best >= 0:
		m[FieldCategory] = best
	case guess >= 0 && other[guess] > 0:
		m[FieldCategory] = -1
	}
	return m
}

// probationaryTitle tells a sheet whose name or title says it lists 预备党员 only: one that
// names 正式党员 anywhere above its header (a group header 阶段3：正式党员) lists both.
func probationaryTitle(texts ...string) bool {
	all := strings.Join(texts, " ")
	return strings.Contains(all, "预备党员") && !strings.Contains(all, "正式党员")
}

// inferCategory is the category of a new member whose row gives none: 正式党员 with a 转正日期;
// 预备党员 when the sheet lists 预备党员 or the 预备期 has not ended yet. Otherwise — joined
// more than a 预备期 ago and no 转正日期 — the file does not say, and decide is the question
// the office has to answer; the member is taken as 预备党员 until then, so the overdue
// probation shows in 检查 rather than passing unseen as 正式党员.
func inferCategory(m data.Member, probationarySheet bool, today time.Time) (category string, note Note, decide string) {
	switch {
	case !m.Full.IsZero():
		return data.CategoryFull, sameHint("人员类别未填，有转正日期，按正式党员导入"), ""
	case probationarySheet:
		return data.CategoryProbation, sameHint("人员类别未填，本表为预备党员名单，按预备党员导入"), ""
	case m.Joined.IsZero() || data.ProbationEnd(m.Joined).After(today):
		return data.CategoryProbation, sameHint("人员类别未填，入党未满一年且无转正日期，按预备党员导入"), ""
	}
	decide = "人员类别未填，入党已满一年却没有转正日期：请确认此人是正式党员（补填转正日期）还是预备期延长的预备党员"
	return data.CategoryProbation, warning("人员类别未填，入党已满一年却没有转正日期，暂按预备党员导入", decide+"；暂按预备党员导入"), decide
}

// sameHint is a hint whose text is its kind: it says nothing particular to the row.
func sameHint(text string) Note { return hint(text, text) }

// CodeCategoryUndecided marks an imported row whose category the office has to decide.
const CodeCategoryUndecided = "category_undecided"

// decision is the flag of an item with a Decide, where the row is.
func decision(it *PlanItem) RowError {
	f := FieldCategory
	if !it.Row.Sheet.Mapping.Has(FieldCategory) {
		f = FieldNone // the file has no such column to point at
	}
	return rowErr(it.Row, f, CodeCategoryUndecided, it.Decide)
}

// Decisions lists the rows the office has to decide about, in file order.
func (p *Plan) Decisions() []RowError {
	var out []RowError
	for i := range p.Items {
		if p.Items[i].Decide != "" && p.Items[i].Action != ActionRejected {
			out = append(out, decision(&p.Items[i]))
		}
	}
	return out
}
