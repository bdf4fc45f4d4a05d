package data

import (
	"context"
	"testing"

	"dangjian/data/civil"
	"dangjian/data/idcard"
)

// SQLite's refusals are told apart by their result codes: a duplicate becomes the form's
// message on the right field, a row still referenced is KindForeignKey, damage is KindDamaged.
func TestConstraintRefusalsAreToldByTheirCode(t *testing.T) {
	f := newFixture(t)
	s := f.s
	root := f.org(0, 611, "院党委", "", "")
	if err := s.SaveOrg(context.Background(), &Org{ParentID: root.ID, TypeCode: 631, Name: "院党委"}); err == nil {
		t.Fatal("a second live org of the same name was saved")
	} else if v, ok := AsInvalid(err); !ok || v.For("Name") == "" {
		t.Fatalf("duplicate org name: %v, want a message on the name", err)
	}
	id := idcard.Make("340104", civil.Date(1980, 1, 1), 7, true)
	a := Person{Name: "张三", IDNumber: id}
	if err := s.SavePerson(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	b := Person{Name: "李四", IDNumber: id}
	if err := s.SavePerson(context.Background(), &b); err == nil {
		t.Fatal("the same ID number was saved twice")
	} else if v, ok := AsInvalid(err); !ok || v.For("IDNumber") == "" {
		t.Fatalf("duplicate ID number: %v, want a message on the ID number", err)
	}

	_, fk := s.db.Exec(`INSERT INTO membership(person_id, branch_id) VALUES (999, 999)`)
	_, uq := s.db.Exec(`INSERT INTO person(name, id_number) VALUES ('王五', ?)`, id)
	_, other := s.db.Exec(`SELECT * FROM nosuch`)
	for _, c := range []struct {
		err  error
		want Kind
	}{{fk, KindForeignKey}, {uq, KindUnique}, {other, KindOther}} {
		if got := KindOf(c.err); got != c.want {
			t.Errorf("KindOf(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}
