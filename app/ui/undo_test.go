package ui_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
)

// Undoing an import shows how far it has got in figures, not only a running bar: the undo is
// held at its last step (the store's clock, read once the rows are back), and the dialog then
// says how many of the batch's rows are put back and shows a full bar.
func TestUndoShowsTheRowsPutBack(t *testing.T) {
	wb, w := apptest.EmptyWorkbench(t)
	s := wb.Store
	const members = 300
	names := make([]string, members)
	for i := range names {
		names[i] = fmt.Sprintf("党员%d", i)
	}
	batch := apptest.ImportNames(t, s, "名册.xlsx", names...)
	rows := members * 2 // each member is a person and a membership
	held, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	clock := s.Now
	s.Now = func() time.Time {
		once.Do(func() {
			close(held)
			<-release
		})
		return clock()
	}
	finished := make(chan error, 1)
	wb.UndoBatch(batch, "测试", ui.Members, func(err error) { finished <- err })
	apptest.Settle(t, "undo up to its last step", held)
	apptest.WaitFor(t, "the progress dialog", func() bool { return w.Canvas().Overlays().Top() != nil })
	top := w.Canvas().Overlays().Top()
	want := fmt.Sprintf("正在还原导入前的记录：%d / %d 条", rows, rows)
	apptest.WaitFor(t, want, func() bool { return apptest.Shows(top, want) })
	bars := apptest.FindAll[*widget.ProgressBar](top)
	if len(bars) != 1 || bars[0].Value != 1 || len(apptest.FindAll[*widget.ProgressBarInfinite](top)) != 0 {
		t.Fatalf("the bar shows no figure: %d bars %v", len(bars), apptest.Texts(top))
	}
	close(release)
	if err := <-finished; err != nil {
		t.Fatal(err)
	}
	if n := apptest.MemberCount(t, s); n != 0 {
		t.Errorf("%d members after the undo", n)
	}
}
