package roster

import (
	"testing"

	"fyne.io/fyne/v2"
)

// A real window is never smaller than its content's minimum: when the content needs more, Fyne
// widens the window, and it does not narrow it again when the need passes. The roster drew its
// first page with "共 200 人（正在载入全部…）", some 126 px wider than "共 386 人", so a window
// at 1024×700 grew to 1070 the moment the roster opened and stayed so, 党籍状态 and the count cut
// at the screen's edge — while the test driver, which lays out at the size it is given, showed
// it whole. Drawn while the whole roster is still loading, the screen needs no more room than
// once it has loaded.
func TestRosterNeedsNoMoreRoomWhileLoading(t *testing.T) {
	_, r := rsDemo(t, fyne.NewSize(1024, 700))
	loaded := r.root.MinSize()
	r.full = false // as Open draws the first page, before the whole roster is in
	r.apply()
	if loading := r.root.MinSize(); loading.Width > loaded.Width {
		t.Errorf("while loading the roster needs %.0f px, %.0f more than once loaded (the count reads %q)",
			loading.Width, loading.Width-loaded.Width, r.count.Text)
	}
}
