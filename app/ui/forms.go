package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/civil"
)

// Small pieces the organisation and roster screens share: typed dates, branch choices,
// field error labels and the "is this screen on show" test for window-wide shortcuts.

// ParseDay reads a date as offices type it (1985-03-12, 1985.3.12, 1985年3月 …); an empty
// text is the zero date. The error is already a Chinese sentence for the field.
func ParseDay(text string) (time.Time, error) {
	r, err := civil.Parse(text)
	return r.Date, err
}

// DayText writes a date the way the screens show it, "" for unknown.
func DayText(t time.Time) string { return civil.Format(t) }

// DayPlaceHolder is what an empty date field shows: the order of the parts, with no figures —
// a grey example date looked like a date already filled in.
const DayPlaceHolder = "年-月-日"

// NewFieldError is the red line under a field that says what is wrong with it; empty, it
// takes no room. It wraps as Chinese does (WrapLabel).
func NewFieldError() *WrapLabel {
	l := NewWrapLabel("")
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

// SetFieldError shows msg under a field, or hides the line when msg is "".
func SetFieldError(l *WrapLabel, msg string) {
	if msg == "" {
		l.Hide()
		return
	}
	l.SetText(msg)
	l.Show()
}

// OrgChoices lists organisations for a Select as indented names in tree order; keep says
// which ones to offer. The map finds the id again from the chosen text.
func OrgChoices(all []data.Org, keep func(data.Org) bool) ([]string, map[string]int64) {
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

// LabelFor finds the Select text of an organisation id in a choice map.
func LabelFor(ids map[string]int64, id int64) string {
	for k, v := range ids {
		if v == id {
			return k
		}
	}
	return ""
}

// StandingBranch is a live branch members can belong to as their home branch.
func StandingBranch(o data.Org) bool { return o.Live() && o.IsBranch() && !o.IsTemporary() }

// OnScreen tells whether obj is the page the shell shows now; window-wide shortcuts of a
// screen act only then. Without a shell (tests build a screen alone) it is always on show.
func OnScreen(wb *Workbench, obj fyne.CanvasObject) bool {
	if wb.Shell == nil {
		return true
	}
	objs := wb.Shell.content.Objects
	return len(objs) == 1 && objs[0] == obj
}

// LayoutSpacer pushes the buttons after it to the right of an HBox.
func LayoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

// DayField reads a date entry for a form (data/civil reads the spelling), naming the field in
// the message.
func DayField(label string, e *DayEntry, need DayNeed) (time.Time, error) {
	r, err := civil.Parse(e.Text)
	switch {
	case err != nil:
		return r.Date, fmt.Errorf("%s：%w", label, err)
	case need != DayOptional && r.Date.IsZero():
		return r.Date, fmt.Errorf("请填写%s", label)
	case need == DayExact && r.MonthOnly:
		return r.Date, fmt.Errorf("%s请写成 2026-01-05 这样的完整日期", label)
	}
	return r.Date, nil
}

// DayNeed says what a date field must hold.
type DayNeed int

const (
	// DayOptional may be empty (unknown); a month alone (1985年3月) counts as its first day.
	DayOptional DayNeed = iota
	// DayRequired must be filled in.
	DayRequired
	// DayExact must be a whole day: an absence or a post change starts on a day, not in a month.
	DayExact
)

// MaxDay is the later of two dates.
func MaxDay(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// SubmitOnEnter makes Enter in any of the form's text fields press its confirm button, as a
// person typing a reason or a count expects; the form's own checks still run in its callback.
func SubmitOnEnter(d interface{ Submit() }, fields ...*EscapeEntry) {
	for _, f := range fields {
		f.OnEnter = d.Submit
	}
}

// Colored is a message in the colour of its importance, wrapped as Chinese is (WrapLabel).
func Colored(text string, imp widget.Importance) *WrapLabel {
	l := NewWrapLabel(text)
	l.Importance = imp
	return l
}
