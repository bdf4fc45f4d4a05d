package ui_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
	"dangjian/data"
)

// Undoing an import shows how far it has got in figures, not only a running bar: the undo is
// held at its last step (the store's clock, read once the rows are back), and the dialog then
// says how many of the batch's rows are put back and shows a full bar.
func TestUndoShowsTheRowsPutBack(t *testing.T) {
	wb, w := apptest.EmptyWorkbench(t)
	s := wb.Store
	ctx := context.Background()
	branch := data.Org{TypeCode: data.TypeBranch, Name: "测试党支部"}
	if err := s.SaveOrg(ctx, &branch); err != nil {
		t.Fatal(err)
	}
	const members = 300
	batch, err := s.ImportMembers(ctx, data.MemberImport{Kind: "花名册导入", Source: "名册.xlsx"},
		func(send func([]data.ImportItem) error) (data.ImportCounts, error) {
			var items []data.ImportItem
			for i := range members {
				m := &data.Member{Person: data.Person{Name: fmt.Sprintf("党员%d", i)}, Membership: data.Membership{BranchID: branch.ID, Category: data.CategoryFull, Status: data.StatusNormal}}
				items = append(items, data.ImportItem{Member: m, Sheet: "Sheet1", Line: i + 2})
			}
			return data.ImportCounts{New: members}, send(items)
		})
	if err != nil {
		t.Fatal(err)
	}
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
