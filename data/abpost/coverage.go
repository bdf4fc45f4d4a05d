package abpost

import (
	"context"
	"math"
	"sort"
	"time"

	"dangjian/data"
	"dangjian/data/internal/sqldb"
)

// State is who serves an item on a service day.
type State uint8

// The states of an item-day: A serves, B covers for an absent A, or nobody (a gap).
const (
	StateA State = iota + 1
	StateB
	StateGap
)

// String is the state as the CLI's JSON writes it: a, b or gap.
func (s State) String() string {
	switch s {
	case StateA:
		return "a"
	case StateB:
		return "b"
	case StateGap:
		return "gap"
	}
	return ""
}

// Cell is one item on one service day: who held the posts that day and who served.
type Cell struct {
	A, B  int64
	State State
}

// Server is the person serving, 0 on a gap.
func (c Cell) Server() int64 {
	switch c.State {
	case StateA:
		return c.A
	case StateB:
		return c.B
	}
	return 0
}

// Coverage is the day-by-item table over a range of service days, with its warnings.
type Coverage struct {
	From, To time.Time
	Calendar Calendar
	Days     []time.Time // the service days of [From, To]
	Items    []Item      // posts as of From
	Cells    [][]Cell    // Cells[item][day], parallel to Items and Days
	Warnings []Warning
	names    map[int64]string
}

// Name is a person's name as the coverage knows it.
func (c *Coverage) Name(id int64) string { return c.names[id] }

// Summary counts a coverage: item-days served by A, covered by B, and gaps.
type Summary struct {
	From, To    time.Time
	ServiceDays int
	Items       int
	ByA, ByB    int
	Gaps        int
	GapItems    int // items with at least one gap day
	Warnings    int
}

// Summary counts the coverage.
func (c *Coverage) Summary() Summary {
	sum := Summary{From: c.From, To: c.To, ServiceDays: len(c.Days), Items: len(c.Items), Warnings: len(c.Warnings)}
	for _, row := range c.Cells {
		gap := false
		for _, cell := range row {
			switch cell.State {
			case StateA:
				sum.ByA++
			case StateB:
				sum.ByB++
			case StateGap:
				sum.Gaps++
				gap = true
			}
		}
		if gap {
			sum.GapItems++
		}
	}
	return sum
}

// GapDays counts the item-days nobody served.
func (c *Coverage) GapDays() int { return c.Summary().Gaps }

// ComputeCoverage loads the catalogue, assignments, absences and calendar once and computes who
// serves every item on every service day of [from, to], with the warnings over that range.
func ComputeCoverage(ctx context.Context, s *data.Store, from, to time.Time) (*Coverage, error) {
	from, to = day(from), day(to)
	if to.Before(from) {
		from, to = to, from
	}
	snap, err := loadSnapshot(ctx, s, from, to)
	if err != nil {
		return nil, err
	}
	return snap.coverage(from, to), nil
}

// snapshot is everything coverage needs, read in four queries, so that the computation runs in
// memory: a query per day would make a year of coverage take seconds.
type snapshot struct {
	cal      Calendar
	items    []Item
	assigns  map[int64][]Assignment // item → assignments sorted by from
	absences []Absence
	names    map[int64]string
	base     int                // day number of bit 0 in away
	away     map[int64][]uint64 // person → bitset of days away, from base
}

// handoverReach is how far past the range an absence may start and still have its handover
// day inside the range: the longest run of days off (Spring Festival) is under two weeks.
const handoverReach = 20

func loadSnapshot(ctx context.Context, s *data.Store, from, to time.Time) (*snapshot, error) {
	db := sqldb.Of(s).Q(ctx)
	days, err := calendarDays(db, "", "")
	if err != nil {
		return nil, err
	}
	sn := &snapshot{cal: NewCalendar(days), assigns: map[int64][]Assignment{}, names: map[int64]string{}, away: map[int64][]uint64{}}
	if sn.items, err = Items(ctx, s, ItemFilter{}, from); err != nil {
		return nil, err
	}
	f, t := data.DateText(from), data.DateText(to)
	err = sqldb.Each(ctx, db, func(rows sqldb.Scanner) error {
		a, err := scanAssignment(rows)
		if err != nil {
			return err
		}
		sn.assigns[a.ItemID] = append(sn.assigns[a.ItemID], a)
		sn.names[a.PersonID] = a.Name
		return nil
	}, `SELECT a.id, a.item_id, a.role, a.person_id, p.name, a.from_date, a.to_date, a.note
		FROM ab_assignment a JOIN person p ON p.id = a.person_id
		WHERE (a.from_date = '' OR a.from_date <= ?) AND (a.to_date = '' OR a.to_date >= ?)
		ORDER BY a.item_id, a.from_date`, t, f)
	if err != nil {
		return nil, err
	}
	sn.base = dayNum(from) - 1
	end := dayNum(to) + handoverReach
	words := (end-sn.base)/64 + 1
	err = sqldb.Each(ctx, db, func(rows sqldb.Scanner) error {
		var a Absence
		var af, at string
		if err := rows.Scan(&a.ID, &a.PersonID, &af, &at, &a.Kind, &a.HandoverNote, &a.HandedOver); err != nil {
			return err
		}
		a.From, a.To = data.ParseDateText(af), data.ParseDateText(at)
		sn.absences = append(sn.absences, a)
		bits := sn.away[a.PersonID]
		if bits == nil {
			bits = make([]uint64, words)
			sn.away[a.PersonID] = bits
		}
		lo, hi := max(dayNum(a.From), sn.base), min(dayNum(a.To), end)
		for n := lo; n <= hi; n++ {
			i := n - sn.base
			bits[i/64] |= 1 << (i % 64)
		}
		return nil
	}, `SELECT id, person_id, from_date, to_date, kind, handover_note, handed_over FROM ab_absence
		WHERE to_date >= ? AND from_date <= ?`, data.DateText(numDay(sn.base)), data.DateText(numDay(end)))
	if err != nil {
		return nil, err
	}
	return sn, nil
}

// isAway tells whether person is away on day number n (within the loaded span).
func (sn *snapshot) isAway(person int64, n int) bool {
	bits := sn.away[person]
	i := n - sn.base
	if bits == nil || i < 0 || i/64 >= len(bits) {
		return false
	}
	return bits[i/64]&(1<<(i%64)) != 0
}

// post is an assignment as day numbers, for the inner loop.
type post struct {
	role   string
	person int64
	lo, hi int
}

func postsOf(as []Assignment) []post {
	out := make([]post, len(as))
	for i, a := range as {
		out[i] = post{a.Role, a.PersonID, math.MinInt, math.MaxInt}
		if !a.From.IsZero() {
			out[i].lo = dayNum(a.From)
		}
		if !a.To.IsZero() {
			out[i].hi = dayNum(a.To)
		}
	}
	return out
}

// holders is who held A and B on day number n; a later assignment wins over an earlier one.
func holders(ps []post, n int) (a, b int64) {
	for _, p := range ps {
		if p.lo <= n && n <= p.hi {
			if p.role == RoleA {
				a = p.person
			} else {
				b = p.person
			}
		}
	}
	return a, b
}

func (sn *snapshot) coverage(from, to time.Time) *Coverage {
	c := &Coverage{From: from, To: to, Calendar: sn.cal, Days: sn.cal.ServiceDays(from, to), Items: sn.items, names: sn.names}
	nums := make([]int, len(c.Days))
	for j, d := range c.Days {
		nums[j] = dayNum(d)
	}
	c.Cells = make([][]Cell, len(sn.items))
	cells := make([]Cell, len(sn.items)*len(nums)) // one allocation for the whole table
	for i, it := range sn.items {
		row := cells[i*len(nums) : (i+1)*len(nums) : (i+1)*len(nums)]
		ps := postsOf(sn.assigns[it.ID])
		for j, n := range nums {
			var cell Cell
			cell.A, cell.B = holders(ps, n)
			switch {
			case cell.A != 0 && !sn.isAway(cell.A, n):
				cell.State = StateA
			case cell.B != 0 && !sn.isAway(cell.B, n):
				cell.State = StateB
			default:
				cell.State = StateGap
			}
			row[j] = cell
		}
		c.Cells[i] = row
	}
	c.Warnings = sn.warnings(c, nums)
	sort.SliceStable(c.Warnings, func(i, j int) bool { return c.Warnings[i].rank() < c.Warnings[j].rank() })
	return c
}
