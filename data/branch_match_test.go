package data

import (
	"testing"

	"dangjian/data/civil"
)

func TestSameBranchName(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"科研处支部", "科研处党支部", true},
		{"科研处 党支部", "科研处党支部", true},
		{"科研处党支部　", "科研处党支部", true},
		{"ＡＢ实验室党支部", "AB实验室党支部", true},
		{"ab实验室支部", "AB实验室党支部", true},
		{"科研处党", "科研处党支部", true},
		{"党群工作部支部", "党群工作部党支部", true},
		{"科研处党支部", "人事处党支部", false},
		{"科研一处党支部", "科研处党支部", false},
		{"党支部", "支部", false}, // nothing left to compare: not the same branch
	} {
		if got := SameBranchName(c.a, c.b); got != c.same {
			t.Errorf("SameBranchName(%q, %q) = %v, want %v", c.a, c.b, got, c.same)
		}
	}
}

func TestClosestBranch(t *testing.T) {
	orgs := []Org{
		{ID: 1, TypeCode: TypeCommittee, Name: "院机关党委"},
		{ID: 2, ParentID: 1, TypeCode: TypeBranch, Name: "科研处党支部"},
		{ID: 3, ParentID: 1, TypeCode: TypeBranch, Name: "人事处党支部"},
		{ID: 4, ParentID: 1, TypeCode: TypeTempBranch, Name: "发射任务临时党支部"},
		{ID: 5, ParentID: 1, TypeCode: TypeBranch, Name: "财务处党支部", Abolished: civil.Date(2024, 1, 1)},
	}
	if o, ok := ClosestBranch("科研处支部", orgs); !ok || o.ID != 2 {
		t.Errorf("科研处支部 → %+v %v, want 科研处党支部", o, ok)
	}
	for _, name := range []string{"发射任务临时支部", "财务处支部", "量子材料联合党支部"} {
		if o, ok := ClosestBranch(name, orgs); ok {
			t.Errorf("%s → %s, want no suggestion (temporary, abolished or unknown)", name, o.Name)
		}
	}
	twice := append(orgs, Org{ID: 6, ParentID: 1, TypeCode: TypeBranch, Name: "科研处 支部"})
	if o, ok := ClosestBranch("科研处支部", twice); ok {
		t.Errorf("two candidates, suggested %s", o.Name)
	}
}
