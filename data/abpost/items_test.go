package abpost

import (
	"context"
	"testing"

	"dangjian/data"
)

// The department drop-down follows the catalogue's order (the order departments were set up),
// not the Unicode order of their names, which puts 人事处 before 科研处.
func TestDepartmentsInTheCataloguesOrder(t *testing.T) {
	f := newFixture(t) // 科研处 and its item come first
	for _, it := range []Item{
		{Name: "在职证明开具", Dept: "人事处", Door: "2号窗口", AID: f.wang, BID: f.li},
		{Name: "差旅费报销", Dept: "财务处", Door: "3号窗口", AID: f.li, BID: f.wang},
	} {
		if err := SaveItem(f.ctx, f.s, &it, d(1, 1), ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.s.SavePerson(f.ctx, &data.Person{Name: "赵六", UnitName: "党委办公室"}); err != nil {
		t.Fatal(err)
	}
	depts, err := Departments(context.Background(), f.s)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, u := range depts {
		names = append(names, u.Name)
	}
	items, _ := Items(context.Background(), f.s, ItemFilter{}, d(3, 2))
	var order []string
	for _, it := range items {
		if len(order) == 0 || order[len(order)-1] != it.Dept {
			order = append(order, it.Dept)
		}
	}
	if len(names) < 3 || names[0] != order[0] || names[1] != order[1] || names[2] != order[2] {
		t.Fatalf("departments %v, catalogue order %v", names, order)
	}
	if names[0] != "科研处" {
		t.Fatalf("departments %v should start with 科研处, the first set up", names)
	}
}
