package criteria

import (
	"fmt"
	"math"
)

// A total over 100 puzzles a reader unless it says that 加分 is added to the 100 of the other
// dimensions: the summary writes it 基础分 + 加分.

// groupBonus is the 加分 part of a score group's total for an organ: its bonus dimensions, each
// capped as GroupTotal caps it; 0 for a ballot group.
func (sn *Snapshot) groupBonus(organ int64, g Group) float64 {
	if g.Kind == GroupBallot {
		return 0
	}
	total := 0.0
	for _, d := range sn.Set.Dimensions {
		if !d.Bonus {
			continue
		}
		sum := 0.0
		for _, in := range d.Indicators {
			p, _ := sn.Points(organ, in, g.ID)
			sum += p
		}
		if d.Cap > 0 {
			sum = math.Min(sum, d.Cap)
		}
		total += sum
	}
	return total
}

// TotalText is a result's total as the summary shows it: "102.86（基础分 99.1 + 加分 3.76）"
// when 加分 is in it, the bare total otherwise.
func TotalText(x Result) string {
	if x.Bonus <= 0 {
		return FormatPoints(x.Total)
	}
	return fmt.Sprintf("%s（基础分 %s + 加分 %s）", FormatPoints(x.Total), FormatPoints(round2(x.Total-x.Bonus)), FormatPoints(x.Bonus))
}
