package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ab"
	"dangjian/app/apptest"
	"dangjian/app/eval"
	"dangjian/app/org"
	"dangjian/app/roster"
	"dangjian/app/safety"
	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/abpost"
	"dangjian/data/criteria"
	"dangjian/data/demo"
)

// screenShows reports whether o shows text in a label, a button or the choice of a drop-down.
func screenShows(o fyne.CanvasObject, text string) bool {
	for _, sel := range apptest.FindAll[*widget.Select](o) {
		if sel.Visible() && strings.Contains(sel.Selected, text) {
			return true
		}
	}
	return apptest.Shows(o, text)
}

// A restore closes the store and opens a new one under the app. Every screen, built before the
// restore, must show the restored data afterwards: one that kept the old, closed store would
// show an error or the data as it was before.
func TestEveryScreenShowsTheRestoredData(t *testing.T) {
	apptest.NewTestApp(t)
	wb0, w := apptest.EmptyWorkbench(t)
	s := wb0.Store
	s.Now = func() time.Time { return time.Date(2025, 11, 20, 9, 0, 0, 0, time.Local) }
	if err := demo.Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	w.Resize(fyne.NewSize(1400, 900))
	// The screens of NewWorkbench, kept by hand so the test can wait for their background
	// loads: the test driver runs fyne.Do on the loading goroutine, beside the test's own.
	wb := &ui.Workbench{Store: s, Window: w}
	var orgPage *org.Screen
	var rosterPage *roster.Screen
	var safetyPage *safety.Screen
	settle := func() {
		t.Helper()
		apptest.Settle(t, "rule check", orgPage.Settled())
		apptest.Settle(t, "roster", rosterPage.Settled())
		apptest.Settle(t, "backups", safetyPage.Settled())
	}
	// Each screen is laid out only once its first background load has landed.
	wb.Shell = ui.NewShell(w, []ui.Screen{
		{Title: "组织机构", Build: func() fyne.CanvasObject {
			orgPage = org.Open(wb)
			apptest.Settle(t, "rule check", orgPage.Settled())
			return orgPage.Root()
		}},
		{Title: "党员花名册", Build: func() fyne.CanvasObject {
			rosterPage = roster.Open(wb)
			apptest.Settle(t, "roster", rosterPage.Settled())
			return rosterPage.Root()
		}},
		{Title: "AB岗", Build: func() fyne.CanvasObject { return ab.New(wb) }, Badge: func() string { return ab.Badge(wb) }},
		{Title: "模范机关", Build: func() fyne.CanvasObject { return eval.New(wb) }},
		{Title: "备份与日志", Build: func() fyne.CanvasObject {
			safetyPage = safety.Open(wb)
			apptest.Settle(t, "backups", safetyPage.Settled())
			return safetyPage.Root()
		}},
	})
	t.Cleanup(func() { wb.Store.Close() })
	titles := []string{"组织机构", "党员花名册", "AB岗", "模范机关", "备份与日志"}
	for i := range titles {
		wb.Shell.Show(i) // build every screen before the restore, as a user who looked around
	}
	backup, err := s.AutoBackup("手动")
	if err != nil {
		t.Fatal(err)
	}
	members := apptest.MemberCount(t, s)

	// Change something each screen shows, then restore the backup made before the changes.
	items, _ := abpost.Items(context.Background(), s, abpost.ItemFilter{}, s.Today())
	gone := items[0]
	if err := abpost.DeleteItem(context.Background(), s, gone.ID, ""); err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Members(context.Background(), data.MemberFilter{Limit: 1})
	if err := s.SetStatus(context.Background(), ms[0].PersonID, data.StatusHistory, s.Today(), "测试"); err != nil {
		t.Fatal(err)
	}
	rounds, _ := criteria.Rounds(context.Background(), s)
	if err := criteria.Lock(context.Background(), s, rounds[0].ID, "测试"); err != nil {
		t.Fatal(err)
	}
	wb.Changed()
	settle()
	wb.Shell.Show(2)
	if screenShows(wb.Shell.Page(), gone.Name) {
		t.Fatalf("the deleted item %s is still listed before the restore", gone.Name)
	}

	restored := make(chan error, 1)
	safety.RestoreBackup(wb, backup, func(err error) { restored <- err })
	select {
	case err := <-restored:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("restore did not finish")
	}
	if wb.Store == s {
		t.Fatal("the workbench kept the closed store")
	}
	settle()
	if _, err := s.Members(context.Background(), data.MemberFilter{Limit: 1}); err == nil {
		t.Fatal("the old store still answers; the test would not see a screen that kept it")
	}

	want := map[int]string{
		0: "386 人",        // the tree's member count, before the status change
		1: "共 386 人",      // the roster's count
		2: gone.Name,      // the deleted service item is back
		3: rounds[0].Name, // the round, no longer 已锁定
		4: "恢复前",          // the backup of the state before the restore
	}
	if members != 386 {
		t.Fatalf("demo has %d members, the expectations above assume 386", members)
	}
	for i, title := range titles {
		wb.Shell.Show(i)
		apptest.WaitFor(t, title+" shows the restored data", func() bool {
			return screenShows(wb.Shell.Page(), want[i])
		})
		if top := w.Canvas().Overlays().Top(); top != nil {
			t.Fatalf("%s after the restore shows a dialog: %q", title, strings.Join(apptest.Texts(top), " "))
		}
	}
	wb.Shell.Show(3)
	if screenShows(wb.Shell.Page(), "已锁定") {
		t.Error("模范机关 still shows the round locked after restoring a backup from before the lock")
	}
	if got := wb.Shell.Badge(2); got == "" {
		t.Error("the AB岗 badge lost the demo's gap after the restore")
	}
}
