package criteria

import (
	"context"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/idcard"
)

// 班子配备, 支部设置 and 队伍建设 are each department's own: computed from the branches built on it
// and the members working in it, with the branches named in the working. They used to be the
// institute's figures, the same for every department.
func TestComputedIndicatorsAreEachDepartmentsOwn(t *testing.T) {
	f := newFixture(t, 2025, "科研处", "人事处", "财务处")
	s := f.s
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	root := data.Org{TypeCode: data.TypeCommittee, Name: "院党委"}
	if err := s.SaveOrg(ctx, &root); err != nil {
		t.Fatal(err)
	}
	seq := 0
	member := func(b data.Org, unit int64, name string, head bool) data.Member {
		seq++
		m := data.Member{
			Person:     data.Person{Name: name, IDNumber: idcard.Make("340104", day(1980, 1, seq), seq, seq%2 == 0), UnitID: unit, UnitHead: head},
			Membership: data.Membership{BranchID: b.ID, Category: data.CategoryFull, Joined: day(2010, 1, 1), Full: day(2011, 1, 1)},
		}
		if err := s.SaveMember(ctx, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	branch := func(name string, unit int64, secretaryIsHead bool, termStart time.Time) {
		b := data.Org{ParentID: root.ID, TypeCode: data.TypeBranch, Name: name, UnitID: unit}
		if err := s.SaveOrg(ctx, &b); err != nil {
			t.Fatal(err)
		}
		sec := member(b, unit, name+"书记", secretaryIsHead)
		member(b, unit, name+"甲", false)
		member(b, unit, name+"乙", false)
		term, err := s.StartTerm(ctx, b.ID, termStart)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Appoint(ctx, term.ID, sec.PersonID, "书记", termStart); err != nil {
			t.Fatal(err)
		}
	}
	research, personnel, finance := f.units[0], f.units[1], f.units[2]
	branch("科研处党支部", research, true, day(2024, 6, 1))
	branch("人事处党支部", personnel, false, day(2019, 6, 1)) // term due 2022: overdue
	// 财务处's staff are in 人事处党支部: 财务处 has members but no branch of its own.
	hr, _ := s.Members(ctx, data.MemberFilter{Query: "人事处党支部甲"})
	p := hr[0]
	p.UnitID = finance
	if err := s.SaveMember(ctx, &p); err != nil {
		t.Fatal(err)
	}

	sn, err := Load(context.Background(), s, f.round.ID)
	if err != nil {
		t.Fatal(err)
	}
	value := func(organ int, indicator string) Value {
		return sn.Values[[2]int64{f.round.Organs[organ].ID, f.ind(t, indicator).ID}]
	}
	want := []struct {
		organ     int
		indicator string
		points    float64
		howHas    string
		howHasNot string
	}{
		{0, "班子配备", 6, "1/1", "人事处党支部"},
		{1, "班子配备", 0, "0/1", "科研处党支部"},
		{0, "支部设置", 7, "1/1", "人事处"},
		{2, "支部设置", 0, "0/1", "科研处党支部"},
		{0, "队伍建设", 6, "逾期未换届支部 0 个", "人事处"},
		{1, "队伍建设", 5, "逾期未换届支部 1 个（人事处党支部）", "科研处"},
		{2, "班子配备", 6, "本部门没有建在本部门的党支部", "党支部："},
	}
	for _, w := range want {
		v := value(w.organ, w.indicator)
		name := f.round.Organs[w.organ].Name
		if v.Points != w.points || !strings.Contains(v.How, w.howHas) || strings.Contains(v.How, w.howHasNot) {
			t.Errorf("%s %s = %s (%s); want %s, with %q and without %q", name, w.indicator, FormatPoints(v.Points), v.How, FormatPoints(w.points), w.howHas, w.howHasNot)
		}
	}
}
