package data

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dangjian/data/civil"
	"dangjian/data/internal/sqldb"
	"dangjian/data/internal/sqldbtest"
)

// A guard whose count cannot be read refuses the action (a failed COUNT is not 0), in one
// Chinese sentence, and changes nothing. The table is made unreadable in the real file.

func assertCheckFailed(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		t.Fatal("the action went ahead although its guard could not read the database")
	}
	if !sqldb.IsCheckFailed(err) || !strings.HasPrefix(err.Error(), "无法核对") || strings.Contains(err.Error(), "JSON") {
		t.Errorf("refusal %q, want one Chinese sentence saying what could not be checked", err)
	}
}

func TestAbolishIsRefusedWhenItsMembersCannotBeCounted(t *testing.T) {
	f := newFixture(t)
	b := f.org(0, TypeBranch, "测试党支部", "测试实验室", "实验室")
	f.fullMembers(b, 1)
	sqldbtest.Unreadable(t, f.s.db, "membership")
	assertCheckFailed(t, f.s.AbolishOrg(context.Background(), b.ID, civil.Date(2026, 11, 1), "合并"))
	if o, err := f.s.Org(context.Background(), b.ID); err != nil || !o.Live() {
		t.Errorf("branch abolished although it holds a member: %+v %v", o, err)
	}
}

func TestAppointIsRefusedWhenTheSeatsCannotBeCounted(t *testing.T) {
	f := newFixture(t)
	b := f.org(0, TypeBranch, "测试党支部", "测试实验室", "实验室")
	ms := f.fullMembers(b, 3)
	term := f.committee(b, civil.Date(2025, 1, 1), map[string]int64{"书记": ms[0].Person.ID})
	sqldbtest.Unreadable(t, f.s.db, "seat")
	before := sqldbtest.Rows(t, f.s.db, "seat")
	// The same person again (a duplicate seat) and a second 书记: both guarded by a count.
	_, err := f.s.Appoint(context.Background(), term.ID, ms[0].Person.ID, "组织委员", civil.Date(2025, 2, 1))
	assertCheckFailed(t, err)
	_, err = f.s.Appoint(context.Background(), term.ID, ms[1].Person.ID, "书记", civil.Date(2025, 2, 1))
	assertCheckFailed(t, err)
	if n := sqldbtest.Rows(t, f.s.db, "seat"); n != before {
		t.Errorf("%d seats after two refused appointments, want %d", n, before)
	}
}

func TestTypeChangeIsRefusedWhenItsMembersCannotBeCounted(t *testing.T) {
	f := newFixture(t)
	b := f.org(0, TypeBranch, "测试党支部", "测试实验室", "实验室")
	f.fullMembers(b, 1)
	sqldbtest.Unreadable(t, f.s.db, "membership")
	b.TypeCode = TypeGeneralBranch
	assertCheckFailed(t, f.s.SaveOrg(context.Background(), &b))
}

func TestCheckFailsWhenARuleCannotReadItsRows(t *testing.T) {
	f := newFixture(t)
	b := f.org(0, TypeBranch, "测试党支部", "测试实验室", "实验室")
	ms := f.fullMembers(b, 7)
	other := f.org(0, TypeBranch, "另一党支部", "另一实验室", "实验室")
	f.committee(b, civil.Date(2025, 1, 1), map[string]int64{"书记": ms[0].Person.ID})
	f.committee(other, civil.Date(2020, 1, 1), nil)
	// The terms read well for the first row and fail on the second.
	sqldbtest.UnreadableAfter(t, f.s.db, "term", 1)
	if fs, err := f.s.Check(context.Background()); err == nil {
		t.Errorf("Check without its terms = %d findings, nil; want an error, not a shorter list", len(fs))
	}
}

// A record that cannot be read is not a record that was deleted: the refusal says the database
// could not be read, not 记录不存在.
func TestAnUnreadableRecordIsNotReportedAsDeleted(t *testing.T) {
	f := newFixture(t)
	b := f.org(0, TypeBranch, "测试党支部", "", "")
	m := f.fullMembers(b, 1)[0]
	if err := f.s.SetStatus(context.Background(), 9999, StatusHistory, civil.Date(2026, 11, 1), "退休"); !errors.Is(err, ErrNotFound) {
		t.Errorf("an unknown member: %v, want ErrNotFound", err)
	}
	sqldbtest.Unreadable(t, f.s.db, "membership")
	err := f.s.SetStatus(context.Background(), m.Person.ID, StatusHistory, civil.Date(2026, 11, 1), "退休")
	if errors.Is(err, ErrNotFound) {
		t.Fatalf("SetStatus = %v: a database error reported as a deleted record", err)
	}
	assertCheckFailed(t, err)
}
