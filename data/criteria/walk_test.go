package criteria

import (
	"context"
	"strings"
	"testing"
)

// The ballot form starts from one category's counts: they must come back per category and
// only for the organ and round asked about.
func TestOrganBallotsPerCategory(t *testing.T) {
	f := newFixture(t, 2025)
	o1, o2 := f.round.Organs[0].ID, f.round.Organs[1].ID
	for _, b := range []struct {
		organ int64
		b     BallotCount
	}{
		{o1, BallotCount{Category: "科研人员", Satisfied: 12, Basic: 3, Unsatisfied: 1, Unknown: 2}},
		{o1, BallotCount{Category: "管理人员", Satisfied: 5}},
		{o2, BallotCount{Category: "科研人员", Satisfied: 1, Basic: 1}},
	} {
		if err := SetBallots(ctx, f.s, f.round.ID, b.organ, b.b); err != nil {
			t.Fatal(err)
		}
	}
	got, err := OrganBallots(ctx, f.s, f.round.ID, o1)
	if err != nil {
		t.Fatal(err)
	}
	want := BallotCount{Category: "科研人员", Satisfied: 12, Basic: 3, Unsatisfied: 1, Unknown: 2}
	if len(got) != 2 || got["科研人员"] != want || got["管理人员"].Satisfied != 5 {
		t.Errorf("科研处 ballots = %+v, want 科研人员 12/3/1/2 and 管理人员 5", got)
	}
	if _, ok := got["职工代表"]; ok {
		t.Error("a category with no ballots entered must be absent")
	}
	other := addRound(t, f.s, 2026)
	if got, _ := OrganBallots(ctx, f.s, other.round.ID, o1); len(got) != 0 {
		t.Errorf("another round's read gave %+v", got)
	}
}

// Weights of the evaluator groups are percentages: a round whose weights do not come to 100
// is refused with the sum, not created with every total quietly rescaled.
func TestRoundGroupWeightsMustMakeHundred(t *testing.T) {
	f := newFixture(t, 2025)
	gs := DefaultGroups()
	gs[2].Weight = 40
	_, err := CreateRound(ctx, f.s, RoundSpec{Year: 2026, SetID: f.set.ID, UnitIDs: f.units, Groups: gs})
	if err == nil || !strings.Contains(err.Error(), "110") {
		t.Fatalf("weights 20+50+40 gave %v, want a refusal naming the sum 110", err)
	}
	rs, _ := Rounds(ctx, f.s)
	if len(rs) != 1 {
		t.Errorf("%d rounds after the refusal, want the one from the fixture", len(rs))
	}
	gs[2].Weight = 30
	if _, err := CreateRound(ctx, f.s, RoundSpec{Year: 2026, SetID: f.set.ID, UnitIDs: f.units, Groups: gs}); err != nil {
		t.Errorf("20+50+30 refused: %v", err)
	}
}

// A set with scores keeps its indicators: deleting one and adding another keeps the count but
// must be refused, or the scores would move onto the indicators after it.
func TestScoredSetRefusesSwappedIndicator(t *testing.T) {
	f := newFixture(t, 2025)
	f.fill(t, 0, 0)
	set, _ := LoadSet(context.Background(), f.s, f.set.ID)
	d := &set.Dimensions[0]
	d.Indicators = append(d.Indicators[1:], Indicator{Name: "新指标", Max: 8, Method: Deduct})
	if err := SaveSet(ctx, f.s, set); err == nil {
		t.Fatal("a deleted-and-added indicator in a scored set was saved")
	}
	again, _ := LoadSet(context.Background(), f.s, f.set.ID)
	if again.Dimensions[0].Indicators[0].Name != f.set.Dimensions[0].Indicators[0].Name {
		t.Errorf("first indicator is now %q", again.Dimensions[0].Indicators[0].Name)
	}
	// editing text and max points in place is still allowed
	set, _ = LoadSet(context.Background(), f.s, f.set.ID)
	set.Dimensions[0].Indicators[0].Max = 9
	if err := SaveSet(ctx, f.s, set); err != nil {
		t.Errorf("changing a max in place refused: %v", err)
	}
}
