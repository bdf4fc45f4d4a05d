package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"dangjian/app/ab"
	"dangjian/app/eval"
	"dangjian/app/org"
	"dangjian/app/roster"
	"dangjian/app/safety"
	"dangjian/app/ui"
	"dangjian/data"
)

// Workbench is what every screen gets (ui.Workbench); main keeps it to close the store at exit.
type Workbench = ui.Workbench

// Progress reports long work (ui.Progress).
type Progress = ui.Progress

// NewTheme returns the app's theme: always light, Noto Sans SC, party red as primary.
func NewTheme() fyne.Theme { return ui.NewTheme() }

// AppIcon returns the application icon.
func AppIcon() fyne.Resource { return ui.AppIcon() }

// ShowOpenFailure tells why the database could not be opened and offers the newest good backup;
// retry runs after a restore (see safety.ShowOpenFailure).
func ShowOpenFailure(a fyne.App, dbPath string, err error, retry func()) fyne.Window {
	return safety.ShowOpenFailure(a, dbPath, err, retry)
}

// NewWorkbench builds the main window's screens over an open store.
func NewWorkbench(w fyne.Window, s *data.Store) *ui.Workbench {
	wb := &ui.Workbench{Store: s, Window: w}
	wb.Shell = ui.NewShell(w, []ui.Screen{
		{Title: "组织机构", Icon: theme.HomeIcon(), Build: func() fyne.CanvasObject { return org.New(wb) }},
		{Title: "党员花名册", Icon: theme.AccountIcon(), Build: func() fyne.CanvasObject { return roster.New(wb) }},
		{
			Title: "AB岗", Icon: theme.MailForwardIcon(), Build: func() fyne.CanvasObject { return ab.New(wb) }, Badge: func() string { return ab.Badge(wb) },
			BadgeTip: func(n string) string {
				return "未来一周有" + n + "个空岗日：A岗、B岗都不在，请点开“AB岗”查看"
			},
		},
		{Title: "模范机关", Icon: theme.ConfirmIcon(), Build: func() fyne.CanvasObject { return eval.New(wb) }},
		{Title: "备份与日志", Icon: theme.HistoryIcon(), Build: func() fyne.CanvasObject { return safety.New(wb) }},
	})
	wb.Shell.SetIdleStatus("数据库：" + s.Path())
	roster.EnableDrop(wb)
	ui.InstallEscape(w)
	return wb
}
