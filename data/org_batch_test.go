package data

import (
	"context"
	"strings"
	"testing"

	"dangjian/data/civil"
)

// Where an organisation may sit holds for the form as for the import: not under a branch, not
// under an abolished organisation.
func TestSaveOrgRefusesABadPlace(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	root := f.org(0, TypeCommittee, "中共某某研究院委员会", "", "")
	branch := f.org(root.ID, TypeBranch, "科研处党支部", "科研处", "行政机构")
	old := f.org(root.ID, TypeGeneralBranch, "旧总支", "", "")
	if err := f.s.AbolishOrg(ctx, old.ID, civil.Date(2024, 1, 1), "调整"); err != nil {
		t.Fatal(err)
	}
	for parent, want := range map[int64]string{branch.ID: "支部之下不能再设", old.ID: "已撤销", 9999: "已不存在"} {
		o := Org{ParentID: parent, TypeCode: TypeBranch, Name: "新支部"}
		err := f.s.SaveOrg(ctx, &o)
		if v, ok := AsInvalid(err); !ok || !strings.Contains(v.For("ParentID"), want) {
			t.Errorf("under %d: %v; want a ParentID error with %q", parent, err, want)
		}
	}
	if all, _ := f.s.Orgs(ctx); len(all) != 3 {
		t.Errorf("%d organisations after refused saves, want 3", len(all))
	}
}
