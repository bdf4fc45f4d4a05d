package ui

import "context"

// RunLongFor runs work as RunLong does and keeps its result: when work fails, failTitle and
// the error are shown and done is not called; when it succeeds, done gets the result on the
// main goroutine. touches are the screens to reload either way, first — an attempt that the
// store audits (an export, a backup) lands in the log even when it fails.
//
// It is a function, not a method, because Go methods cannot take a type parameter.
func RunLongFor[T any](wb *Workbench, title, failTitle string, work func(ctx context.Context, p Progress) (T, error), done func(T), touches ...Change) {
	var result T
	wb.RunLong(title, func(ctx context.Context, p Progress) error {
		var err error
		result, err = work(ctx, p)
		return err
	}, func(err error) {
		if len(touches) > 0 { // Changed() without kinds reloads every record screen
			wb.Changed(touches...)
		}
		if err != nil {
			wb.ShowError(failTitle, err)
			return
		}
		done(result)
	})
}
