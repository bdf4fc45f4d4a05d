package abpost

import (
	"fmt"
	"strings"
	"time"
)

// Warning kinds, in the order the office should read them.
const (
	WarnGap        = "空岗"      // A and B both away on a service day
	WarnHandover   = "交接日B岗不在" // B away on the day A should hand over
	WarnNoHandover = "未交接"     // A's absence recorded without a handover
	WarnSole       = "一人顶多岗"   // one person the only cover for more than MaxSoleCover items on a day
	WarnNoB        = "未设B岗"
	WarnDoors      = "多个窗口" // an item handled at more than one door (只进一个门)
)

var warnOrder = map[string]int{WarnGap: 0, WarnHandover: 1, WarnNoHandover: 2, WarnSole: 3, WarnNoB: 4, WarnDoors: 5}

// Warning is something about the posts the office must act on, said in one sentence.
type Warning struct {
	Kind     string
	ItemID   int64 // 0 when it concerns a person, not an item
	Item     string
	Dept     string
	PersonID int64
	Person   string
	Days     []time.Time
	Message  string
}

func (w Warning) rank() string {
	first := ""
	if len(w.Days) > 0 {
		first = w.Days[0].Format("20060102")
	}
	return fmt.Sprintf("%d%s", warnOrder[w.Kind], first)
}

// DayList names days for a message: the first few, then how many in all.
func DayList(days []time.Time) string {
	const show = 5
	var parts []string
	for i, d := range days {
		if i == show {
			break
		}
		parts = append(parts, ShortDate(d))
	}
	s := strings.Join(parts, "、")
	if len(days) > show {
		s += fmt.Sprintf("等 %d 天", len(days))
	}
	return s
}

func (sn *snapshot) warnings(c *Coverage, nums []int) []Warning {
	var out []Warning
	index := make(map[int]int, len(nums))
	for j, n := range nums {
		index[n] = j
	}
	sole := map[int64][]int{} // person → items carried alone, per day index
	asA := map[int64][]int{}  // person → indexes of items they are A of, some day in range
	for i, it := range c.Items {
		gaps, noB := sn.tallyItem(c, i, nums, sole, asA)
		out = append(out, itemWarnings(it, gaps, noB)...)
	}
	out = append(out, sn.soleWarnings(c, sole)...)
	for _, a := range sn.absences {
		out = append(out, sn.handoverWarnings(c, a, index, asA)...)
	}
	return out
}

// tallyItem walks item i's days: the days nobody serves it, whether it ever lacks a B, and, into
// sole and asA, who carries it alone on which day and who is its A.
func (sn *snapshot) tallyItem(c *Coverage, i int, nums []int, sole, asA map[int64][]int) (gaps []time.Time, noB bool) {
	seenA := map[int64]bool{}
	for j, cell := range c.Cells[i] {
		switch cell.State {
		case StateGap:
			gaps = append(gaps, c.Days[j])
		case StateA:
			if cell.B == 0 || sn.isAway(cell.B, nums[j]) {
				countSole(sole, cell.A, j, len(nums))
			}
		case StateB:
			countSole(sole, cell.B, j, len(nums))
		}
		if cell.B == 0 {
			noB = true
		}
		if cell.A != 0 && !seenA[cell.A] {
			seenA[cell.A] = true
			asA[cell.A] = append(asA[cell.A], i)
		}
	}
	if len(c.Cells[i]) == 0 && c.Items[i].BID == 0 {
		noB = true
	}
	return gaps, noB
}

// itemWarnings are one item's own warnings: days without anyone, no B post, more than one door.
func itemWarnings(it Item, gaps []time.Time, noB bool) []Warning {
	var out []Warning
	if len(gaps) > 0 {
		out = append(out, Warning{
			Kind: WarnGap, ItemID: it.ID, Item: it.Name, Dept: it.Dept, Days: gaps,
			Message: fmt.Sprintf("%s“%s”在 %s A岗和B岗都不在岗，无人办理；请部门负责人顶岗或临时指定人员", it.Dept, it.Name, DayList(gaps)),
		})
	}
	if noB {
		out = append(out, Warning{
			Kind: WarnNoB, ItemID: it.ID, Item: it.Name, Dept: it.Dept,
			Message: fmt.Sprintf("%s“%s”没有设B岗，A岗不在时无人办理；请指定B岗（协办）人员", it.Dept, it.Name),
		})
	}
	if doors := it.Doors(); len(doors) > 1 {
		out = append(out, Warning{
			Kind: WarnDoors, ItemID: it.ID, Item: it.Name, Dept: it.Dept,
			Message: fmt.Sprintf("%s“%s”在 %d 个窗口办理（%s），不符合“只进一个门”；请确定一个窗口", it.Dept, it.Name, len(doors), strings.Join(doors, "、")),
		})
	}
	return out
}

// soleWarnings name whoever carries more than MaxSoleCover items alone on some day.
func (sn *snapshot) soleWarnings(c *Coverage, sole map[int64][]int) []Warning {
	var out []Warning
	for person, counts := range sole {
		var days []time.Time
		most := 0
		for j, n := range counts {
			if n > MaxSoleCover {
				days = append(days, c.Days[j])
				most = max(most, n)
			}
		}
		if len(days) > 0 {
			out = append(out, Warning{
				Kind: WarnSole, PersonID: person, Person: sn.names[person], Days: days,
				Message: fmt.Sprintf("%s 在 %s 一人独担 %d 项服务（超过 %d 项），来办事的人可能要等；请调整B岗或安排他人协助", sn.names[person], DayList(days), most, MaxSoleCover),
			})
		}
	}
	return out
}

func countSole(sole map[int64][]int, person int64, j, days int) {
	counts := sole[person]
	if counts == nil {
		counts = make([]int, days)
		sole[person] = counts
	}
	counts[j]++
}

// handoverWarnings checks the day before an absence starts (交接日): A hands over to B then, so
// B must be there; and an absence of an A should say the handover was made.
func (sn *snapshot) handoverWarnings(c *Coverage, a Absence, index map[int]int, asA map[int64][]int) []Warning {
	start := dayNum(a.From)
	hd := sn.cal.prevServiceDay(start)
	j, inRange := index[hd]
	if !inRange || sn.isAway(a.PersonID, hd) {
		return nil // before the range, or A was already away and could not hand over anyway
	}
	var out []Warning
	var items []string
	name := sn.names[a.PersonID]
	for _, i := range asA[a.PersonID] {
		cell := c.Cells[i][j]
		if cell.A != a.PersonID {
			continue
		}
		it := c.Items[i]
		items = append(items, "“"+it.Name+"”")
		if cell.B != 0 && sn.isAway(cell.B, hd) {
			out = append(out, Warning{
				Kind: WarnHandover, ItemID: it.ID, Item: it.Name, Dept: it.Dept, PersonID: cell.B,
				Person: sn.names[cell.B], Days: []time.Time{numDay(hd)},
				Message: fmt.Sprintf("A岗 %s 自 %s 起%s，交接日 %s B岗 %s 也不在岗，“%s”无法当面交接；请改由部门负责人接手或提前交接",
					name, ShortDate(a.From), a.Kind, ShortDate(numDay(hd)), sn.names[cell.B], it.Name),
			})
		}
	}
	if len(items) > 0 && !a.HandedOver && dayNum(c.From) <= start && start <= dayNum(c.To) {
		out = append(out, Warning{
			Kind: WarnNoHandover, PersonID: a.PersonID, Person: name, Days: []time.Time{a.From},
			Message: fmt.Sprintf("%s 自 %s 起%s，尚未登记向B岗交接 %s；请交接后在请假登记中勾选“已交接”", name, ShortDate(a.From), a.Kind, strings.Join(items, "、")),
		})
	}
	return out
}
