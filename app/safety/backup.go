package safety

import (
	"context"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
)

// The 备份与恢复 tab: the backups beside the database with their time, reason and member
// count, a backup on demand, and a restore after a confirmation.

// backupRow is one listed backup; Members is read from the file itself, opened read-only.
type backupRow struct {
	data.BackupInfo
	check data.BackupCheck
	err   error
}

type backupTab struct {
	wb       *ui.Workbench
	rows     []backupRow
	selected int
	table    *widget.Table
	info     *ui.WrapLabel
	restore  *widget.Button
	content  fyne.CanvasObject
	loads    ui.Loader // the backups list, read in the background
	demo     *demoBar
}

var backupColumns = []gridColumn{{"时间", 170}, {"原因", 90}, {"党员人数", 90}, {"大小", 90}, {"状态", 80}, {"文件", 360}}

func newBackupTab(wb *ui.Workbench) *backupTab {
	b := &backupTab{wb: wb, selected: -1}
	b.table = newGrid(backupColumns, func() int { return len(b.rows) }, b.cell, b.choose)
	b.info = ui.NewWrapLabel("")
	b.restore = &widget.Button{Text: "恢复选中的备份…", Icon: theme.HistoryIcon(), OnTapped: b.onRestore}
	b.restore.Disable()
	now := &widget.Button{Text: "立即备份", Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: b.onBackupNow}
	note := ui.NewWrapLabel("导入和恢复之前、以及每天第一次启动时都会自动备份；备份文件夹中保留最近 10 份。")
	top := container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(now, b.restore)), note)
	b.demo = newDemoBar(wb)
	b.content = container.NewBorder(container.NewVBox(b.demo.root, top), b.info, nil, nil, b.table)
	b.reload()
	return b
}

func (b *backupTab) cell(r, c int) string {
	row := b.rows[r]
	switch c {
	case 0:
		return row.At.Format("2006-01-02 15:04:05")
	case 1:
		return row.Why
	case 2:
		if row.err != nil {
			return "—"
		}
		return fmt.Sprintf("%d", row.check.Members)
	case 3:
		return sizeText(row.Size)
	case 4:
		if row.err != nil {
			return "损坏"
		}
		return "完好"
	}
	return filepath.Base(row.Path)
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// loadBackups lists and inspects the backups; it reads files, so it runs off the main goroutine.
func loadBackups(s *data.Store) ([]backupRow, error) {
	list, err := s.Backups()
	if err != nil {
		return nil, err
	}
	rows := make([]backupRow, len(list))
	for i, bi := range list {
		rows[i].BackupInfo = bi
		rows[i].check, rows[i].err = data.InspectBackup(bi.Path)
	}
	return rows, nil
}

// reload reads the backups folder again, in the background; a later reload supersedes one
// still running.
func (b *backupTab) reload() {
	s := b.wb.Store
	ui.Load(&b.loads, func() ([]backupRow, error) { return loadBackups(s) }, b.show)
}

func (b *backupTab) show(rows []backupRow, err error) {
	b.rows, b.selected = rows, -1
	relisted(b.table, b.restore)
	dir := b.wb.Store.BackupDir()
	b.info.SetText(listSummary(err, len(rows), "无法读取备份文件夹：",
		"还没有备份。点“立即备份”做第一份。备份文件夹："+dir, fmt.Sprintf("共 %d 份备份，在 %s", len(rows), dir)))
}

func (b *backupTab) choose(r int) {
	if r >= len(b.rows) {
		return
	}
	b.selected = r
	if b.rows[r].err != nil {
		b.restore.Disable()
		b.info.SetText("这份备份已损坏，不能用来恢复：" + ui.MessageText(b.rows[r].err))
		return
	}
	b.restore.Enable()
}

func (b *backupTab) onBackupNow() {
	ui.RunLongFor(b.wb, "正在备份", "备份失败", func(_ context.Context, p ui.Progress) (string, error) {
		p(0, 0, "正在写入备份……")
		return b.wb.Store.AutoBackup("手动")
	}, func(path string) {
		b.wb.Notify("已备份到 %s", path)
		b.reload()
	}, ui.Audit)
}

func (b *backupTab) onRestore() {
	if b.selected < 0 || b.selected >= len(b.rows) {
		return
	}
	row := b.rows[b.selected]
	msg := fmt.Sprintf("将用 %s 的备份（%s，%d 名党员）替换当前的全部数据。\n\n当前数据会先备份为“恢复前”，如有需要可以再恢复回来。\n确定恢复吗？",
		row.At.Format("2006-01-02 15:04"), row.Why, row.check.Members)
	b.wb.Confirm("恢复备份", msg, func() { RestoreBackup(b.wb, row.Path, nil) })
}
