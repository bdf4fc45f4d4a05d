package data

import (
	"context"
	"errors"
	"testing"
)

func TestSetUpCreatesTheRootAndTheInstituteOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.s.SetUp(ctx, Profile{CommitteeName: "  "}); err == nil {
		t.Fatal("a set-up without the 党委's name was accepted")
	}
	p, err := f.s.SetUp(ctx, Profile{Institute: "某某研究院", CommitteeName: "中共某某研究院委员会", CommitteeShort: "院党委"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.s.Profile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got != p || got.RootID == 0 || got.CommitteeShort != "院党委" || got.TitleName() != "某某研究院" {
		t.Errorf("profile after set-up %+v, set-up returned %+v", got, p)
	}
	root, _ := f.s.Org(ctx, got.RootID)
	if root.TypeCode != TypeCommittee || root.ParentID != 0 {
		t.Errorf("root %+v: want a 党委 without a parent", root)
	}
	log, _ := f.s.AuditLog(ctx, AuditFilter{})
	actions := map[string]bool{}
	for _, e := range log {
		actions[e.Action] = true
	}
	if !actions["新建组织"] || !actions["设置研究院"] {
		t.Errorf("audit after set-up: %v; want the root's creation and the institute", actions)
	}
	_, err = f.s.SetUp(ctx, Profile{CommitteeName: "中共另一研究院委员会"})
	if !errors.Is(err, ErrAlreadySetUp) {
		t.Fatalf("second set-up: %v; want ErrAlreadySetUp", err)
	}
	if all, _ := f.s.Orgs(ctx); len(all) != 1 {
		t.Errorf("a refused set-up left %d organisations, want 1", len(all))
	}
}

func TestSaveProfileRenamesTheRootAndTheInstitute(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := f.s.SaveProfile(ctx, Profile{CommitteeName: "中共某某研究院委员会"}); err == nil {
		t.Fatal("a profile was saved on a database without a root")
	}
	if _, err := f.s.SetUp(ctx, Profile{CommitteeName: "中共某某研究院委员会"}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.SaveProfile(ctx, Profile{Institute: "某某研究院", CommitteeName: "中共某某研究院委员会", CommitteeShort: "院党委"}); err != nil {
		t.Fatal(err)
	}
	p, _ := f.s.Profile(ctx)
	if p.Institute != "某某研究院" || p.CommitteeShort != "院党委" {
		t.Errorf("profile %+v after the edit", p)
	}
	log, _ := f.s.AuditLog(ctx, AuditFilter{Action: "修改组织"})
	if len(log) != 1 {
		t.Errorf("renaming the root logged %d 修改组织 entries, want 1", len(log))
	}
}
