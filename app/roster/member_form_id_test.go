package roster

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dangjian/app/apptest"
	"dangjian/app/ui"
	"dangjian/data/idcard"
)

// The person types 出生日期 and 性别 first and then the ID number key by key, as staff copy it
// from a card: at 15 characters the number looks like an old 15-digit ID, which must not
// replace what they typed, and neither may the finished number.
func TestMemberFormTypingAnIDKeepsTypedBirthAndGender(t *testing.T) {
	_, f := newMemberForm(t)
	test.Type(f.birth, "2002-11-16")
	apptest.Choose(t, &f.gender.Select, "女")
	good := idcard.Make("340104", time.Date(2002, 11, 16, 0, 0, 0, 0, time.UTC), 31, false)
	bad := good[:17] + map[bool]string{true: "1", false: "0"}[good[17] == '0'] // one wrong check digit
	for i, r := range bad {
		test.Type(f.idNumber, string(r))
		if f.birth.Text != "2002-11-16" || f.gender.Selected != "女" {
			t.Fatalf("after %d characters of the ID number 出生日期 %q, 性别 %q (typed 2002-11-16, 女)", i+1, f.birth.Text, f.gender.Selected)
		}
	}
	if !f.save.Disabled() || !f.errs["IDNumber"].Visible() {
		t.Fatalf("an ID number with a wrong check digit: 保存 disabled %v, message %q", f.save.Disabled(), f.errs["IDNumber"].Text)
	}
	// A valid number that says something else does not overwrite either: the field says so.
	f.idNumber.SetText("")
	other := idcard.Make("340104", time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC), 12, true)
	test.Type(f.idNumber, other)
	if f.birth.Text != "2002-11-16" || f.gender.Selected != "女" {
		t.Fatalf("a valid number overwrote the typed values: %q, %q", f.birth.Text, f.gender.Selected)
	}
	if msg := f.errs["Birth"].Text; !f.errs["Birth"].Visible() || msg != "出生日期与身份证号不符（身份证号中为 1990-05-17）" {
		t.Fatalf("出生日期 does not say it disagrees with the number: %q", msg)
	}
}

// On an empty form a complete, valid number fills 出生日期 and 性别; erasing it takes those
// values away again, so that a cleared ID field leaves nothing it derived behind.
func TestMemberFormDerivesOnlyFromACompleteNumber(t *testing.T) {
	wb, f := newMemberForm(t)
	test.Type(f.name, "王晓敏")
	apptest.Choose(t, &f.branch.Select, "人事处党支部")
	test.Type(f.joined, "2012-07-01")
	id := idcard.Make("340104", time.Date(1988, 3, 12, 0, 0, 0, 0, time.UTC), 31, true)
	test.Type(f.idNumber, id[:15])
	if f.birth.Text != "" || f.gender.Selected != "" {
		t.Fatalf("15 characters of an 18-digit number filled 出生日期 %q, 性别 %q", f.birth.Text, f.gender.Selected)
	}
	test.Type(f.idNumber, id[15:])
	if f.birth.Text != "1988-03-12" || f.gender.Selected != "男" {
		t.Fatalf("the complete number gave 出生日期 %q, 性别 %q", f.birth.Text, f.gender.Selected)
	}
	for range id {
		f.idNumber.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
	if f.idNumber.Text != "" || f.birth.Text != "" || f.gender.Selected != "" {
		t.Fatalf("after erasing the number: ID %q, 出生日期 %q, 性别 %q", f.idNumber.Text, f.birth.Text, f.gender.Selected)
	}
	// An old 15-digit number counts once the person leaves the field.
	old := "340104880312311"
	wb.Window.Canvas().Focus(f.idNumber)
	test.Type(f.idNumber, old)
	if f.birth.Text != "" {
		t.Fatalf("15 digits filled 出生日期 %q while still typing", f.birth.Text)
	}
	wb.Window.Canvas().Focus(f.phone)
	if f.birth.Text != "1988-03-12" || f.gender.Selected != "男" {
		t.Fatalf("leaving an old 15-digit number: 出生日期 %q, 性别 %q", f.birth.Text, f.gender.Selected)
	}
	if f.save.Disabled() {
		t.Fatalf("保存 disabled for a valid member: %q", f.summary.Text)
	}
}

// Esc closes the member form while one of its drop-downs (性别, 民族) has the focus, as it does
// from a text field.
func TestMemberFormEscFromADropDown(t *testing.T) {
	for _, field := range []string{"性别", "民族"} {
		wb, f := newMemberForm(t)
		c := wb.Window.Canvas()
		if field == "性别" {
			c.Focus(f.gender)
		} else {
			c.Focus(f.ethnicity)
		}
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if c.Overlays().Top() != nil {
			t.Errorf("Esc with %s focused left the member form open", field)
		}
	}
}

// An empty date field shows no example date in grey, which read as a date already filled in.
func TestMemberFormDateFieldsShowNoExampleDate(t *testing.T) {
	_, f := newMemberForm(t)
	for name, e := range map[string]*ui.DayEntry{"出生日期": f.birth, "入党日期": f.joined, "转正日期": f.full} {
		if strings.ContainsAny(e.PlaceHolder, "0123456789") {
			t.Errorf("%s shows %q while empty", name, e.PlaceHolder)
		}
	}
}
