package safety

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
)

// An import some of whose rows were edited since cannot be undone as a whole without losing
// the edits. Instead of a dead end the office is offered the two ways on: undo every other
// row and keep the edited ones (named), or restore the backup taken before the import.

// offerWaysOn shows the edited rows and the two ways on; cancelling changes nothing.
func (h *batchTab) offerWaysOn(b data.Batch, reason string, edited []string) {
	names := strings.Join(edited, "、")
	msg := ui.NewWrapLabel(fmt.Sprintf("导入后以下记录又被修改过：%s。整批撤销会丢掉这些修改。\n\n"+
		"可以撤销这次导入的其余记录、保留这些修改过的记录；也可以恢复这次导入前的备份（导入之后的全部修改都会撤回）。", names))
	var d dialog.Dialog
	keep := &widget.Button{Text: "撤销其余，保留这些记录", Importance: widget.HighImportance, OnTapped: func() {
		d.Hide()
		h.undoKeepingEdited(b, reason)
	}}
	restore := &widget.Button{Text: "恢复导入前的备份…"}
	if backup, err := h.wb.Store.BackupBeforeImport(context.Background(), b.ID); err == nil {
		restore.OnTapped = func() {
			d.Hide()
			h.wb.Confirm("恢复导入前的备份", fmt.Sprintf("将用 %s 的“%s”备份替换当前的全部数据，这次导入以及之后的所有修改都会撤回。\n\n当前数据会先备份为“恢复前”。确定恢复吗？",
				backup.At.Format("2006-01-02 15:04"), backup.Why), func() { RestoreBackup(h.wb, backup.Path, nil) })
		}
	} else {
		restore.Disable()
		restore.Text = "没有找到这次导入前的备份"
	}
	cancel := widget.NewButton("取消", func() { d.Hide() })
	body := container.NewBorder(nil, container.NewHBox(cancel, restore, keep), nil, nil, msg)
	d = dialog.NewCustomWithoutButtons("撤销导入 · 有记录在导入后修改过", body, h.wb.Window)
	d.Resize(fyne.NewSize(620, 280))
	d.Show()
}

// undoKeepingEdited undoes the batch but the edited rows, as long work, and says what it kept.
func (h *batchTab) undoKeepingEdited(b data.Batch, reason string) {
	s := h.wb.Store
	ui.RunLongFor(h.wb, "正在撤销导入", "未能撤销", func(ctx context.Context, p ui.Progress) ([]string, error) {
		p(0, 0, "正在还原导入前的记录……")
		return s.UndoBatchKeepingEdited(ctx, b.ID, reason, p)
	}, func(kept []string) {
		h.wb.Changed(ui.Records)
		h.wb.Notify("已撤销 %s 的%s，保留了导入后修改过的：%s", b.At.Local().Format("01-02 15:04"), b.Kind, strings.Join(kept, "、"))
	})
}
