package data

import (
	"context"
	"strings"
	"testing"

	"dangjian/data/civil"
)

// The member form and every import go through ValidateMember, and A/B staff through
// SavePerson: each refuses an overlong field with a reason at that field, and saves nothing.
func TestPersonFieldsAreBounded(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	b := f.org(0, TypeBranch, "甲支部", "甲实验室", "实验室")
	base := Member{Person: Person{Name: "张三"}, Membership: Membership{BranchID: b.ID, Category: CategoryFull, Joined: civil.Date(2010, 7, 1)}}
	for field, mod := range map[string]func(*Member){
		"Name":  func(m *Member) { m.Name = strings.Repeat("名", 7_000_000) },
		"Phone": func(m *Member) { m.Phone = strings.Repeat("1", 32767) },
		"Post":  func(m *Member) { m.Post = strings.Repeat("岗", 300) },
		"Unit":  func(m *Member) { m.UnitName = strings.Repeat("单", 300) },
		"Note":  func(m *Member) { m.Note = strings.Repeat("注", 5000) },
	} {
		m := base
		mod(&m)
		err := f.s.SaveMember(ctx, &m)
		v, ok := AsInvalid(err)
		if !ok || !strings.Contains(v.For(field), "超过上限") {
			t.Errorf("%s too long: %v; want a reason at %s", field, err, field)
		}
	}
	if ms, _ := f.s.Members(ctx, MemberFilter{}); len(ms) != 0 {
		t.Errorf("refused members were saved: %d", len(ms))
	}
	p := Person{Name: strings.Repeat("名", 100)}
	if _, ok := AsInvalid(f.s.SavePerson(ctx, &p)); !ok || p.ID != 0 {
		t.Errorf("SavePerson took a 100-character name (id %d)", p.ID)
	}
}
