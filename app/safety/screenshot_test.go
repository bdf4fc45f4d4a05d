package safety

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"dangjian/app/apptest"
	"dangjian/data/demo"
)

func TestScreenshotSafety(t *testing.T) {
	wb, _ := apptest.EmptyWorkbench(t)
	s := wb.Store
	s.Now = func() time.Time { return time.Date(2026, 9, 30, 16, 5, 0, 0, time.Local) }
	if err := demo.Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	logSome(t, s)
	base := time.Date(2026, 11, 26, 8, 41, 7, 0, time.Local)
	for i, why := range []string{"每日", "导入前", "每日", "手动"} {
		s.Now = func() time.Time { return base.Add(time.Duration(i) * 20 * time.Hour) }
		if _, err := s.AutoBackup(why); err != nil {
			t.Fatal(err)
		}
	}
	screen := New(wb)
	// Laid out in a window as the user sees it, so the tables create their cells.
	w := test.NewTempWindow(t, screen)
	w.Resize(fyne.NewSize(1200, 640))
	apptest.WaitFor(t, "backups listed", func() bool { return apptest.HasLabel(screen, "共 4 份备份") })
	apptest.SaveScreenshot(t, "backup", screen, fyne.NewSize(1200, 640), "共 4 份备份", "导入前", "恢复选中的备份…")

	tabs := screen.(*container.AppTabs)
	tabs.SelectIndex(1)
	if !apptest.HasLabel(tabs.Selected().Content, "转接") {
		t.Fatal("audit tab does not show the logged transfer")
	}
	apptest.SaveScreenshot(t, "audit", screen, fyne.NewSize(1200, 640), "撤销导入", "转接", "操作人")
}
