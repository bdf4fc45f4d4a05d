package roster

import (
	"testing"

	"fyne.io/fyne/v2"

	"dangjian/app/apptest"
	"dangjian/app/ui"
	"dangjian/data"
)

// newMemberForm is the empty 新增党员 form over the demo, in a 1280×800 window.
func newMemberForm(t *testing.T) (*ui.Workbench, *memberForm) {
	t.Helper()
	wb := apptest.Demo(t, fyne.NewSize(1280, 800))
	return wb, showMemberForm(wb, data.Member{}, nil)
}
