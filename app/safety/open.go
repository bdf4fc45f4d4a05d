package safety

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
)

// When the database does not open at start-up the app must not touch it, must say why in
// Chinese, and — when the file is damaged — offer the newest backup that opens cleanly.

// goodBackups lists the backups beside dbPath that pass the read-only check, newest first.
func goodBackups(dbPath string) []backupRow {
	list, _ := data.BackupsBeside(dbPath)
	var good []backupRow
	for _, b := range list {
		c, err := data.InspectBackup(b.Path)
		if err == nil {
			good = append(good, backupRow{BackupInfo: b, check: c})
		}
	}
	return good
}

// ShowOpenFailure shows a window explaining why the database at dbPath did not open (err from
// data.AcquireLock or data.Open). For a damaged file it lists the backups that open cleanly and
// offers 恢复最新的完好备份; after a successful restore the window closes and retry runs (main
// opens the store again there). 退出 quits the app. The caller runs the app (a.Run) afterwards
// if it is not running yet.
func ShowOpenFailure(a fyne.App, dbPath string, err error, retry func()) fyne.Window {
	w := a.NewWindow("党建融合工作台 · 无法打开数据库")
	w.SetIcon(ui.AppIcon())
	title := widget.NewLabelWithStyle("无法打开数据库", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	why := widget.NewLabel(openFailureText(dbPath, err))
	quit := &widget.Button{Text: "退出", Icon: theme.LogoutIcon(), OnTapped: a.Quit}
	w.SetCloseIntercept(a.Quit)

	var good []backupRow
	offer := data.IsDamaged(err) // a full disk, a read-only folder or a lock is not repaired by a backup
	if offer {
		good = goodBackups(dbPath)
	}
	body := container.NewVBox(title, why)
	buttons := container.NewHBox(quit)
	if offer && len(good) == 0 {
		body.Add(widget.NewLabel("备份文件夹中没有可用的完好备份。请联系信息中心，并保留这个数据库文件。"))
	}
	if len(good) > 0 {
		var lines []string
		for i, g := range good {
			if i == 5 {
				break
			}
			lines = append(lines, fmt.Sprintf("%s　%s　%d 名党员", g.At.Format("2006-01-02 15:04"), g.Why, g.check.Members))
		}
		body.Add(widget.NewLabel("可以恢复的完好备份（最新的在前）："))
		list := widget.NewRadioGroup(lines, nil)
		list.SetSelected(lines[0])
		list.Required = true
		body.Add(list)
		note := ui.NewWrapLabel("恢复时，损坏的文件会原样保留在旁边（文件名加“.损坏-时间”），不会被删除。")
		body.Add(note)
		var restore *widget.Button
		restore = &widget.Button{Text: "恢复最新的完好备份", Icon: theme.HistoryIcon(), Importance: widget.HighImportance, OnTapped: func() {
			chosen := good[0]
			for i, l := range lines {
				if l == list.Selected {
					chosen = good[i]
				}
			}
			restore.Disable()
			if err := data.Restore(dbPath, chosen.Path); err != nil {
				restore.Enable()
				why.SetText("恢复没有成功：" + ui.MessageText(err))
				return
			}
			// Retry first, so the main window is up before this one closes (closing the
			// app's last window would end it).
			if retry != nil {
				retry()
			}
			w.SetCloseIntercept(nil)
			w.Close()
		}}
		list.OnChanged = func(s string) {
			if s == lines[0] {
				restore.SetText("恢复最新的完好备份")
			} else {
				restore.SetText("恢复选中的备份")
			}
		}
		buttons = container.NewHBox(restore, quit)
	}
	w.SetContent(container.NewPadded(container.NewBorder(nil, container.NewCenter(buttons), nil, nil, body)))
	w.Resize(fyne.NewSize(620, 380))
	w.CenterOnScreen()
	w.Show()
	return w
}

// openFailureText explains the failure and what to do about it.
func openFailureText(dbPath string, err error) string {
	switch {
	case errors.Is(err, data.ErrLocked):
		who := ""
		var le *data.LockedError
		if errors.As(err, &le) && le.Holder != "" {
			who = "（" + le.Holder + "）"
		}
		return fmt.Sprintf("这个数据库已在另一个窗口中打开%s。\n同一个数据库同时只能由一个程序修改：请切换到那个窗口，\n或关闭它后再打开本程序。\n文件：%s", who, dbPath)
	case errors.Is(err, data.ErrNewerDatabase):
		return fmt.Sprintf("数据库是用更新版本的党建融合工作台保存的，这个版本读不了它。\n请安装最新版本后再打开；文件没有被修改。\n文件：%s", dbPath)
	case data.IsDamaged(err):
		// The store's message carries SQLite's own words; the user gets ours.
		return fmt.Sprintf("数据库文件已损坏，无法读取；文件没有被修改。\n文件：%s", dbPath)
	}
	return data.Explain(err)
}
