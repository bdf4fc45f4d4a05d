package roster

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dangjian/app/ui"
	"dangjian/data/demo"
	"dangjian/data/storetest"
)

// rsBigRoster shows the roster screen over 100 000 generated members in 2 000 branches.
func rsBigRoster(b *testing.B) *Screen {
	b.Helper()
	test.NewTempApp(b)
	s := storetest.Open(b, time.Date(2026, 11, 28, 10, 0, 0, 0, time.Local))
	if err := demo.Synthetic(context.Background(), s, 100_000, 2_000); err != nil {
		b.Fatal(err)
	}
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1280, 720))
	r := Open(&ui.Workbench{Store: s, Window: w})
	<-r.Settled()
	w.SetContent(r.root)
	if r.idx.Len() != 100_000 {
		b.Fatalf("%d members indexed", r.idx.Len())
	}
	return r
}

// BenchmarkRosterScreenKeystroke: one keystroke in the search box over 100 000 members, sorted
// by 出生日期 — filter, keep the sort order, recount and redraw the table (target < 30 ms).
func BenchmarkRosterScreenKeystroke(b *testing.B) {
	r := rsBigRoster(b)
	r.sortBy(2)
	queries := []string{"王", "王伟", "3401", "139", "李"}
	i := 0
	for b.Loop() {
		r.search.SetText(queries[i%len(queries)])
		i++
	}
}

// BenchmarkRosterScreenSortByName: tapping the 姓名 header over 100 000 members (pinyin order).
func BenchmarkRosterScreenSortByName(b *testing.B) {
	r := rsBigRoster(b)
	for b.Loop() {
		r.sortBy(0)
	}
}
