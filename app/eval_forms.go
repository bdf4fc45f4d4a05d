package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The 模范机关 screen's forms are stayDialogs (formDialog): a form the store refuses stays
// open with the reason in red under its fields, so nothing typed has to be typed again.

// evalForm shows the form items in a formDialog; ok returns the store's refusal, if any.
func evalForm(wb *Workbench, title, okText string, items []*widget.FormItem, size fyne.Size, ok func() error) *stayDialog {
	return formDialog(wb, title, widget.NewForm(items...), okText, size, ok)
}

// submitOnEnter makes Enter in any of the form's text fields press its confirm button, as a
// person typing a reason or a count expects; the form's own checks still run in its callback.
func submitOnEnter(d interface{ Submit() }, fields ...*escapeEntry) {
	for _, f := range fields {
		f.onEnter = d.Submit
	}
}
