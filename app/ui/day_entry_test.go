package ui_test

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
)

// dateForm opens a form dialog in a 1024×700 window with two date fields, the second at the
// bottom of the form, as the member form and the absence form have them; saved counts 保存.
func dateForm(t *testing.T) (w fyne.Window, top, bottom *ui.DayEntry, saved *int) {
	t.Helper()
	apptest.NewTestApp(t)
	w = test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1024, 700))
	wb := &ui.Workbench{Window: w}
	ui.InstallEscape(w)
	top, bottom = ui.NewDayEntry(time.Time{}), ui.NewDayEntry(time.Time{})
	for _, e := range []*ui.DayEntry{top, bottom} {
		e.Today = func() time.Time { return time.Date(2026, 11, 28, 10, 0, 0, 0, time.Local) }
	}
	saved = new(int)
	form := container.NewBorder(widget.NewForm(widget.NewFormItem("开始日期", top)), widget.NewForm(widget.NewFormItem("结束日期", bottom)), nil, nil)
	d := ui.FormDialog(wb, "登记请假/出差", form, "保存", fyne.NewSize(520, 640), func() error {
		if _, err := ui.DayField("开始日期", top, ui.DayExact); err != nil {
			return err
		}
		*saved++
		return nil
	})
	ui.SubmitOnEnter(d, &top.EscapeEntry, &bottom.EscapeEntry)
	return w, top, bottom, saved
}

// calendarOf is the drop-down on top of the window: the pop-up holding the month sheet.
func calendarOf(w fyne.Window) *widget.PopUp {
	p, _ := w.Canvas().Overlays().Top().(*widget.PopUp)
	if p == nil || len(apptest.FindAll[*widget.Button](p.Content)) < 28 {
		return nil
	}
	return p
}

func TestDayEntryReadsEverySpellingTheImportReads(t *testing.T) {
	w, top, _, _ := dateForm(t)
	for typed, want := range map[string]string{
		"2024-05-01": "2024-05-01", "2024/5/1": "2024-05-01", "2024.5.1": "2024-05-01",
		"20240501": "2024-05-01", "2024年5月1日": "2024-05-01", "2024年5月": "2024-05-01",
		"２０２４－０５－０１": "2024-05-01", " 1985.03.12 ": "1985-03-12",
	} {
		top.SetText("")
		w.Canvas().Focus(top)
		test.Type(top, typed)
		d, err := ui.DayField("入党日期", top, ui.DayOptional)
		if err != nil || ui.DayText(d) != want {
			t.Errorf("typed %q: read %q, %v; want %s", typed, ui.DayText(d), err, want)
		}
	}
	top.SetText("")
	test.Type(top, "2024年5月")
	if _, err := ui.DayField("开始日期", top, ui.DayExact); err == nil || err.Error() != "开始日期请写成 2026-01-05 这样的完整日期" {
		t.Errorf("a month alone where a day is needed: %v", err)
	}
	top.SetText("")
	test.Type(top, "2024-13-01")
	if _, err := ui.DayField("开始日期", top, ui.DayOptional); err == nil {
		t.Error("2024-13-01 was read as a date")
	}
}

func TestDayEntryCalendarPicksADay(t *testing.T) {
	w, top, _, _ := dateForm(t)
	test.Type(top, "2024/5/1")
	test.Tap(top.ActionItem.(fyne.Tappable))
	p := calendarOf(w)
	if p == nil {
		t.Fatal("the calendar button dropped nothing down")
	}
	for _, s := range []string{"2024年5月", "一", "三", "日", "今天"} {
		if !apptest.Shows(p.Content, s) {
			t.Errorf("the calendar does not show %q: %v", s, apptest.Texts(p.Content))
		}
	}
	// The sheet opens on the month typed; one month on, the 20th.
	next := nextMonthButton(t, p)
	test.Tap(next)
	if !apptest.Shows(p.Content, "2024年6月") {
		t.Fatalf("after ▶ the calendar shows %v", apptest.Texts(p.Content))
	}
	test.Tap(apptest.FindButton(p.Content, "20"))
	if top.Text != "2024-06-20" {
		t.Errorf("after picking 20 June the field says %q", top.Text)
	}
	if calendarOf(w) != nil {
		t.Error("the calendar stayed open after a day was picked")
	}

	// 今天 writes the day the clock says.
	top.SetText("")
	test.Tap(top.ActionItem.(fyne.Tappable))
	if p = calendarOf(w); p == nil || !apptest.Shows(p.Content, "2026年11月") {
		t.Fatal("an empty field's calendar does not open on this month")
	}
	test.Tap(apptest.FindButton(p.Content, "今天"))
	if top.Text != "2026-11-28" {
		t.Errorf("今天 wrote %q", top.Text)
	}
}

// nextMonthButton is ▶ beside the month title: the third icon button of the title row.
func nextMonthButton(t *testing.T, p *widget.PopUp) *widget.Button {
	t.Helper()
	var icons []*widget.Button
	for _, b := range apptest.FindAll[*widget.Button](p.Content) {
		if b.Text == "" && b.Icon != nil {
			icons = append(icons, b)
		}
	}
	if len(icons) != 4 {
		t.Fatalf("the title row has %d arrows, want « ‹ › »", len(icons))
	}
	return icons[2]
}

func TestDayEntryEscClosesTheCalendarAndEnterSubmits(t *testing.T) {
	w, top, _, saved := dateForm(t)
	form := w.Canvas().Overlays().Top()
	test.Tap(top.ActionItem.(fyne.Tappable))
	if calendarOf(w) == nil {
		t.Fatal("no calendar")
	}
	top.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if calendarOf(w) != nil {
		t.Fatal("Esc left the calendar open")
	}
	if w.Canvas().Overlays().Top() != form {
		t.Fatal("Esc closed the form too; it should close only the calendar")
	}
	// Esc with the focus nowhere (a tap on the form's background) closes the calendar too.
	test.Tap(top.ActionItem.(fyne.Tappable))
	w.Canvas().Unfocus()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if calendarOf(w) != nil || w.Canvas().Overlays().Top() != form {
		t.Fatal("Esc on the window did not close just the calendar")
	}

	w.Canvas().Focus(top)
	test.Type(top, "2024年5月1日")
	top.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if *saved != 1 {
		t.Errorf("Enter in the date field did not submit the form (saved %d)", *saved)
	}
}

// From the keys alone: F4 drops the calendar down on the day typed, the arrows move the day (a
// day sideways, a week up and down, over the month's end), Enter takes it without submitting.
func TestDayEntryCalendarFromTheKeyboard(t *testing.T) {
	w, top, _, saved := dateForm(t)
	w.Canvas().Focus(top)
	test.Type(top, "2024-05-30")
	key := func(k fyne.KeyName) { top.TypedKey(&fyne.KeyEvent{Name: k}) }
	key(fyne.KeyF4)
	if calendarOf(w) == nil {
		t.Fatal("F4 dropped nothing down")
	}
	key(fyne.KeyRight)
	key(fyne.KeyRight)
	key(fyne.KeyRight)
	key(fyne.KeyDown)
	if p := calendarOf(w); p == nil || !apptest.Shows(p.Content, "2024年6月") {
		t.Fatal("moving past 31 May did not turn the calendar to June")
	}
	key(fyne.KeyReturn)
	if top.Text != "2024-06-09" || calendarOf(w) != nil {
		t.Errorf("after 30 May + 3 days + a week and Enter the field says %q (calendar open: %v)", top.Text, calendarOf(w) != nil)
	}
	if *saved != 0 {
		t.Error("Enter in the open calendar submitted the form")
	}
}

// The calendar button is drawn in the field, filled or empty: a person sees where to click.
func TestDayEntryDrawsItsCalendarButton(t *testing.T) {
	apptest.NewTestApp(t)
	for _, day := range []time.Time{{}, time.Date(1983, 7, 1, 0, 0, 0, 0, time.Local)} {
		e := ui.NewDayEntry(day)
		w := test.NewTempWindow(t, e)
		w.Resize(fyne.NewSize(300, 80))
		if n := len(apptest.FindAll[*widget.Button](e)); n != 1 {
			t.Errorf("a field holding %q draws %d calendar buttons, want 1", e.Text, n)
		}
	}
}
