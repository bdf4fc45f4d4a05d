package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// newEvalScreen builds the 模范机关 screen; it arrives with its feature.
func newEvalScreen(wb *Workbench) fyne.CanvasObject {
	return widget.NewLabelWithStyle("模范机关 · 即将推出", fyne.TextAlignCenter, fyne.TextStyle{})
}
