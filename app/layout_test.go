package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"dangjian/app/apptest"
)

// Every screen, on every tab, keeps all its buttons inside the window at the sizes the office
// PCs have: 1366×768 and the 1024×700 the window may be made. The roster's header row is
// made of buttons too, so a column cut at the right edge (联系电话 was) fails here as well.
func TestEveryScreenFitsTheWindow(t *testing.T) {
	for _, size := range []fyne.Size{fyne.NewSize(1366, 768), fyne.NewSize(1024, 700)} {
		wb0 := apptest.Demo(t, size)
		w := wb0.Window
		wb := NewWorkbench(w, wb0.Store)
		for i := range 5 {
			wb.Shell.Show(i)
			page := wb.Shell.Page()
			tabs := apptest.FindAll[*container.AppTabs](page)
			check := func(where string) {
				w.Canvas().Content().Refresh()
				for _, cut := range apptest.OffCanvas(w.Canvas().Content(), w.Canvas().Size()) {
					t.Errorf("%v×%v %s: %s is cut", size.Width, size.Height, where, cut)
				}
			}
			if len(tabs) == 0 {
				check(wb.Shell.Title(i))
				continue
			}
			for j, item := range tabs[0].Items {
				tabs[0].SelectIndex(j)
				check(wb.Shell.Title(i) + " · " + item.Text)
			}
		}
		wb.Shell.Show(1)
		if apptest.FindButton(w.Canvas().Content(), "联系电话") == nil {
			t.Errorf("%v×%v: the roster shows no 联系电话 column", size.Width, size.Height)
		}
	}
}

// The whole window, every screen, at both sizes, for docs/screenshots (SCREENSHOTS=1).
func TestScreenshotEveryScreenAtBothSizes(t *testing.T) {
	names := []string{"org", "roster", "ab", "eval", "safety"}
	for _, size := range []fyne.Size{fyne.NewSize(1366, 768), fyne.NewSize(1024, 700)} {
		wb0 := apptest.Demo(t, size)
		wb := NewWorkbench(wb0.Window, wb0.Store)
		for i, name := range names {
			wb.Shell.Show(i)
			apptest.SaveScreenshot(t, fmt.Sprintf("window_%s_%.0fx%.0f", name, size.Width, size.Height), wb.Shell.Content(), size, wb.Shell.Title(i))
		}
	}
}
