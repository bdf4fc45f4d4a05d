package data

import (
	"context"
	"testing"

	"dangjian/data/civil"
)

// An abolition dated before the branch was founded is a typing slip: refused, with the date
// to check. Accepted, it left a record that every later edit refused ("撤销日期不能早于成立日期").
func TestAbolishRefusesADateBeforeTheFounding(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	b := f.org(0, TypeBranch, "丙支部", "丙单位", "实验室")
	b.Founded = civil.Date(2020, 5, 1)
	if err := f.s.SaveOrg(ctx, &b); err != nil {
		t.Fatal(err)
	}
	err := f.s.AbolishOrg(ctx, b.ID, civil.Date(2019, 5, 1), "合并")
	if err == nil {
		t.Fatal("abolished a branch before it was founded")
	}
	if o, _ := f.s.Org(ctx, b.ID); !o.Live() {
		t.Fatal("refused abolition changed the branch")
	}
	if err := f.s.AbolishOrg(ctx, b.ID, civil.Date(2026, 5, 1), "合并"); err != nil {
		t.Fatal(err)
	}
	o, _ := f.s.Org(ctx, b.ID)
	o.ShortName = "丙"
	if err := f.s.SaveOrg(ctx, &o); err != nil {
		t.Fatalf("editing the abolished branch: %v", err)
	}
}

// A branch with members in normal standing cannot become an organisation that holds no members
// (党总支, 党委) or a temporary branch: its members would drop out of every branch rule and
// could not be transferred back in. The type select on the form makes the slip easy.
func TestSaveOrgKeepsABranchWithMembersABranch(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	b := f.org(0, TypeBranch, "丁支部", "丁单位", "实验室")
	f.fullMembers(b, 3)
	for _, code := range []int{TypeGeneralBranch, TypeCommittee, TypeTempBranch} {
		o, _ := f.s.Org(ctx, b.ID)
		o.TypeCode = code
		o.Mission = "任务"
		err := f.s.SaveOrg(ctx, &o)
		v, ok := AsInvalid(err)
		if !ok || v.For("TypeCode") == "" {
			t.Errorf("type %s: %v, want a refusal at the type field", TypeName(code), err)
		}
		if got, _ := f.s.Org(ctx, b.ID); got.TypeCode != TypeBranch {
			t.Fatalf("refused save changed the type to %d", got.TypeCode)
		}
	}
	o, _ := f.s.Org(ctx, b.ID)
	o.TypeCode = TypeJointBranch // another kind of branch is fine
	if err := f.s.SaveOrg(ctx, &o); err != nil {
		t.Fatal(err)
	}
}
