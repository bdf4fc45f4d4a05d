package roster

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/idcard"
)

func TestMemberFormShowsChecksumErrorAndDisablesSave(t *testing.T) {
	_, f := newMemberForm(t)
	good := idcard.Make("340104", time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC), 12, false)
	bad := good[:17] + string("0123456789X"[(strings.IndexByte("0123456789X", good[17])+1)%11])
	test.Type(f.idNumber, bad)
	l := f.errs["IDNumber"]
	if !l.Visible() || !strings.Contains(l.Text, "校验位") || l.Importance != widget.DangerImportance {
		t.Fatalf("no red checksum message under 身份证号: visible=%v %q", l.Visible(), l.Text)
	}
	if !f.save.Disabled() {
		t.Fatal("保存 is enabled with a wrong ID number")
	}
	// The right number clears the message and fills birth date and gender from it.
	f.idNumber.SetText("")
	test.Type(f.idNumber, good)
	if f.errs["IDNumber"].Visible() || f.birth.Text != "1990-05-17" || f.gender.Selected != "女" {
		t.Fatalf("after a valid ID: error %q, birth %q, gender %q", f.errs["IDNumber"].Text, f.birth.Text, f.gender.Selected)
	}
	// A join date before the 18th birthday is refused at its own field.
	test.Type(f.joined, "2005.7.1")
	if msg := f.errs["Joined"].Text; !f.errs["Joined"].Visible() || !strings.Contains(msg, "十八岁") {
		t.Fatalf("join date at 15 not refused at the field: %q", msg)
	}
	if !f.save.Disabled() {
		t.Fatal("保存 is enabled with an invalid join date")
	}
}

func TestMemberFormSavesANewMemberIntoTheRoster(t *testing.T) {
	wb, r := rsDemo(t, fyne.NewSize(1280, 800))
	before := r.idx.Len()
	test.Tap(rsButton(r.root, "新增党员"))
	top := wb.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("新增党员 opened no form")
	}
	f := showMemberForm(wb, data.Member{}, r.afterSave) // the same form, with its fields at hand
	id := idcard.Make("340104", time.Date(1988, 3, 12, 0, 0, 0, 0, time.UTC), 31, true)
	test.Type(f.name, "  欧阳 明远 ")
	test.Type(f.idNumber, id)
	apptest.Choose(t, &f.branch.Select, "人事处党支部")
	test.Type(f.joined, "2012年7月1日")
	test.Type(f.phone, "139-0551-2233")
	if f.save.Disabled() {
		t.Fatalf("保存 disabled for a valid member: %q", f.summary.Text)
	}
	test.Tap(f.save)
	rsWait(t, r)
	if r.idx.Len() != before+1 {
		t.Fatalf("roster has %d members after saving, want %d", r.idx.Len(), before+1)
	}
	r.search.SetText("欧阳明远")
	if r.count.Text != "共 1 人" {
		t.Fatalf("searching the new member: %q", r.count.Text)
	}
	m := r.idx.At(r.view[0])
	if m.Gender != "男" || ui.DayText(m.Birth) != "1988-03-12" || ui.DayText(m.Joined) != "2012-07-01" || m.Status != data.StatusNormal {
		t.Errorf("saved as %+v", m)
	}
	// The same ID number a second time is refused at the field by the store.
	g := showMemberForm(wb, data.Member{}, nil)
	test.Type(g.name, "另一人")
	test.Type(g.idNumber, id)
	apptest.Choose(t, &g.branch.Select, "人事处党支部")
	test.Type(g.joined, "2012-07-01")
	test.Tap(g.save)
	if !strings.Contains(g.errs["IDNumber"].Text, "已属于“欧阳明远”") {
		t.Errorf("duplicate ID number not refused at the field: %q", g.errs["IDNumber"].Text)
	}
}

func TestTransferWithoutReasonIsRefused(t *testing.T) {
	wb := apptest.Demo(t, fyne.NewSize(1280, 800))
	ms, _ := wb.Store.Members(context.Background(), data.MemberFilter{Limit: 1})
	m := ms[0]
	a := showTransferDialog(wb, m)
	apptest.Choose(t, a.choice, "财务处党支部")
	test.Tap(a.ok)
	if !a.reasErr.Visible() || !strings.Contains(a.reasErr.Text, "请填写原因") {
		t.Fatalf("no reason and no refusal: %q", a.reasErr.Text)
	}
	if got, _ := wb.Store.Member(context.Background(), m.PersonID); got.BranchID != m.BranchID {
		t.Fatal("the member moved although no reason was given")
	}
	test.Type(a.reason, "工作调动")
	test.Tap(a.ok)
	got, _ := wb.Store.Member(context.Background(), m.PersonID)
	if got.BranchName != "财务处党支部" {
		t.Fatalf("after giving a reason the member is in %s", got.BranchName)
	}
	tr, _ := wb.Store.Transfers(context.Background(), m.PersonID)
	if len(tr) != 1 || tr[0].Reason != "工作调动" {
		t.Errorf("transfer record %+v", tr)
	}
	// A status change also needs its reason.
	s := showStatusDialog(wb, got)
	s.choice.SetSelected(data.StatusHistory)
	test.Tap(s.ok)
	if got2, _ := wb.Store.Member(context.Background(), m.PersonID); got2.Status != data.StatusNormal || !s.reasErr.Visible() {
		t.Fatal("status changed without a reason")
	}
}

func TestScreenshotMemberForm(t *testing.T) {
	wb := apptest.Demo(t, fyne.NewSize(1000, 700))
	f := showMemberForm(wb, data.Member{}, nil)
	test.Type(f.name, "王晓敏")
	good := idcard.Make("340104", time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC), 12, false)
	test.Type(f.idNumber, good[:16]+"5"+good[17:]) // one digit typed wrong
	test.Type(f.joined, "2013.6")
	apptest.Choose(t, &f.branch.Select, "稳态强磁场实验室党支部")
	f.backbone.SetChecked(true)
	if !f.errs["IDNumber"].Visible() {
		t.Fatal("the screenshot should show a validation message")
	}
	title := widget.NewLabelWithStyle("新增党员", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	apptest.SaveScreenshot(t, "member_form", container.NewPadded(container.NewBorder(title, nil, nil, nil, f.dlg.Body)), fyne.NewSize(900, 640), "新增党员", "身份证号校验位", "所在党支部 *", "还有 1 处需要填写或更正", "保存")
}
