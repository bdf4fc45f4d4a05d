package safety

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/data"
	"dangjian/data/demo"
)

// A backup taken on the screen is in the 操作日志 at once — no 查询 to press — and selecting
// its row shows its whole text: the file and that it holds full ID numbers and phones.
func TestAuditLogRefreshesOnChangeAndShowsARowWhole(t *testing.T) {
	wb, w := apptest.EmptyWorkbench(t)
	if err := demo.Load(context.Background(), wb.Store); err != nil {
		t.Fatal(err)
	}
	scr := Open(wb)
	w.SetContent(scr.root)
	apptest.Settle(t, "backup list", scr.backups.loads.Settled())
	l := scr.audit
	apptest.Tap(t, w, "立即备份")
	apptest.WaitFor(t, "the backup in the 操作日志", func() bool {
		return len(l.entries) > 0 && l.entries[0].Action == data.ActionBackup
	})
	e := l.entries[0]
	l.table.Select(widget.TableCellID{Row: 0, Col: 0})
	for _, want := range []string{e.Subject, e.Detail, "含完整身份证号", "含完整电话"} {
		if !strings.Contains(l.full.Text, want) {
			t.Errorf("the selected row reads %q, without %q", l.full.Text, want)
		}
	}
}
