package data

import (
	"context"
	"strings"
	"testing"

	"dangjian/data/civil"
)

// Every change that matters is in the 操作日志, saying in words what changed.

func lastEntry(t *testing.T, s *Store, action string) AuditEntry {
	t.Helper()
	log, err := s.AuditLog(context.Background(), AuditFilter{Action: action})
	if err != nil || len(log) == 0 {
		t.Fatalf("no %s entry in the log (%v)", action, err)
	}
	return log[0]
}

func TestSaveOrgIsLoggedWhenCreatedAndEdited(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	root := f.org(0, TypeCommittee, "中共某研究院委员会", "", "")
	o := Org{ParentID: root.ID, TypeCode: TypeBranch, Name: "光学实验室党支部", UnitName: "光学实验室", UnitKind: "实验室", Founded: civil.Date(2020, 5, 1)}
	if err := f.s.SaveOrg(ctx, &o); err != nil {
		t.Fatal(err)
	}
	e := lastEntry(t, f.s, "新建组织")
	if e.Subject != "光学实验室党支部" || !strings.Contains(e.Detail, "党支部") || !strings.Contains(e.Detail, "中共某研究院委员会") || !strings.Contains(e.Detail, "光学实验室") {
		t.Errorf("create logged as %+v", e)
	}
	o, _ = f.s.Org(ctx, o.ID)
	o.Name, o.Founded = "光学与光子学实验室党支部", civil.Date(2020, 6, 1)
	if err := f.s.SaveOrg(ctx, &o); err != nil {
		t.Fatal(err)
	}
	e = lastEntry(t, f.s, "修改组织")
	for _, want := range []string{"名称：光学实验室党支部 → 光学与光子学实验室党支部", "成立日期：2020-05-01 → 2020-06-01"} {
		if !strings.Contains(e.Detail, want) {
			t.Errorf("edit logged as %q, want %q", e.Detail, want)
		}
	}
	if strings.Contains(e.Detail, "依托单位") {
		t.Errorf("an unchanged field is in the log: %q", e.Detail)
	}
	before, _ := f.s.AuditLog(ctx, AuditFilter{Action: "修改组织"})
	if err := f.s.SaveOrg(ctx, &o); err != nil {
		t.Fatal(err)
	}
	if after, _ := f.s.AuditLog(ctx, AuditFilter{Action: "修改组织"}); len(after) != len(before) {
		t.Error("saving without a change wrote an entry")
	}
}

func TestSaveMemberUpdateIsLoggedWithoutTheIDNumberOrPhone(t *testing.T) {
	f := newFixture(t)
	b := f.org(0, TypeBranch, "第一党支部", "第一研究室", "科研单元")
	m := f.member(b, "李四", CategoryFull, civil.Date(2010, 5, 1), func(m *Member) { m.Phone = "13900001111" })
	m, _ = f.s.Member(context.Background(), m.Person.ID)
	m.Title, m.Phone, m.Backbone = "研究员", "13900002222", true
	if err := f.s.SaveMember(context.Background(), &m); err != nil {
		t.Fatal(err)
	}
	e := lastEntry(t, f.s, "修改党员信息")
	for _, want := range []string{"职称：未填 → 研究员", "联系电话已修改", "科研骨干：否 → 是"} {
		if !strings.Contains(e.Detail, want) {
			t.Errorf("update logged as %q, want %q", e.Detail, want)
		}
	}
	if e.Subject != "李四" || strings.Contains(e.Detail, "13900002222") || strings.Contains(e.Detail, m.IDNumber) {
		t.Errorf("update log %+v names the person wrongly or shows a phone / ID number", e)
	}
}

func TestRemoveTempMemberIsLogged(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	home := f.org(0, TypeBranch, "本支部", "", "")
	ms := f.fullMembers(home, 3)
	temp := f.org(0, TypeTempBranch, "发射任务临时党支部", "", "")
	if err := f.s.AddTempMembers(ctx, temp.ID, []int64{ms[1].Person.ID}, civil.Date(2026, 5, 1), civil.Date(2026, 12, 31)); err != nil {
		t.Fatal(err)
	}
	tm, _ := f.s.TempMembers(ctx, temp.ID)
	if err := f.s.RemoveTempMember(ctx, tm[0].ID); err != nil {
		t.Fatal(err)
	}
	e := lastEntry(t, f.s, "临时支部移出")
	if e.Subject != "发射任务临时党支部" || !strings.Contains(e.Detail, ms[1].Name) || !strings.Contains(e.Detail, "2026-05-01") {
		t.Errorf("removal logged as %+v", e)
	}
	if err := f.s.RemoveTempMember(ctx, tm[0].ID); err != ErrNotFound {
		t.Errorf("removing again: %v, want ErrNotFound", err)
	}
}
