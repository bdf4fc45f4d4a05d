package criteria

import (
	"context"
	"strings"
	"testing"
)

// A total over 100 is shown as 基础分 + 加分: the 加分 within the weighted total is the bonus
// dimension's share, weighed as the groups are.
func TestTotalShowsBaseAndBonus(t *testing.T) {
	f := newFixture(t, 2025)
	f.fill(t, 0, 0) // every typed indicator at its max, 创新品牌 5 from each score group
	f.fill(t, 1, 0)
	none := 0.0
	for _, g := range f.round.ScoreGroups() {
		if err := SetScore(ctx, f.s, f.round.ID, CellKey{f.round.Organs[1].ID, f.ind(t, "创新品牌").ID, g.ID}, &none, ""); err != nil {
			t.Fatal(err)
		}
	}
	sn, err := Load(context.Background(), f.s, f.round.ID)
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]Result{}
	for _, r := range sn.Results() {
		by[r.Organ.Name] = r
	}
	with, without := by[f.round.Organs[0].Name], by[f.round.Organs[1].Name]
	if with.Bonus <= 0 || round2(with.Total-with.Bonus) != without.Total {
		t.Errorf("with 加分: total %v, bonus %v; without: total %v — the base should be the same", with.Total, with.Bonus, without.Total)
	}
	text := TotalText(with)
	if !strings.HasPrefix(text, FormatPoints(with.Total)+"（基础分 "+FormatPoints(without.Total)+" + 加分 "+FormatPoints(with.Bonus)+"）") {
		t.Errorf("total reads %q", text)
	}
	if got := TotalText(without); got != FormatPoints(without.Total) {
		t.Errorf("without 加分 the total reads %q, want the bare %s", got, FormatPoints(without.Total))
	}
}
