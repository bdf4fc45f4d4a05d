package criteria

import (
	"context"
	"testing"

	"dangjian/data/internal/sqldb"
	"dangjian/data/internal/sqldbtest"
)

// A set that has scores keeps its indicators. When the scores cannot be read, SaveSet must not
// take the set for unscored and rebuild it: it refuses, in one Chinese sentence.
func TestSaveSetIsRefusedWhenItsScoresCannotBeRead(t *testing.T) {
	f := newFixture(t, 2025)
	f.fill(t, 0, 0)
	sqldbtest.Unreadable(t, sqldb.Of(f.s).Pool(), "eval_score")
	want := len(f.set.Indicators())
	set, _ := LoadSet(context.Background(), f.s, f.set.ID)
	set.Dimensions[0].Indicators = set.Dimensions[0].Indicators[:1]
	err := SaveSet(ctx, f.s, set)
	if !sqldb.IsCheckFailed(err) {
		t.Fatalf("SaveSet = %v, want a refusal saying the scores could not be checked", err)
	}
	if again, _ := LoadSet(context.Background(), f.s, f.set.ID); len(again.Indicators()) != want {
		t.Errorf("%d indicators after the refusal, want %d", len(again.Indicators()), want)
	}
}

func TestCreateRoundIsRefusedWhenItsSetCannotBeRead(t *testing.T) {
	f := newFixture(t, 2025)
	sqldbtest.Unreadable(t, sqldb.Of(f.s).Pool(), "eval_set")
	_, err := CreateRound(ctx, f.s, RoundSpec{Year: 2026, SetID: f.set.ID, UnitIDs: f.units})
	if !sqldb.IsCheckFailed(err) {
		t.Errorf("CreateRound = %v, want a refusal saying the set could not be checked (not 请选择指标体系)", err)
	}
}
