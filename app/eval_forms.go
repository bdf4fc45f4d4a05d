package app

import (
	"fyne.io/fyne/v2/dialog"
)

// submitOnEnter makes Enter in any of the form's text fields press its confirm button, as a
// person typing a reason or a count expects; the form's own checks still run in its callback.
func submitOnEnter(d *dialog.FormDialog, fields ...*escapeEntry) {
	for _, f := range fields {
		f.onEnter = d.Submit
	}
}
