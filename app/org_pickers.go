package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/civil"
)

// Small pieces the organisation and roster screens share: typed dates, branch choices,
// field error labels and the "is this screen on show" test for window-wide shortcuts.

// parseDay reads a date as offices type it (1985-03-12, 1985.3.12, 1985年3月 …); an empty
// text is the zero date. The error is already a Chinese sentence for the field.
func parseDay(text string) (time.Time, error) {
	r, err := civil.Parse(text)
	return r.Date, err
}

// dayText writes a date the way the screens show it, "" for unknown.
func dayText(t time.Time) string { return civil.Format(t) }

// newDayEntry is an entry for a date with an example of the spelling in its placeholder.
func newDayEntry(t time.Time) *escapeEntry {
	e := newEscapeEntry()
	e.SetPlaceHolder("如 2024-03-01")
	e.SetText(dayText(t))
	return e
}

// newFieldError is the red line under a field that says what is wrong with it; empty, it
// takes no room.
func newFieldError() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// setFieldError shows msg under a field, or hides the line when msg is "".
func setFieldError(l *widget.Label, msg string) {
	if msg == "" {
		l.Hide()
		return
	}
	l.SetText(msg)
	l.Show()
}

// orgChoices lists organisations for a Select as indented names in tree order; keep says
// which ones to offer. The map finds the id again from the chosen text.
func orgChoices(all []data.Org, keep func(data.Org) bool) ([]string, map[string]int64) {
	kids := map[int64][]data.Org{}
	for _, o := range all {
		kids[o.ParentID] = append(kids[o.ParentID], o)
	}
	var names []string
	ids := map[string]int64{}
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		for _, o := range kids[parent] {
			if keep(o) {
				label := strings.Repeat("　", depth) + o.Name
				names = append(names, label)
				ids[label] = o.ID
			}
			walk(o.ID, depth+1)
		}
	}
	walk(0, 0)
	return names, ids
}

// labelFor finds the Select text of an organisation id in a choice map.
func labelFor(ids map[string]int64, id int64) string {
	for k, v := range ids {
		if v == id {
			return k
		}
	}
	return ""
}

// standingBranch is a live branch members can belong to as their home branch.
func standingBranch(o data.Org) bool { return o.Live() && o.IsBranch() && !o.IsTemporary() }

// onScreen tells whether obj is the page the shell shows now; window-wide shortcuts of a
// screen act only then. Without a shell (tests build a screen alone) it is always on show.
func onScreen(wb *Workbench, obj fyne.CanvasObject) bool {
	if wb.Shell == nil {
		return true
	}
	objs := wb.Shell.content.Objects
	return len(objs) == 1 && objs[0] == obj
}

// layoutSpacer pushes the buttons after it to the right of an HBox.
func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

// formDialog shows content with 取消 and an OK button; ok runs on the button and the dialog
// stays open showing the error in red when ok refuses, so nothing typed is lost.
func formDialog(wb *Workbench, title string, content fyne.CanvasObject, okText string, size fyne.Size, ok func() error) *stayDialog {
	f := &stayDialog{msg: newFieldError()}
	okBtn := &widget.Button{Text: okText, Importance: widget.HighImportance, OnTapped: func() {
		err := ok()
		if err == nil {
			f.Hide()
			return
		}
		f.Refuse(err)
	}}
	f.submit = okBtn.OnTapped
	cancel := widget.NewButton("取消", func() { f.Hide() })
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(cancel, okBtn), f.msg)
	f.Dialog = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, buttons, nil, nil, content), wb.Window)
	f.Resize(size)
	f.Show()
	return f
}

// stayDialog is a form dialog that stays open until its action succeeds or it is cancelled.
type stayDialog struct {
	dialog.Dialog
	msg    *widget.Label
	submit func()
}

// Submit presses the OK button, as Enter in one of the form's fields does.
func (f *stayDialog) Submit() { f.submit() }

// Refuse shows err in red under the fields, for actions of the form other than its OK
// button; a store's field errors are listed one a line, anything else in Chinese words.
func (f *stayDialog) Refuse(err error) {
	text := data.Explain(err)
	if v, isInvalid := data.AsInvalid(err); isInvalid {
		var lines []string
		for _, e := range v {
			lines = append(lines, e.Message)
		}
		text = strings.Join(lines, "\n")
	}
	setFieldError(f.msg, text)
}

// dayField reads a date entry for a form, naming the field in the message.
func dayField(label string, e *escapeEntry, required bool) (time.Time, error) {
	d, err := parseDay(e.Text)
	if err != nil {
		return d, fmt.Errorf("%s：%w", label, err)
	}
	if required && d.IsZero() {
		return d, fmt.Errorf("请填写%s", label)
	}
	return d, nil
}

// maxDay is the later of two dates.
func maxDay(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
