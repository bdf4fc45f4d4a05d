// Command dangjian is the desktop app 党建融合工作台; main only wires the parts together.
package main

import (
	"flag"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app"
)

func main() {
	dbPath := flag.String("db", "", "数据库文件（默认在用户配置目录 dangjian/dangjian.db）")
	flag.Parse()
	_ = dbPath // the store opens here: data.Open(*dbPath), and is handed to the screens below

	a := fyneapp.NewWithID("cn.dangjian.workbench")
	a.Settings().SetTheme(app.NewTheme())
	a.SetIcon(app.AppIcon())

	w := a.NewWindow("党建融合工作台")
	w.SetIcon(app.AppIcon())
	shell := app.NewShell(w, []app.Screen{
		placeholder("组织机构", theme.HomeIcon()),
		placeholder("党员花名册", theme.AccountIcon()),
		placeholder("AB岗", theme.MailForwardIcon()),
		placeholder("模范机关", theme.ConfirmIcon()),
	})
	shell.SetStatus("就绪")
	w.Resize(fyne.NewSize(1280, 800))
	w.CenterOnScreen()
	w.ShowAndRun()
}

// placeholder stands in for a screen that is not built yet.
func placeholder(title string, icon fyne.Resource) app.Screen {
	return app.Screen{
		Title: title,
		Icon:  icon,
		Build: func() fyne.CanvasObject {
			return widget.NewLabelWithStyle(title+" · 即将推出", fyne.TextAlignCenter, fyne.TextStyle{})
		},
	}
}
