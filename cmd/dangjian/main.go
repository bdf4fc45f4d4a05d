// Command dangjian is the desktop app 党建融合工作台; main only wires the parts together.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"dangjian/app"
	"dangjian/app/desktop"
	"dangjian/app/setup"
	"dangjian/data"
	"dangjian/data/demo"
)

func main() {
	// Fyne and GLFW report a window they cannot make (no OpenGL 2.1) only in the standard log,
	// which a GUI .exe throws away: keep its last lines to explain and log the failure.
	watch := &desktop.LogWatch{}
	log.SetOutput(io.MultiWriter(os.Stderr, watch))

	def, err := data.DefaultPath()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	dbPath := flag.String("db", def, "数据库文件（默认在用户配置目录 dangjian/dangjian.db）")
	loadDemo := flag.Bool("demo", false, "数据库为空时直接载入演示研究院（make run 使用）")
	size := flag.String("size", "", "窗口以这个大小打开，如 1024x700（截图用；不记住大小）")
	flag.Parse()
	if *size != "" {
		if _, _, ok := desktop.ParseSize(*size); !ok {
			fmt.Fprintf(os.Stderr, "窗口大小“%s”无法识别，请写成 宽x高，如 1024x700。\n", *size)
			os.Exit(2)
		}
	}

	started := false
	defer func() {
		// GLFW panics on some failures to make a window (no pixel format, not initialised);
		// before the window is up that is a start-up failure the user must be told about.
		if r := recover(); r != nil {
			if started {
				panic(r)
			}
			cannotStart(*dbPath, watch, fmt.Sprint(r))
		}
	}()

	a := fyneapp.NewWithID("cn.dangjian.workbench")
	a.Settings().SetTheme(app.NewTheme())
	a.SetIcon(app.AppIcon())

	// One writer: a second instance on the same database is refused. The OS drops the lock when
	// the process dies, so a crash never leaves the database locked.
	release, err := data.AcquireLock(*dbPath)
	if err != nil {
		app.ShowOpenFailure(a, *dbPath, err, nil)
		mustHaveWindows(a, *dbPath, watch)
		started = true
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
		wb = openWorkbench(a, store, *loadDemo, *size)
	}
	start()
	mustHaveWindows(a, *dbPath, watch)
	started = true
	a.Run()
	if wb != nil {
		wb.Store.Close() // wb.Store, not the first store: a restore swaps it
	}
}

// openWorkbench shows the main window over an open store: the daily backup, the demo on an
// empty database, then the screens.
func openWorkbench(a fyne.App, store *data.Store, loadDemo bool, size string) *app.Workbench {
	w := a.NewWindow("党建融合工作台")
	w.SetIcon(app.AppIcon())
	geo, geoPath := startGeometry(a, size)
	w.Resize(fyne.NewSize(geo.Width, geo.Height))
	w.CenterOnScreen() // placeWindow moves it onto the work area (or where it was) on Windows
	wb := app.NewWorkbench(w, store)
	if _, err := store.DailyBackup(); err != nil {
		wb.Notify("今日自动备份未完成：%v", err)
	}
	if p, err := store.Profile(context.Background()); err == nil && p.RootID == 0 {
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
			setup.ShowFirstStart(wb, load)
		}
	}
	w.SetMaster()
	w.SetCloseIntercept(func() {
		rememberGeometry(w, geo, geoPath)
		w.Close()
	})
	w.Show()
	placeWindow(w, geo)
	return wb
}

// mustHaveWindows stops the start when a window could not be made (Fyne logs it and runs on
// with no window at all, which the user sees as nothing happening).
func mustHaveWindows(a fyne.App, dbPath string, watch *desktop.LogWatch) {
	for _, w := range a.Driver().AllWindows() {
		if !windowMade(w) {
			cannotStart(dbPath, watch, watch.Cause())
		}
	}
}

// cannotStart tells the user that no window could be made — a Windows message box, since a GUI
// .exe has no console — writes why to the log beside the database, and exits.
func cannotStart(dbPath string, watch *desktop.LogWatch, cause string) {
	logPath, err := desktop.WriteStartupLog(filepath.Dir(dbPath), time.Now(), cause, watch.Lines())
	if err != nil {
		logPath = ""
	}
	desktop.ShowMessage(desktop.StartupTitle, desktop.StartupText(runtime.GOOS, cause, logPath))
	os.Exit(1)
}
