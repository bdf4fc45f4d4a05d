package roster

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/data"
)

// A probationary member whose year is up: the staff member selects them, taps 转正/延长预备期,
// picks 延长预备期, and is asked for the reason before anything changes; with it, the probation
// runs six months longer, the record says so, and the 预备期满 finding is gone.
func TestProbationDecisionFromTheRoster(t *testing.T) {
	wb, r := rsDemo(t, fyne.NewSize(1366, 768))
	today := wb.Store.Today()
	var due, full data.Member
	for i := range r.idx.Len() {
		m := r.idx.At(i)
		d := m.ProbationDue()
		if due.PersonID == 0 && m.Status == data.StatusNormal && !d.IsZero() && !d.After(today) {
			due = m
		}
		if full.PersonID == 0 && m.Category == data.CategoryFull {
			full = m
		}
	}
	if due.PersonID == 0 {
		t.Fatal("the demo institute has no member whose probation is up")
	}
	selectMember := func(m data.Member) {
		for row, i := range r.view {
			if r.idx.At(i).PersonID == m.PersonID {
				r.table.Select(widget.TableCellID{Row: row, Col: 0})
				return
			}
		}
		t.Fatalf("%s is not in the roster view", m.Name)
	}
	selectMember(full)
	if !r.decide.Disabled() {
		t.Errorf("转正/延长预备期 is offered for %s, a full member", full.Name)
	}
	selectMember(due)
	if r.decide.Disabled() {
		t.Fatalf("转正/延长预备期 is not offered for %s, a probationary member", due.Name)
	}
	test.Tap(r.decide)
	top := wb.Window.Canvas().Overlays().Top()
	if !apptest.Shows(top, "预备党员 · "+due.Name) {
		t.Fatalf("tapping 转正/延长预备期 did not open %s's decision", due.Name)
	}
	radios := apptest.FindAll[*widget.RadioGroup](top)
	if len(radios) != 1 {
		t.Fatalf("%d choices of decision", len(radios))
	}
	radios[0].SetSelected(data.DecisionExtend)
	if len(apptest.FindAll[*widget.Select](top)) != 1 {
		t.Error("延长预备期 does not ask by how many months")
	}
	fields := apptest.EntriesOf(top) // 支部大会, 党委审批, 原因
	if len(fields) != 3 {
		t.Fatalf("%d fields in the decision, want 3", len(fields))
	}
	fields[0].SetText("")
	test.Type(fields[0], data.DateText(due.ProbationDue().AddDate(0, 0, 3)))
	fields[1].SetText("")
	test.Type(fields[1], data.DateText(due.ProbationDue().AddDate(0, 0, 10)))
	test.Tap(rsButton(top, "确定"))
	if !apptest.HasLabel(top, "请填写延长预备期的原因") {
		t.Fatal("no reason and no request for one")
	}
	if got, _ := wb.Store.Member(context.Background(), due.PersonID); !got.ProbationExtended.IsZero() {
		t.Fatal("the probation was extended without a reason")
	}
	test.Type(fields[2], "理论学习不够深入，需继续考察")
	test.Tap(rsButton(top, "确定"))
	got, _ := wb.Store.Member(context.Background(), due.PersonID)
	if want := due.ProbationDue().AddDate(0, 6, 0); !got.ProbationDue().Equal(want) {
		t.Fatalf("after 延长预备期 the probation ends %s, want %s", data.DateText(got.ProbationDue()), data.DateText(want))
	}
	tr, _ := wb.Store.Transfers(context.Background(), due.PersonID)
	if len(tr) == 0 || tr[len(tr)-1].Kind != data.DecisionExtend || !strings.Contains(tr[len(tr)-1].Detail, "党委审批") {
		t.Errorf("record after 延长预备期: %+v", tr)
	}
	fs, _ := wb.Store.Check(context.Background())
	for _, f := range fs {
		if f.Rule == data.RuleProbationDue && f.PersonID == due.PersonID && got.ProbationDue().After(today) {
			t.Errorf("still flagged after the extension: %s", f.Message)
		}
	}
}

// 状态变更 asks for its own kind of reason, not 转接's "工作调动至某单位".
func TestStatusChangeHasItsOwnReasonHint(t *testing.T) {
	wb := apptest.Demo(t, fyne.NewSize(1280, 800))
	ms, _ := wb.Store.Members(context.Background(), data.MemberFilter{Limit: 1})
	tr := showTransferDialog(wb, ms[0])
	st := showStatusDialog(wb, ms[0])
	if st.reason.PlaceHolder == tr.reason.PlaceHolder || strings.Contains(st.reason.PlaceHolder, "调动") {
		t.Errorf("状态变更's reason reads %q, as 转接's does", st.reason.PlaceHolder)
	}
}
