package data

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"dangjian/data/civil"
	"dangjian/data/idcard"
)

func TestValidateMemberSaysWhatIsWrongPerField(t *testing.T) {
	today := civil.Date(2026, 11, 28)
	good := Member{
		Person:     Person{Name: "张三", IDNumber: idcard.Make("340104", civil.Date(1990, 3, 12), 3, true)},
		Membership: Membership{BranchID: 1, Category: CategoryFull, Joined: civil.Date(2015, 6, 1), Full: civil.Date(2016, 6, 1)},
	}
	if v := ValidateMember(good, today); len(v) > 0 {
		t.Fatalf("valid member refused: %v", v)
	}
	cases := []struct {
		name  string
		mod   func(*Member)
		field string
		want  string
	}{
		{"no name", func(m *Member) { m.Name = "  \u3000" }, "Name", "姓名"},
		{"bad checksum", func(m *Member) { m.IDNumber = m.IDNumber[:17] + "0" }, "IDNumber", "身份证"},
		{"birth disagrees with ID", func(m *Member) { m.Birth = civil.Date(1991, 3, 12) }, "Birth", "不符"},
		{"gender disagrees with ID", func(m *Member) { m.Gender = "女" }, "Gender", "不符"},
		{"future join date", func(m *Member) { m.Joined = civil.Date(2027, 1, 1); m.Full = time.Time{} }, "Joined", "不能晚于今天"},
		{"joined before 18", func(m *Member) { m.Joined = civil.Date(2005, 1, 1); m.Full = civil.Date(2006, 1, 1) }, "Joined", "十八岁"},
		{"full before joined", func(m *Member) { m.Full = civil.Date(2014, 1, 1) }, "Full", "不能早于入党日期"},
		{"probation with a full date", func(m *Member) { m.Category = CategoryProbation }, "Full", "预备党员"},
		{"no branch", func(m *Member) { m.BranchID = 0 }, "BranchID", "支部"},
		{"no join date", func(m *Member) { m.Joined = time.Time{}; m.Full = time.Time{} }, "Joined", "入党日期"},
		{"letters in phone", func(m *Member) { m.Phone = "139abc" }, "Phone", "电话"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := good
			c.mod(&m)
			msg := ValidateMember(m, today).For(c.field)
			if !strings.Contains(msg, c.want) {
				t.Errorf("%s: message %q, want one containing %q", c.field, msg, c.want)
			}
		})
	}
}

func TestSaveMemberFillsFromIDAndRefusesDuplicates(t *testing.T) {
	f := newFixture(t)
	b := f.org(0, TypeBranch, "丙支部", "丙单位", "实验室")
	id := idcard.Make("340104", civil.Date(1988, 8, 8), 5, false)
	m := Member{
		Person:     Person{Name: " 李  四 ", IDNumber: strings.ToLower(id[:6]) + " " + id[6:]},
		Membership: Membership{BranchID: b.ID, Category: CategoryFull, Joined: civil.Date(2012, 7, 1)},
	}
	if err := f.s.SaveMember(context.Background(), &m); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.Member(context.Background(), m.Person.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "李四" || got.IDNumber != id || got.Gender != "女" || !got.Birth.Equal(civil.Date(1988, 8, 8)) || got.Status != StatusNormal {
		t.Errorf("saved %+v", got)
	}
	dup := Member{Person: Person{Name: "王五", IDNumber: id}, Membership: Membership{BranchID: b.ID, Category: CategoryFull, Joined: civil.Date(2012, 7, 1)}}
	err = f.s.SaveMember(context.Background(), &dup)
	v, ok := AsInvalid(err)
	if !ok || !strings.Contains(v.For("IDNumber"), "李四") {
		t.Fatalf("duplicate ID: err = %v, want a field error naming 李四", err)
	}
	all, _ := f.s.Members(context.Background(), MemberFilter{})
	if len(all) != 1 {
		t.Fatalf("%d members after a refused duplicate, want 1 (nothing half-saved)", len(all))
	}
}

func TestTransferAndStatusAreDatedAndAudited(t *testing.T) {
	f := newFixture(t)
	a := f.org(0, TypeBranch, "甲支部", "甲", "实验室")
	b := f.org(0, TypeBranch, "乙支部", "乙", "实验室")
	m := f.fullMembers(a, 1)[0]
	ctx := context.Background()
	if err := f.s.TransferMember(ctx, m.Person.ID, b.ID, civil.Date(2026, 3, 1), ""); err == nil {
		t.Fatal("a transfer without a reason was accepted")
	}
	if err := f.s.TransferMember(ctx, m.Person.ID, b.ID, civil.Date(2026, 3, 1), "岗位调整"); err != nil {
		t.Fatal(err)
	}
	if err := f.s.SetStatus(ctx, m.Person.ID, StatusHistory, civil.Date(2026, 9, 1), "退休"); err != nil {
		t.Fatal(err)
	}
	got, _ := f.s.Member(ctx, m.Person.ID)
	if got.BranchID != b.ID || got.Status != StatusHistory {
		t.Errorf("member now in %d with status %s", got.BranchID, got.Status)
	}
	tr, _ := f.s.Transfers(ctx, m.Person.ID)
	if len(tr) != 2 || tr[0].Kind != "内部调动" || tr[1].Detail != "正常 → 历史" {
		t.Errorf("transfers = %+v", tr)
	}
	log, _ := f.s.AuditLog(ctx, AuditFilter{Action: "转接"})
	if len(log) != 1 || log[0].Reason != "岗位调整" {
		t.Errorf("audit = %+v", log)
	}
	// Members cannot move into a temporary branch: it sits beside the home branch.
	tmp := f.org(0, TypeTempBranch, "试验队临时党支部", "", "")
	if err := f.s.TransferMember(ctx, m.Person.ID, tmp.ID, f.s.Today(), "任务"); err == nil {
		t.Error("transfer into a temporary branch was accepted")
	}
	if err := f.s.AddTempMembers(ctx, tmp.ID, []int64{m.Person.ID}, civil.Date(2026, 10, 1), civil.Date(2026, 12, 31)); err != nil {
		t.Fatal(err)
	}
	tm, _ := f.s.TempMembers(ctx, tmp.ID)
	if len(tm) != 1 || tm[0].Home != "乙支部" {
		t.Errorf("temp members = %+v", tm)
	}
}

func TestBatchUndoRestoresAndRefusesAfterEdits(t *testing.T) {
	f := newFixture(t)
	b := f.org(0, TypeBranch, "甲支部", "甲", "实验室")
	m := f.fullMembers(b, 1)[0]
	ctx := context.Background()
	batchID := inBatch(t, f.s, "花名册导入", "测试.xlsx", "新增 1，更新 1", func(tx *sql.Tx, bt *batchWriter) error {
		bt.Updating("person", m.Person.ID)
		tx.Exec(`UPDATE person SET phone='13900000000' WHERE id=?`, m.Person.ID)
		res, _ := tx.Exec(`INSERT INTO person(name) VALUES ('新人')`)
		id, _ := res.LastInsertId()
		return bt.Inserted("person", id)
	})
	if err := f.s.UndoBatch(ctx, batchID, "导错了", nil); err != nil {
		t.Fatal(err)
	}
	got, _ := f.s.Member(ctx, m.Person.ID)
	if got.Phone != m.Phone {
		t.Errorf("phone after undo = %q, want %q", got.Phone, m.Phone)
	}
	var n int
	f.s.db.QueryRow(`SELECT COUNT(*) FROM person WHERE name='新人'`).Scan(&n)
	if n != 0 {
		t.Error("inserted person survived the undo")
	}
	if err := f.s.UndoBatch(ctx, batchID, "", nil); err == nil || !strings.Contains(err.Error(), "已于") {
		t.Errorf("second undo: %v", err)
	}

	// A second batch, then a hand edit: undo must refuse and change nothing.
	batchID = inBatch(t, f.s, "花名册导入", "二.xlsx", "更新 1", func(tx *sql.Tx, bt *batchWriter) error {
		bt.Updating("person", m.Person.ID)
		_, err := tx.Exec(`UPDATE person SET phone='13911111111' WHERE id=?`, m.Person.ID)
		return err
	})
	f.s.db.Exec(`UPDATE person SET post='手工修改' WHERE id=?`, m.Person.ID)
	err := f.s.UndoBatch(ctx, batchID, "", nil)
	if err == nil || !strings.Contains(err.Error(), m.Name) {
		t.Fatalf("undo after an edit: %v, want a refusal naming %s", err, m.Name)
	}
	got, _ = f.s.Member(ctx, m.Person.ID)
	if got.Phone != "13911111111" || got.Post != "手工修改" {
		t.Errorf("refused undo changed the row: %+v", got.Person)
	}
}

func TestLeavingTheBranchEndsCommitteeSeats(t *testing.T) {
	f := newFixture(t)
	a := f.org(0, TypeBranch, "甲支部", "甲", "实验室")
	b := f.org(0, TypeBranch, "乙支部", "乙", "实验室")
	ms := f.fullMembers(a, 3)
	f.committee(a, civil.Date(2025, 1, 1), map[string]int64{"书记": ms[0].Person.ID, "组织委员": ms[1].Person.ID})
	ctx := context.Background()
	if err := f.s.TransferMember(ctx, ms[0].Person.ID, 0, civil.Date(2026, 10, 1), "调离本院"); err != nil {
		t.Fatal(err)
	}
	if err := f.s.TransferMember(ctx, ms[1].Person.ID, b.ID, civil.Date(2026, 10, 2), "岗位调整"); err != nil {
		t.Fatal(err)
	}
	terms, _ := f.s.Terms(ctx, a.ID)
	for _, st := range terms[0].Seats {
		if st.Current(f.s.Today()) {
			t.Errorf("%s still sits as %s after leaving the branch", st.Name, st.Role)
		}
	}
	tr, _ := f.s.Transfers(ctx, ms[0].Person.ID)
	if len(tr) != 1 || !strings.Contains(tr[0].Detail, "同时免去书记职务") {
		t.Errorf("transfer record = %+v", tr)
	}
	// A status change out of standing ends the seat too.
	c := ms[2]
	f.s.Appoint(ctx, terms[0].ID, c.Person.ID, "宣传委员", civil.Date(2026, 1, 1))
	if err := f.s.SetStatus(ctx, c.Person.ID, StatusRemoved, civil.Date(2026, 11, 1), "停止党籍"); err != nil {
		t.Fatal(err)
	}
	terms, _ = f.s.Terms(ctx, a.ID)
	for _, st := range terms[0].Seats {
		if st.PersonID == c.Person.ID && st.Current(f.s.Today()) {
			t.Error("a removed member still sits on the committee")
		}
	}
}
