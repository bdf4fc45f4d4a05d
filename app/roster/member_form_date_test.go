package roster

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
	"dangjian/data"
)

// In the member form at 1024×700 a date is typed as the roster sheets spell it or picked from
// the calendar; either way the form reads the day.
func TestMemberFormDatesTypedOrPicked(t *testing.T) {
	wb := apptest.Demo(t, fyne.NewSize(1024, 700))
	f := showMemberForm(wb, data.Member{}, nil)
	test.Type(f.joined, "2012年7月1日")
	test.Type(f.full, "2013.7.1")
	test.Type(f.birth, "19900315")
	m, bad := f.read() // name and branch are still missing: only the dates are looked at
	if bad.For("Birth") != "" || bad.For("Joined") != "" || bad.For("Full") != "" || ui.DayText(m.Joined) != "2012-07-01" || ui.DayText(m.Full) != "2013-07-01" || ui.DayText(m.Birth) != "1990-03-15" {
		t.Fatalf("typed 2012年7月1日, 2013.7.1, 19900315: the form read %s, %s, %s (%v)", ui.DayText(m.Joined), ui.DayText(m.Full), ui.DayText(m.Birth), bad)
	}

	test.Tap(f.birth.ActionItem.(fyne.Tappable))
	p, _ := wb.Window.Canvas().Overlays().Top().(*widget.PopUp)
	if p == nil || !apptest.Shows(p.Content, "1990年3月") {
		t.Fatal("the 出生日期 calendar did not open on March 1990")
	}
	if cut := apptest.OffCanvas(p, wb.Window.Canvas().Size()); len(cut) > 0 {
		t.Errorf("the calendar is cut by the 1024×700 window: %v", cut)
	}
	test.Tap(apptest.FindButton(p.Content, "20"))
	if f.birth.Text != "1990-03-20" {
		t.Fatalf("picking 20 wrote %q into 出生日期", f.birth.Text)
	}
	if m, _ := f.read(); ui.DayText(m.Birth) != "1990-03-20" {
		t.Errorf("the form read 出生日期 %s after the pick", ui.DayText(m.Birth))
	}
	if top := wb.Window.Canvas().Overlays().Top(); top == p {
		t.Error("the calendar stayed open after the pick")
	}
}
