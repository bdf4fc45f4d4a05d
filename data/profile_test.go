package data

import (
	"context"
	"testing"
)

func TestProfileNamesTheRootAndTheInstitute(t *testing.T) {
	f := newFixture(t)
	p, err := f.s.Profile(context.Background())
	if err != nil || p != (Profile{}) {
		t.Fatalf("empty database: profile %+v, %v; want zero", p, err)
	}
	if p.TitleName() != "" {
		t.Errorf("empty database: title name %q, want none", p.TitleName())
	}
	root := Org{TypeCode: TypeCommittee, Name: "中共某某研究院委员会", ShortName: "院党委"}
	if err := f.s.SaveOrg(context.Background(), &root); err != nil {
		t.Fatal(err)
	}
	f.org(root.ID, TypeBranch, "科研处党支部", "科研处", "行政机构")
	p, err = f.s.Profile(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if p.CommitteeName != "中共某某研究院委员会" || p.CommitteeShort != "院党委" || p.RootID != root.ID {
		t.Errorf("profile %+v: want the root's names", p)
	}
	if p.TitleName() != "中共某某研究院委员会" {
		t.Errorf("no institute set: title name %q, want the 党委's full name", p.TitleName())
	}
	if _, err := f.s.db.Exec(`INSERT INTO profile(id, institute) VALUES (1, '某某研究院')`); err != nil {
		t.Fatal(err)
	}
	if p, _ = f.s.Profile(context.Background()); p.TitleName() != "某某研究院" {
		t.Errorf("institute set: title name %q, want 某某研究院", p.TitleName())
	}
}
