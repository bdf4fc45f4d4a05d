package ui_test

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
)

// While an import is still counting rows (no total yet) its dialog shows a running bar, not
// 0 %; once the total is known the bar shows the share done.
func TestLongWorkShowsNoFigureUntilTheTotalIsKnown(t *testing.T) {
	apptest.NewTestApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("花名册"))
	w.Resize(fyne.NewSize(800, 600))
	wb := &ui.Workbench{Window: w}
	counting, total, release := make(chan struct{}), make(chan struct{}), make(chan struct{})
	wb.RunLong("导入花名册", func(_ context.Context, p ui.Progress) error {
		p(6000, 0, "已读取 6000 行")
		close(counting)
		<-total
		p(100, 100, "正在写入")
		<-release
		return nil
	}, nil)
	<-counting
	apptest.WaitFor(t, "the progress dialog", func() bool { return w.Canvas().Overlays().Top() != nil })
	top := w.Canvas().Overlays().Top()
	if n := len(apptest.FindAll[*widget.ProgressBar](top)); n != 0 {
		t.Fatalf("a figure bar shows while the total is unknown (%d)", n)
	}
	if len(apptest.FindAll[*widget.ProgressBarInfinite](top)) != 1 || !apptest.Shows(top, "已读取 6000 行") {
		t.Fatalf("no running bar beside the count: %v", apptest.Texts(top))
	}
	close(total)
	apptest.WaitFor(t, "the total", func() bool { return len(apptest.FindAll[*widget.ProgressBar](top)) == 1 })
	if bars := apptest.FindAll[*widget.ProgressBar](top); bars[0].Value != 1 || len(apptest.FindAll[*widget.ProgressBarInfinite](top)) != 0 {
		t.Fatalf("with the total known the bar shows %v", bars[0].Value)
	}
	close(release)
}
