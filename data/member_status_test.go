package data

import (
	"context"
	"strings"
	"testing"
)

// A member transferred out of a branch that was abolished since cannot be set back to 正常 in
// it: he would stand in a branch that no longer exists, counted by no branch rule. The refusal
// says to use 转接 into a live branch, which keeps the dated record.
func TestStatusBackToNormalRefusedInAnAbolishedBranch(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a := f.org(0, TypeBranch, "戊支部", "戊单位", "实验室")
	b := f.org(0, TypeBranch, "己支部", "己单位", "实验室")
	m := f.fullMembers(a, 1)[0]
	if err := f.s.TransferMember(ctx, m.Person.ID, 0, f.s.Today(), "调离"); err != nil {
		t.Fatal(err)
	}
	if err := f.s.AbolishOrg(ctx, a.ID, f.s.Today(), "合并"); err != nil {
		t.Fatal(err)
	}
	err := f.s.SetStatus(ctx, m.Person.ID, StatusNormal, f.s.Today(), "回院工作")
	if err == nil || !strings.Contains(err.Error(), "转接") {
		t.Fatalf("SetStatus 正常 in an abolished branch: %v, want a refusal pointing to 转接", err)
	}
	if got, _ := f.s.Member(ctx, m.Person.ID); got.Status != StatusTransferred {
		t.Fatalf("refused status change left status %s", got.Status)
	}
	if err := f.s.TransferMember(ctx, m.Person.ID, b.ID, f.s.Today(), "回院工作"); err != nil {
		t.Fatal(err)
	}
	// In a live branch the status can go back and forth as before.
	if err := f.s.SetStatus(ctx, m.Person.ID, StatusHistory, f.s.Today(), "退休"); err != nil {
		t.Fatal(err)
	}
	if err := f.s.SetStatus(ctx, m.Person.ID, StatusNormal, f.s.Today(), "返聘"); err != nil {
		t.Fatal(err)
	}
}
