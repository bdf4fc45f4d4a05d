package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// newSafetyScreen builds the 备份与日志 screen; it arrives with its feature.
func newSafetyScreen(wb *Workbench) fyne.CanvasObject {
	return widget.NewLabelWithStyle("备份与日志 · 即将推出", fyne.TextAlignCenter, fyne.TextStyle{})
}
