package ui

import (
	"context"
)

// UndoBatch undoes an import batch as long work, off the main goroutine with the progress
// dialog and its figures (rows checked, rows put back): undoing a 100 000-row import takes
// seconds, and on the main goroutine it froze the window. The store's refusal is shown as it
// says; on success the screens showing what changed reload. done (may be nil) runs on the main
// goroutine with the outcome.
func (wb *Workbench) UndoBatch(batch int64, reason string, changed Change, done func(err error)) {
	s := wb.Store // the store of now: a restore while this runs swaps wb.Store
	wb.RunLong("正在撤销导入", func(ctx context.Context, p Progress) error {
		p(0, 0, "正在还原导入前的记录……")
		return s.UndoBatch(ctx, batch, reason, p)
	}, func(err error) {
		if err != nil {
			wb.ShowError("未能撤销", err)
		} else {
			wb.Changed(changed)
		}
		if done != nil {
			done(err)
		}
	})
}
