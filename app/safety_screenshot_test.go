package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data/demo"
)

// hasLabel tells whether a label containing text is drawn under o.
func hasLabel(o fyne.CanvasObject, text string) bool {
	found := false
	walkLabels(o, func(l *widget.Label) { found = found || strings.Contains(l.Text, text) })
	return found
}

func TestScreenshotSafety(t *testing.T) {
	wb, _ := safetyBench(t)
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
	screen := newSafetyScreen(wb)
	// Laid out in a window as the user sees it, so the tables create their cells.
	w := test.NewTempWindow(t, screen)
	w.Resize(fyne.NewSize(1200, 640))
	waitFor(t, "backups listed", func() bool { return hasLabel(screen, "共 4 份备份") })
	SaveScreenshot(t, "backup", screen, fyne.NewSize(1200, 640))

	tabs := screen.(*container.AppTabs)
	tabs.SelectIndex(1)
	if !hasLabel(tabs.Selected().Content, "转接") {
		t.Fatal("audit tab does not show the logged transfer")
	}
	SaveScreenshot(t, "audit", screen, fyne.NewSize(1200, 640))
}
