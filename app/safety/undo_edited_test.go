package safety

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
)

// An import of 胡斌 and 李雷; 胡斌's phone is corrected afterwards. Undo no longer dead-ends:
// the dialog names 胡斌 and offers to undo the rest; tapping it removes 李雷 and keeps 胡斌 as
// corrected. The 导入前 backup is offered as the other way.
func TestUndoAfterAnEditOffersToKeepTheEditedRows(t *testing.T) {
	wb, w := apptest.EmptyWorkbench(t)
	s := wb.Store
	ctx := context.Background()
	if _, err := s.AutoBackup("导入前"); err != nil {
		t.Fatal(err)
	}
	apptest.ImportNames(t, s, "名册.xlsx", "胡斌", "李雷")
	ids := map[string]int64{}
	all, _ := s.Persons(ctx)
	for _, p := range all {
		ids[p.Name] = p.ID
	}
	persons, _ := s.Persons(ctx)
	for _, p := range persons {
		if p.ID == ids["胡斌"] {
			p.Phone = "13912341234"
			if err := s.SavePerson(ctx, &p); err != nil {
				t.Fatal(err)
			}
		}
	}
	h := newBatchTab(wb)
	w.SetContent(h.content)
	wb.OnChange(ui.Records, func() { h.reload() })
	h.table.Select(widget.TableCellID{Row: 0})
	apptest.Tap(t, w, "撤销这次导入…")
	apptest.Tap(t, w, "撤销")
	top := w.Canvas().Overlays().Top()
	if top == nil || !apptest.Shows(top, "胡斌") {
		t.Fatal("no dialog naming 胡斌, edited since the import")
	}
	if b := apptest.Button(w, "恢复导入前的备份…"); b == nil || b.Disabled() {
		t.Error("the 导入前 backup is not offered")
	}
	apptest.Tap(t, w, "撤销其余，保留这些记录")
	apptest.WaitFor(t, "the undo", func() bool { return strings.Contains(h.cell(0, 5), "撤销") })
	got, _ := s.Persons(ctx)
	if len(got) != 1 || got[0].Name != "胡斌" || got[0].Phone != "13912341234" {
		t.Fatalf("persons after undoing the rest: %+v; want 胡斌 alone, as corrected", got)
	}
}
