package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// NewTruncatingCell is a table's text cell: a label whose text too long for its column ends
// in "…" instead of spilling into the next one. Tables pass it as their create function.
func NewTruncatingCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}
