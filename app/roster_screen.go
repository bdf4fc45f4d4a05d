package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// newRosterScreen builds the 党员花名册 screen; it arrives with its feature.
func newRosterScreen(wb *Workbench) fyne.CanvasObject {
	return widget.NewLabelWithStyle("党员花名册 · 即将推出", fyne.TextAlignCenter, fyne.TextStyle{})
}
