package demo_test

import (
	"context"
	"testing"
	"time"

	"dangjian/data/criteria"
	"dangjian/data/demo/demotest"
)

// The demo shows the naming rule at work: exactly one 模范机关, the department that was 优秀 in
// all three demo years; the earlier rounds are locked and the current one is in progress.
func TestDemoEvalNamesOneModelOrgan(t *testing.T) {
	s := demotest.Store(t, time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC))
	rounds, _ := criteria.Rounds(context.Background(), s)
	if len(rounds) != 3 || rounds[0].Year != 2025 || rounds[0].Locked || !rounds[1].Locked || !rounds[2].Locked {
		t.Fatalf("rounds %+v, want 2025 open, 2024 and 2023 locked", rounds)
	}
	titles, err := criteria.ModelOrgans(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	var holders []string
	for _, x := range titles {
		if x.Holds() {
			holders = append(holders, x.Unit)
		}
	}
	if len(holders) != 1 || holders[0] != "科研处" {
		t.Errorf("模范机关 %v, want exactly 科研处", holders)
	}
	res, _ := criteria.Results(context.Background(), s, rounds[0].ID)
	pending := 0
	for _, r := range res {
		if r.Grade == criteria.Pending {
			pending++
		}
	}
	if pending != 3 {
		t.Errorf("%d departments pending this year, want the three the 考评组 has not scored", pending)
	}
}
