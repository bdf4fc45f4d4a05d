package eval

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
)

// The 模范机关 screen's forms are ui.FormDialogs: a form the store refuses stays
// open with the reason in red under its fields, so nothing typed has to be typed again.

// evalForm shows the form items in a ui.FormDialog; ok returns the store's refusal, if any.
func evalForm(wb *ui.Workbench, title, okText string, items []*widget.FormItem, size fyne.Size, ok func() error) *ui.StayDialog {
	return ui.FormDialog(wb, title, widget.NewForm(items...), okText, size, ok)
}
