package abpost

import (
	"context"
	"strings"
	"testing"

	"dangjian/data"
)

// A person named on the command line (ab absent PERSON) is found by name, spaces folded, or by
// 部门/姓名 when two share the name; otherwise the refusal says what to write.
func TestFindPerson(t *testing.T) {
	f := newFixture(t)
	for _, p := range []data.Person{{Name: "陈静", UnitName: "人事处"}, {Name: "陈静", UnitName: "财务处"}, {Name: "周 敏", UnitName: "科研处"}} {
		if err := f.s.SavePerson(f.ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	if p, err := FindPerson(context.Background(), f.s, "周敏"); err != nil || p.UnitName != "科研处" {
		t.Errorf("周敏 = %+v, %v", p, err)
	}
	if p, err := FindPerson(context.Background(), f.s, "财务处/陈 静"); err != nil || p.UnitName != "财务处" {
		t.Errorf("财务处/陈静 = %+v, %v", p, err)
	}
	if _, err := FindPerson(context.Background(), f.s, "陈静"); err == nil || !strings.Contains(err.Error(), "人事处/陈静") || !strings.Contains(err.Error(), "部门/姓名") {
		t.Errorf("a shared name: %v, want the candidates and 部门/姓名", err)
	}
	if _, err := FindPerson(context.Background(), f.s, "无此人"); err == nil || !strings.Contains(err.Error(), "找不到人员") {
		t.Errorf("unknown: %v", err)
	}
}
