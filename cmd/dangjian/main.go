// Command dangjian is the desktop app 党建融合工作台; main only wires the parts together.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"dangjian/app"
	"dangjian/data"
	"dangjian/data/demo"
)

func main() {
	def, err := data.DefaultPath()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	dbPath := flag.String("db", def, "数据库文件（默认在用户配置目录 dangjian/dangjian.db）")
	loadDemo := flag.Bool("demo", false, "数据库为空时直接载入演示研究院（make run 使用）")
	flag.Parse()

	a := fyneapp.NewWithID("cn.dangjian.workbench")
	a.Settings().SetTheme(app.NewTheme())
	a.SetIcon(app.AppIcon())

	// One writer: a second instance on the same database is refused. The OS drops the lock when
	// the process dies, so a crash never leaves the database locked.
	release, err := data.AcquireLock(*dbPath)
	if err != nil {
		app.ShowOpenFailure(a, *dbPath, err, nil)
		a.Run()
		os.Exit(1)
	}
	defer release()

	var wb *app.Workbench
	var start func()
	start = func() {
		store, err := data.Open(*dbPath)
		if err != nil {
			// The file is never touched when it cannot be opened; the window offers the newest
			// good backup, and start runs again after a restore.
			app.ShowOpenFailure(a, *dbPath, err, start)
			return
		}
		wb = openWorkbench(a, store, *loadDemo)
	}
	start()
	a.Run()
	if wb != nil {
		wb.Store.Close() // wb.Store, not the first store: a restore swaps it
	}
}

// openWorkbench shows the main window over an open store: the daily backup, the demo on an
// empty database, then the screens.
func openWorkbench(a fyne.App, store *data.Store, loadDemo bool) *app.Workbench {
	w := a.NewWindow("党建融合工作台")
	w.SetIcon(app.AppIcon())
	w.Resize(fyne.NewSize(1280, 800))
	w.CenterOnScreen()
	wb := app.NewWorkbench(w, store)
	if _, err := store.DailyBackup(); err != nil {
		wb.Notify("今日自动备份未完成：%v", err)
	}
	if empty, _ := demo.IsEmpty(store); empty {
		load := func() {
			wb.RunLong("载入演示数据", func(ctx context.Context, _ app.Progress) error { return demo.Load(ctx, wb.Store) },
				func(err error) {
					if err != nil {
						wb.ShowError("载入演示数据失败", err)
						return
					}
					wb.Changed()
					wb.Notify("已载入演示研究院")
				})
		}
		if loadDemo {
			load()
		} else {
			wb.Confirm("空数据库", "这个数据库还没有任何党组织和人员。\n要载入一个演示研究院来熟悉功能吗？\n（也可以取消，然后从花名册导入自己的 Excel 表）", load)
		}
	}
	w.SetMaster()
	w.Show()
	return wb
}
