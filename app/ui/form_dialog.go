package ui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// FormDialog is the one form dialog of the app: content with 取消 and an OK button. ok runs on
// the button (and on Submit, for Enter in a field); when it returns an error the dialog stays
// open with the error in red under the fields, so nothing typed is lost. Return several
// problems at once with errors.Join: each shows on its own line.
func FormDialog(wb *Workbench, title string, content fyne.CanvasObject, okText string, size fyne.Size, ok func() error) *StayDialog {
	f := &StayDialog{Msg: NewFieldError()}
	f.OK = &widget.Button{Text: okText, Importance: widget.HighImportance, OnTapped: func() {
		err := ok()
		if err == nil {
			f.Hide()
			if then := f.then; then != nil {
				f.then = nil
				then()
			}
			return
		}
		f.Refuse(err)
	}}
	cancel := widget.NewButton("取消", func() { f.Hide() })
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(cancel, f.OK), f.Msg)
	f.Body = container.NewBorder(nil, buttons, nil, nil, content)
	f.Dialog = dialog.NewCustomWithoutButtons(title, f.Body, wb.Window)
	f.Resize(size)
	f.Show()
	return f
}

// StayDialog is a form dialog that stays open until its action succeeds or it is cancelled.
type StayDialog struct {
	dialog.Dialog
	// OK is the confirm button; a form that checks as the user types disables it.
	OK *widget.Button
	// Msg is the red line beside the buttons: the refusal, or what is left to correct.
	Msg *WrapLabel
	// Body is what the dialog shows: the content above the message line and the buttons.
	Body fyne.CanvasObject
	// then runs once after the dialog closed on success (AfterClose).
	then func()
}

// AfterClose runs then once the dialog has closed on success: a dialog shown while the form is
// still open would close with it (closing an overlay closes those above it).
func (f *StayDialog) AfterClose(then func()) { f.then = then }

// Submit presses the OK button, as Enter in one of the form's fields does.
func (f *StayDialog) Submit() {
	if !f.OK.Disabled() {
		f.OK.OnTapped()
	}
}

// Refuse shows err in red under the fields, for actions of the form other than its OK button.
func (f *StayDialog) Refuse(err error) { SetFieldError(f.Msg, MessageText(err)) }

// Recheck shows what is still wrong after the person changed a field: err as Refuse does, or
// nothing once it is nil.
func (f *StayDialog) Recheck(err error) {
	if err == nil {
		SetFieldError(f.Msg, "")
		return
	}
	f.Refuse(err)
}

// MessageText is err as the user reads it: one sentence, or one problem a line with a bullet
// when there are several. The error dialog and every form use it.
func MessageText(err error) string {
	msgs := FieldMessages(err)
	if len(msgs) == 1 {
		return msgs[0]
	}
	return "• " + strings.Join(msgs, "\n• ")
}

// FieldMessages is the one translation of an error into the sentences a form shows: each part
// of a joined error, each field of a store refusal (data.Invalid), anything else in Chinese
// words (data.Explain) — never Go's or SQLite's English.
func FieldMessages(err error) []string {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var msgs []string
		for _, e := range j.Unwrap() {
			msgs = append(msgs, FieldMessages(e)...)
		}
		return msgs
	}
	if v, ok := data.AsInvalid(err); ok {
		var msgs []string
		for _, e := range v {
			msgs = append(msgs, e.Message)
		}
		return msgs
	}
	if errors.Is(err, context.Canceled) {
		return []string{"已取消，数据未作任何改动。"}
	}
	return []string{data.Explain(err)}
}
