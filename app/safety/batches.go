package safety

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
)

// The 导入历史 tab: every import batch, and 撤销 for one of them. Undo puts back exactly what the
// import changed; data refuses it, naming the records, when any of them was edited since.

// The columns add to 840 px, so beside the rail of a 1024-pixel window all six show, 状态 (already
// undone?) included; a long 来源文件 or 结果 is cut, and shown whole under the table when its row
// is picked.
var batchColumns = []gridColumn{{"时间", 160}, {"类型", 90}, {"来源文件", 150}, {"操作人", 70}, {"结果", 210}, {"状态", 160}}

type batchTab struct {
	wb       *ui.Workbench
	batches  []data.Batch
	selected int
	table    *widget.Table
	undo     *widget.Button
	info     *ui.WrapLabel
	content  fyne.CanvasObject
}

func newBatchTab(wb *ui.Workbench) *batchTab {
	h := &batchTab{wb: wb, selected: -1}
	h.table = newGrid(batchColumns, func() int { return len(h.batches) }, h.cell, h.choose)
	h.undo = &widget.Button{Text: "撤销这次导入…", Icon: theme.ContentUndoIcon(), OnTapped: h.onUndo}
	h.undo.Disable()
	h.info = ui.NewWrapLabel("")
	note := ui.NewWrapLabel("撤销会删除这次导入新增的记录、还原它改过的记录；导入后又被修改过的记录不会被覆盖，撤销会被拒绝并说明是哪些。")
	h.content = container.NewBorder(container.NewBorder(nil, nil, nil, container.NewVBox(h.undo), note), h.info, nil, nil, growing(h.table, batchColumns, 4))
	h.reload()
	return h
}

func (h *batchTab) cell(r, c int) string {
	b := h.batches[r]
	switch c {
	case 0:
		return b.At.Local().Format("2006-01-02 15:04:05")
	case 1:
		return b.Kind
	case 2:
		return b.Source
	case 3:
		return b.User
	case 4:
		return b.Summary
	}
	if !b.UndoneAt.IsZero() {
		return "已于 " + b.UndoneAt.Local().Format("01-02 15:04") + " 撤销"
	}
	return "有效"
}

func (h *batchTab) reload() {
	list, err := h.wb.Store.Batches(context.Background())
	h.batches, h.selected = list, -1
	relisted(h.table, h.undo)
	h.info.SetText(listSummary(err, len(list), "无法读取导入历史：", "还没有导入过。", fmt.Sprintf("共 %d 次导入。选中一行后可以撤销。", len(list))))
}

func (h *batchTab) choose(r int) {
	if r >= len(h.batches) {
		return
	}
	h.selected = r
	b := h.batches[r]
	whole := fmt.Sprintf("%s：%s。", b.Source, b.Summary)
	if !b.UndoneAt.IsZero() {
		h.undo.Disable()
		h.info.SetText(whole + "这次导入已经撤销过了。")
		return
	}
	h.undo.Enable()
	h.info.SetText(whole)
}

// onUndo asks for confirmation (with an optional reason for the 操作日志) and undoes the batch.
func (h *batchTab) onUndo() {
	if h.selected < 0 || h.selected >= len(h.batches) {
		return
	}
	b := h.batches[h.selected]
	reason := &widget.Entry{PlaceHolder: "例如：导错了文件（可不填）"}
	msg := ui.NewWrapLabel(fmt.Sprintf("撤销 %s 的%s（%s）？\n%s\n\n这次导入新增的记录会被删除，改过的记录会还原。",
		b.At.Local().Format("2006-01-02 15:04"), b.Kind, b.Source, b.Summary))
	var d *ui.StayDialog
	d = ui.FormDialog(h.wb, "撤销导入", widget.NewForm(&widget.FormItem{Widget: msg}, &widget.FormItem{Text: "原因", Widget: reason}),
		"撤销", fyne.NewSize(520, 300), func() error {
			d.AfterClose(func() { h.undoBatch(b, reason.Text) })
			return nil
		})
}

func (h *batchTab) undoBatch(b data.Batch, reason string) {
	if edited, err := h.wb.Store.EditedSinceImport(context.Background(), b.ID); err == nil && len(edited) > 0 {
		h.offerWaysOn(b, reason, edited)
		return
	}
	// An undone batch may have touched any kind of record (a roster or an AB岗 import).
	h.wb.UndoBatch(b.ID, reason, ui.Records, func(err error) {
		if err == nil {
			h.wb.Notify("已撤销 %s 的%s", b.At.Local().Format("01-02 15:04"), b.Kind)
		}
	})
}
