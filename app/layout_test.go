package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"dangjian/app/ab"
	"dangjian/app/apptest"
	"dangjian/app/eval"
	"dangjian/app/org"
	"dangjian/app/roster"
	"dangjian/app/safety"
	"dangjian/app/ui"
)

// Every screen, on every tab, keeps all its buttons inside the window at the sizes the office
// PCs have: 1366×768 and the 1024×700 the window may be made. The roster's header row is
// made of buttons too, so a column cut at the right edge (联系电话 was) fails here as well.
func TestEveryScreenFitsTheWindow(t *testing.T) {
	for _, size := range []fyne.Size{fyne.NewSize(1366, 768), fyne.NewSize(1024, 700)} {
		wb := settledWorkbench(t, size)
		w := wb.Window
		for i := range 5 {
			wb.Shell.Show(i)
			page := wb.Shell.Page()
			tabs := apptest.FindAll[*container.AppTabs](page)
			check := func(where string) {
				w.Canvas().Content().Refresh()
				// A real window is never laid out narrower than its content's minimum: what is
				// wider than the window is cut at its edge, whatever the test canvas draws.
				if m := w.Canvas().Content().MinSize(); m.Width > size.Width || m.Height > size.Height {
					t.Errorf("%v×%v %s: the window needs at least %.0f×%.0f", size.Width, size.Height, where, m.Width, m.Height)
				}
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
		wb := settledWorkbench(t, size)
		for i, name := range names {
			wb.Shell.Show(i)
			apptest.SaveScreenshot(t, fmt.Sprintf("window_%s_%.0fx%.0f", name, size.Width, size.Height), wb.Shell.Content(), size, wb.Shell.Title(i))
		}
	}
}

// settledWorkbench is NewWorkbench over the demo, each screen laid out only once its first
// background load has landed: the test driver runs fyne.Do on the loading goroutine, beside
// the test's own, and a table redrawn there while the test lays it out crashes the run.
func settledWorkbench(t *testing.T, size fyne.Size) *ui.Workbench {
	t.Helper()
	wb0 := apptest.Demo(t, size)
	wb := &ui.Workbench{Store: wb0.Store, Window: wb0.Window}
	wb.Shell = ui.NewShell(wb.Window, []ui.Screen{
		{Title: "组织机构", Icon: theme.HomeIcon(), Build: func() fyne.CanvasObject {
			o := org.Open(wb)
			apptest.Settle(t, "rule check", o.Settled())
			return o.Root()
		}},
		{Title: "党员花名册", Icon: theme.AccountIcon(), Build: func() fyne.CanvasObject {
			r := roster.Open(wb)
			apptest.Settle(t, "roster", r.Settled())
			return r.Root()
		}},
		{Title: "AB岗", Icon: theme.MailForwardIcon(), Build: func() fyne.CanvasObject { return ab.New(wb) }, Badge: func() string { return ab.Badge(wb) }},
		{Title: "模范机关", Icon: theme.ConfirmIcon(), Build: func() fyne.CanvasObject { return eval.New(wb) }},
		{Title: "备份与日志", Icon: theme.HistoryIcon(), Build: func() fyne.CanvasObject {
			sp := safety.Open(wb)
			apptest.Settle(t, "backups", sp.Settled())
			return sp.Root()
		}},
	})
	wb.Shell.SetIdleStatus("数据库：" + wb.Store.Path())
	return wb
}
