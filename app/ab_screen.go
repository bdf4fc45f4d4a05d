package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// newABScreen builds the AB岗 screen; it arrives with its feature.
func newABScreen(wb *Workbench) fyne.CanvasObject {
	return widget.NewLabelWithStyle("AB岗 · 即将推出", fyne.TextAlignCenter, fyne.TextStyle{})
}

// abBadge is the number of gap days in the coming week, shown on the rail.
func abBadge(wb *Workbench) string { return "" }
