package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/data/civil"
)

// DayEntry is the one date field of every form. A date is typed in any spelling the roster
// import reads (2024-05-01, 2024/5/1, 2024.5.1, 20240501, 2024年5月1日, 2024年5月 …: data/civil
// reads it when the form is checked), or picked from the month calendar its button (or F4)
// drops down, which writes 2024-05-01. While the calendar is open the arrow keys move its day,
// Enter takes it and Esc closes the calendar, leaving the form open; otherwise Enter submits
// the form as in any field.
type DayEntry struct {
	EscapeEntry
	// Today says which day 今天 is and which month an empty field's calendar opens on.
	Today func() time.Time

	popUp *widget.PopUp
	cal   *dayCalendar
}

// NewDayEntry is a date field holding t (empty for the zero date), with the order of the parts
// in its placeholder.
func NewDayEntry(t time.Time) *DayEntry {
	e := &DayEntry{Today: time.Now}
	// The button first: SetText builds the entry's renderer, which draws only an ActionItem
	// that is already there (set after, it was laid out but never drawn).
	e.ActionItem = &widget.Button{Icon: theme.CalendarIcon(), Importance: widget.LowImportance, OnTapped: e.toggleCalendar}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(DayPlaceHolder)
	e.SetText(DayText(t))
	return e
}

// Disable greys the field and its calendar button.
func (e *DayEntry) Disable() {
	e.ActionItem.(*widget.Button).Disable()
	e.EscapeEntry.Disable()
}

// Enable lets the field and its calendar button be used again.
func (e *DayEntry) Enable() {
	e.ActionItem.(*widget.Button).Enable()
	e.EscapeEntry.Enable()
}

// toggleCalendar is the calendar button: it drops the calendar down, or closes it when open.
func (e *DayEntry) toggleCalendar() {
	if e.CalendarShown() {
		e.HideCalendar()
		return
	}
	e.ShowCalendar()
}

// ShowCalendar drops the month calendar down under the field (above it when the window has no
// room below), on the month of the date typed, else on today's.
func (e *DayEntry) ShowCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil || e.Disabled() {
		return
	}
	today := civilDay(e.Today())
	shown, _ := ParseDay(e.Text)
	e.HideCalendar()
	e.cal = newDayCalendar(shown, today, e.pick)
	e.cal.onClose = e.HideCalendar
	e.popUp = widget.NewPopUp(e.cal, c)
	size := e.popUp.MinSize()
	e.popUp.ShowAtPosition(dropPosition(c.Size(), fyne.CurrentApp().Driver().AbsolutePositionForObject(e), e.Size(), size))
	e.popUp.Resize(size)
	c.Focus(e) // typing goes on in the field, and Esc reaches it
}

// HideCalendar closes the drop-down if it is open.
func (e *DayEntry) HideCalendar() {
	if e.popUp != nil {
		e.popUp.Hide()
		e.popUp = nil
	}
}

// CalendarShown tells whether the drop-down is open.
func (e *DayEntry) CalendarShown() bool { return e.popUp != nil && e.popUp.Visible() }

// pick writes the chosen day into the field, as if typed, and closes the calendar.
func (e *DayEntry) pick(d time.Time) {
	e.HideCalendar()
	e.SetText(DayText(d))
}

// calendarKeys move the open calendar's day: a day, or a week up and down.
var calendarKeys = map[fyne.KeyName]int{fyne.KeyLeft: -1, fyne.KeyRight: 1, fyne.KeyUp: -7, fyne.KeyDown: 7}

// TypedKey opens the calendar on F4, as Windows date fields do. With the calendar open the
// arrows move its day, Enter takes that day and Esc closes it (the form stays); any other key
// closes it and edits the text as usual.
func (e *DayEntry) TypedKey(k *fyne.KeyEvent) {
	if !e.CalendarShown() {
		if k.Name == fyne.KeyF4 {
			e.ShowCalendar()
			return
		}
		e.EscapeEntry.TypedKey(k)
		return
	}
	if step, ok := calendarKeys[k.Name]; ok {
		e.cal.move(step)
		return
	}
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		e.pick(e.cal.current())
	case fyne.KeyEscape, fyne.KeyF4:
		e.HideCalendar()
	default:
		e.HideCalendar()
		e.EscapeEntry.TypedKey(k)
	}
}

// dropPosition places a drop-down of size drop under a field at pos of size field, or above it
// when it does not fit below, and always inside the window.
func dropPosition(win fyne.Size, pos fyne.Position, field, drop fyne.Size) fyne.Position {
	at := fyne.NewPos(pos.X, pos.Y+field.Height)
	if at.Y+drop.Height > win.Height && pos.Y-drop.Height >= 0 {
		at.Y = pos.Y - drop.Height
	}
	at.Y = max(0, min(at.Y, win.Height-drop.Height))
	at.X = max(0, min(at.X, win.Width-drop.Width))
	return at
}

// civilDay is t's calendar day at UTC midnight, as data/civil keeps dates.
func civilDay(t time.Time) time.Time { return civil.Date(t.Year(), t.Month(), t.Day()) }

// weekdayNames head the calendar's columns, Monday first as Chinese calendars are printed.
var weekdayNames = []string{"一", "二", "三", "四", "五", "六", "日"}

// dayCalendar is the month sheet of a DayEntry: 年/月 with buttons for the month and the year
// before and after, the days under their weekdays, and 今天.
type dayCalendar struct {
	widget.BaseWidget
	month, selected, today time.Time
	onPick                 func(time.Time)
	onClose                func()

	title *widget.Label
	days  *fyne.Container
}

// newDayCalendar shows the month of selected (today's when selected is zero).
func newDayCalendar(selected, today time.Time, onPick func(time.Time)) *dayCalendar {
	c := &dayCalendar{selected: selected, today: today, onPick: onPick}
	first := selected
	if first.IsZero() {
		first = today
	}
	c.month = civil.Date(first.Year(), first.Month(), 1)
	c.title = &widget.Label{Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: true}}
	c.days = container.NewGridWithColumns(len(weekdayNames))
	c.ExtendBaseWidget(c)
	c.fill()
	return c
}

// current is the day the keys have reached: the one in the field, else today.
func (c *dayCalendar) current() time.Time {
	if c.selected.IsZero() {
		return c.today
	}
	return c.selected
}

// move steps the marked day by days, turning the sheet when it leaves the month.
func (c *dayCalendar) move(days int) {
	c.selected = c.current().AddDate(0, 0, days)
	c.month = civil.Date(c.selected.Year(), c.selected.Month(), 1)
	c.fill()
}

// turn moves the sheet by years and months.
func (c *dayCalendar) turn(years, months int) {
	c.month = c.month.AddDate(years, months, 0)
	c.fill()
}

// fill writes the title and the day buttons of c.month: always six weeks, so the drop-down
// keeps its size from month to month.
func (c *dayCalendar) fill() {
	c.title.SetText(strconv.Itoa(c.month.Year()) + "年" + strconv.Itoa(int(c.month.Month())) + "月")
	cells := make([]fyne.CanvasObject, 0, 7*7)
	for _, n := range weekdayNames {
		cells = append(cells, &widget.Label{Text: n, Alignment: fyne.TextAlignCenter})
	}
	lead := (int(c.month.Weekday()) + 6) % 7 // Monday is column 0
	for range lead {
		cells = append(cells, layout.NewSpacer())
	}
	for d := c.month; d.Month() == c.month.Month(); d = d.AddDate(0, 0, 1) {
		b := &widget.Button{Text: strconv.Itoa(d.Day()), Importance: widget.LowImportance, OnTapped: func() { c.onPick(d) }}
		switch {
		case d.Equal(c.selected):
			b.Importance = widget.HighImportance
		case d.Equal(c.today):
			b.Importance = widget.MediumImportance
		}
		cells = append(cells, b)
	}
	for len(cells) < 7*7 {
		cells = append(cells, layout.NewSpacer())
	}
	c.days.Objects = cells
	c.days.Refresh()
}

// CreateRenderer lays the sheet out: the title row, the days, then 今天 and 关闭.
func (c *dayCalendar) CreateRenderer() fyne.WidgetRenderer {
	nav := func(icon fyne.Resource, years, months int) *widget.Button {
		return &widget.Button{Icon: icon, Importance: widget.LowImportance, OnTapped: func() { c.turn(years, months) }}
	}
	head := container.NewBorder(nil, nil,
		container.NewHBox(nav(theme.MediaFastRewindIcon(), -1, 0), nav(theme.NavigateBackIcon(), 0, -1)),
		container.NewHBox(nav(theme.NavigateNextIcon(), 0, 1), nav(theme.MediaFastForwardIcon(), 1, 0)),
		c.title)
	foot := container.NewHBox(
		&widget.Button{Text: "今天", OnTapped: func() { c.onPick(c.today) }},
		layout.NewSpacer(),
		&widget.Button{Text: "关闭", Importance: widget.LowImportance, OnTapped: c.dismiss})
	return widget.NewSimpleRenderer(container.NewBorder(head, foot, nil, nil, c.days))
}

// dismiss closes the drop-down; Esc calls it through dismissTop wherever the focus is.
func (c *dayCalendar) dismiss() {
	if c.onClose != nil {
		c.onClose()
	}
}
