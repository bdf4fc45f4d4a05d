package criteria

import (
	"reflect"
	"testing"
)

func TestNamingRule(t *testing.T) {
	E, G, P, F := Excellent, Good, Pass, Fail
	for _, c := range []struct {
		name    string
		years   []int
		grades  []string
		named   int
		revoked int
		holds   bool
	}{
		{"three years 优秀", []int{2023, 2024, 2025}, []string{E, E, E}, 2025, 0, true},
		{"only two", []int{2024, 2025}, []string{E, E}, 0, 0, false},
		{"broken by 良好", []int{2022, 2023, 2024, 2025}, []string{E, E, G, E}, 0, 0, false},
		{"gap year breaks the run", []int{2021, 2022, 2024}, []string{E, E, E}, 0, 0, false},
		{"kept through 合格", []int{2022, 2023, 2024, 2025}, []string{E, E, E, P}, 2024, 0, true},
		{"revoked when 不合格", []int{2022, 2023, 2024, 2025}, []string{E, E, E, F}, 2024, 2025, false},
		{"named again after revocation", []int{2020, 2021, 2022, 2023, 2024, 2025, 2026}, []string{E, E, E, F, E, E, E}, 2026, 0, true},
		{"named once though four years", []int{2022, 2023, 2024, 2025}, []string{E, E, E, E}, 2024, 0, true},
	} {
		var gs []GradeYear
		for i, y := range c.years {
			gs = append(gs, GradeYear{"科研处", y, c.grades[i]})
		}
		ts := ApplyNaming(gs)
		var tt Title
		if len(ts) > 0 {
			tt = ts[0]
		}
		if tt.Named != c.named || tt.Revoked != c.revoked || tt.Holds() != c.holds {
			t.Errorf("%s: named %d revoked %d holds %v, want %d %d %v", c.name, tt.Named, tt.Revoked, tt.Holds(), c.named, c.revoked, c.holds)
		}
	}
}

// Over a real database: three rounds, 科研处 优秀 each year, 人事处 优秀 twice then vetoed.
func TestModelOrgansAcrossRounds(t *testing.T) {
	s := newStore(t)
	var last fixture
	for _, y := range []int{2023, 2024, 2025} {
		f := addRound(t, s, y, "科研处", "人事处")
		f.fill(t, 0, 0)
		f.fill(t, 1, 0)
		for i := range f.round.Organs {
			SetBallots(ctx, s, f.round.ID, f.round.Organs[i].ID, BallotCount{Category: "科研人员", Satisfied: 9, Basic: 1})
		}
		last = f
	}
	if err := SetVeto(ctx, s, last.round.ID, last.round.Organs[1].ID, "严重违纪", false); err != nil {
		t.Fatal(err)
	}
	ts, err := ModelOrgans(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	var holders []string
	for _, x := range ts {
		if x.Holds() {
			holders = append(holders, x.Unit)
		}
	}
	if !reflect.DeepEqual(holders, []string{"科研处"}) {
		t.Errorf("模范机关 %v, want only 科研处 (人事处 vetoed in the third year)", holders)
	}
}
