package roster

import (
	"context"
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dangjian/app/apptest"
	"dangjian/app/org"
)

// A roster import, and its undo from the wizard's last page, reload the roster and the
// organisation tree (its headcounts, and the branch the import created).
func TestRosterImportAndUndoReloadTheRosterAndTheTree(t *testing.T) {
	wb := apptest.DemoWorkbench(t, time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC), fyne.NewSize(1100, 720))
	members, tree := Open(wb), org.Open(wb)
	rsWait(t, members)
	apptest.Settle(t, "rule check", tree.Settled())
	rosterLoad, treeLoad := members.Settled(), tree.Settled()
	before := apptest.MemberCount(t, wb.Store)

	w := wizardOn(t, wb)
	wizardWait(t, w)
	test.Tap(w.next) // preview
	test.Tap(w.next) // the unknown branch, created by default
	wizardWait(t, w)
	test.Tap(w.next) // 导入
	apptest.WaitFor(t, "the import", func() bool { return w.page == pageDone })
	if members.Settled() == rosterLoad {
		t.Fatal("the import did not reload the roster")
	}
	if tree.Settled() == treeLoad {
		t.Fatal("the import did not reload the organisation tree")
	}
	rsWait(t, members)
	if want := fmt.Sprintf("共 %d 人", before+2); !apptest.Shows(members.Root(), want) {
		t.Errorf("the roster does not show %q after the import: %q", want, apptest.Texts(members.Root()))
	}
	orgs, _ := wb.Store.Orgs(context.Background())
	created := false
	for _, o := range orgs {
		created = created || o.Name == "量子材料联合党支部"
	}
	if !created {
		t.Fatal("the import did not create the branch")
	}

	// 撤销本次导入 runs as long work, off the main goroutine, and reloads both screens again.
	rosterLoad, treeLoad = members.Settled(), tree.Settled()
	undo := apptest.FindButton(w.root, "撤销本次导入")
	if undo == nil {
		t.Fatalf("the last page offers no undo: %q", apptest.Texts(w.root))
	}
	test.Tap(undo)
	apptest.Tap(t, wb.Window, "确定")
	apptest.WaitFor(t, "the undo", func() bool { return w.title.Text == "已撤销本次导入" })
	if got := apptest.MemberCount(t, wb.Store); got != before {
		t.Fatalf("%d members after the undo, want %d", got, before)
	}
	if members.Settled() == rosterLoad || tree.Settled() == treeLoad {
		t.Fatal("the undo did not reload the roster and the tree")
	}
	rsWait(t, members)
	if want := fmt.Sprintf("共 %d 人", before); !apptest.Shows(members.Root(), want) {
		t.Errorf("the roster does not show %q after the undo", want)
	}
}
