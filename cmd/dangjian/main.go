// Command dangjian is the desktop app 党建融合工作台; main only wires the parts together.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"

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
	w := a.NewWindow("党建融合工作台")
	w.SetIcon(app.AppIcon())
	w.Resize(fyne.NewSize(1280, 800))
	w.CenterOnScreen()

	store, err := data.Open(*dbPath)
	if err != nil {
		// The file is never touched when it cannot be opened; say why and which file.
		w.Resize(fyne.NewSize(640, 300))
		dialog.ShowError(fmt.Errorf("无法打开数据库：%v", err), w)
		w.SetOnClosed(func() { a.Quit() })
		w.ShowAndRun()
		os.Exit(1)
	}
	defer store.Close()

	wb := app.NewWorkbench(w, store)
	if empty, _ := demo.IsEmpty(store); empty {
		load := func() {
			wb.RunLong("载入演示数据", func(ctx context.Context, _ app.Progress) error { return demo.Load(ctx, store) },
				func(err error) {
					if err != nil {
						wb.ShowError("载入演示数据失败", err)
						return
					}
					wb.Changed()
					wb.Notify("已载入演示研究院")
				})
		}
		if *loadDemo {
			load()
		} else {
			wb.Confirm("空数据库", "这个数据库还没有任何党组织和人员。\n要载入一个演示研究院来熟悉功能吗？\n（也可以取消，然后从花名册导入自己的 Excel 表）", load)
		}
	}
	w.ShowAndRun()
}
