package ab

import (
	"testing"

	"fyne.io/fyne/v2"

	"dangjian/app/apptest"
	"dangjian/app/org"
	"dangjian/app/roster"
	"dangjian/data/abpost"
	"dangjian/data/civil"
)

// An absence saved on the AB岗 screen reloads that screen only: the roster (100 000 members on
// a large institute) and the organisation tree show nothing of it and start no load.
func TestABEditLeavesTheRosterAndTreeUnreloaded(t *testing.T) {
	wb, a := abOpen(t, fyne.NewSize(1200, 760))
	members, tree := roster.Open(wb), org.Open(wb)
	apptest.Settle(t, "roster", members.Settled())
	apptest.Settle(t, "rule check", tree.Settled())
	rosterLoad, treeLoad := members.Settled(), tree.Settled()

	first := a.cat.all[0]
	showAbsenceForm(wb, abpost.Absence{PersonID: first.BID, From: civil.Date(2026, 12, 1), To: civil.Date(2026, 12, 2), Kind: "出差"})
	apptest.Tap(t, wb.Window, "保存")
	if a.cov.cov.GapDays() != 3 {
		t.Fatalf("the AB岗 screen did not reload: %d gap days, want 3", a.cov.cov.GapDays())
	}
	if members.Settled() != rosterLoad {
		t.Error("saving an absence reloaded the roster")
	}
	if tree.Settled() != treeLoad {
		t.Error("saving an absence reloaded the organisation tree")
	}
}
