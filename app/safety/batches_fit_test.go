package safety

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
)

// In a 1024×700 window, beside the rail of the five screens, the 导入历史 table shows every
// column, 状态 last — whether an import was already undone is what a person checks before
// pressing 撤销这次导入 — without a sideways scroll, each header and cell drawn whole but a long
// 来源文件 or 结果, which the row shows whole under the table when it is picked.
func TestBatchTabShowsTheStateAt1024(t *testing.T) {
	wb, w := apptest.EmptyWorkbench(t)
	w.Resize(fyne.NewSize(1024, 700))
	undone, _ := importOne(t, wb.Store, "赵敏")
	importOne(t, wb.Store, "钱进")
	if err := wb.Store.UndoBatch(context.Background(), undone, "", nil); err != nil {
		t.Fatal(err)
	}
	var h *batchTab
	onSafetyScreen(wb, w, "导入历史", func() fyne.CanvasObject {
		h = newBatchTab(wb)
		return h.content
	})
	seen := cellsDrawn(t, h.table, func(text string) bool {
		for _, b := range h.batches {
			if text == b.Summary || text == b.Source {
				return true
			}
		}
		return false
	})
	for _, want := range []string{"状态", "有效", h.cell(1, 5)} {
		if !seen[want] {
			t.Errorf("%q is not drawn at 1024×700", want)
		}
	}
	for r, b := range h.batches {
		h.table.Select(widget.TableCellID{Row: r, Col: 4})
		if !strings.Contains(h.info.Text, b.Summary) || !strings.Contains(h.info.Text, b.Source) {
			t.Errorf("row %d picked: under the table %q, want its file %q and result %q", r, h.info.Text, b.Source, b.Summary)
		}
	}
}
