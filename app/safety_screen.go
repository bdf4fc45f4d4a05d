package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// newSafetyScreen builds the 备份与日志 screen: backups and restore, the 操作日志, and the import
// history with undo — the places a staff member goes when something went wrong.
func newSafetyScreen(wb *Workbench) fyne.CanvasObject { return openSafety(wb).root }

type safetyScreen struct {
	root    fyne.CanvasObject
	backups *backupTab
}

func openSafety(wb *Workbench) *safetyScreen {
	b := newBackupTab(wb)
	l := newAuditTab(wb)
	h := newBatchTab(wb)
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon("备份与恢复", theme.StorageIcon(), b.content),
		container.NewTabItemWithIcon("操作日志", theme.DocumentIcon(), l.content),
		container.NewTabItemWithIcon("导入历史", theme.HistoryIcon(), h.content),
	)
	wb.OnChange(func() {
		b.reload()
		l.reload()
		h.reload()
	})
	return &safetyScreen{root: tabs, backups: b}
}
