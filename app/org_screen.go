package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// newOrgScreen builds the 组织机构 screen; it arrives with its feature.
func newOrgScreen(wb *Workbench) fyne.CanvasObject {
	return widget.NewLabelWithStyle("组织机构 · 即将推出", fyne.TextAlignCenter, fyne.TextStyle{})
}
