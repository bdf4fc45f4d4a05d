package safety

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"dangjian/app/ui"
)

// New builds the 备份与日志 screen: backups and restore, the 操作日志, and the import
// history with undo — the places a staff member goes when something went wrong.
func New(wb *ui.Workbench) fyne.CanvasObject { return Open(wb).root }

// Screen is the 备份与日志 page and its backup list.
type Screen struct {
	root    fyne.CanvasObject
	backups *backupTab
	audit   *auditTab
}

// Root is the screen's page.
func (s *Screen) Root() fyne.CanvasObject { return s.root }

// Settled is closed when the backup list started last has landed.
func (s *Screen) Settled() <-chan struct{} { return s.backups.loads.Settled() }

// Open builds the screen and keeps its parts reachable.
func Open(wb *ui.Workbench) *Screen {
	b := newBackupTab(wb)
	l := newAuditTab(wb)
	h := newBatchTab(wb)
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon("备份与恢复", theme.StorageIcon(), b.content),
		container.NewTabItemWithIcon("操作日志", theme.DocumentIcon(), l.content),
		container.NewTabItemWithIcon("导入历史", theme.HistoryIcon(), h.content),
	)
	// Every change that matters is in the audit log, and imports and restores add batches and
	// backups, so this screen hears every kind, and the exports and backups (ui.Audit) too.
	wb.OnChange(ui.Records|ui.Audit, func() {
		b.reload()
		l.reload()
		h.reload()
	})
	return &Screen{root: tabs, backups: b, audit: l}
}
