package ui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// Workbench is what every screen gets: the store, the window, the shell, and the few dialogs
// all screens use the same way (errors, confirmations, long work with progress).
type Workbench struct {
	Store  *data.Store
	Window fyne.Window
	Shell  *Shell
	// listeners are the screens' reloads by the kinds of records they show (change.go).
	listeners []listener
	// revealed is the session's choice to show full ID numbers and phones (privacy.go).
	revealed bool
	// OnRestore, when set, is told about the store that replaced wb.Store after a restore
	// (safety.RestoreBackup), so main can close the right store at exit.
	OnRestore func(s *data.Store)
}

// ShowError shows err as one clear Chinese sentence. Field errors list each field's problem.
func (wb *Workbench) ShowError(title string, err error) {
	if err == nil {
		return
	}
	d := dialog.NewCustom(title, "知道了", messageBody(MessageText(err), 40), wb.Window)
	d.Show()
}

// messageWidth is the width of the text in a message or confirmation dialog.
const messageWidth = 460

// messageBody is a dialog's message, broken into lines as Chinese is (WrapLabel) at the
// dialog's width, with room below it.
func messageBody(text string, room float32) fyne.CanvasObject {
	label := NewWrapLabel(text)
	label.Resize(fyne.NewSize(messageWidth, 0)) // broken at the dialog's width, so its height is known
	return container.NewGridWrap(fyne.NewSize(messageWidth, label.MinSize().Height+room), label)
}

// Confirm asks before anything destructive; ok runs only on 确定.
func (wb *Workbench) Confirm(title, message string, ok func()) {
	d := dialog.NewCustomConfirm(title, "确定", "取消", messageBody(message, 12), func(yes bool) {
		if yes {
			ok()
		}
	}, wb.Window)
	d.Show()
}

// Progress reports long work: done of total steps (total 0 when unknown) and what is happening.
type Progress func(done, total int, what string)

// RunLong runs work off the main goroutine with a progress dialog and a 取消 button that
// cancels its context; done runs on the main goroutine with work's error. Work shorter than a
// few hundred milliseconds never shows the dialog, so quick actions do not flash.
func (wb *Workbench) RunLong(title string, work func(ctx context.Context, p Progress) error, done func(err error)) {
	ctx, cancel := context.WithCancel(context.Background())
	// Until the work knows its total the bar runs without a figure: a 0 % bar beside
	// "已读取 6000 行" reads as stuck.
	bar := widget.NewProgressBar()
	bar.Hide()
	busy := widget.NewProgressBarInfinite()
	what := widget.NewLabel("正在准备……")
	cancelBtn := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { cancel() })
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(what, container.NewStack(busy, bar), container.NewCenter(cancelBtn)), wb.Window)
	d.Resize(fyne.NewSize(420, 160))
	shown := false
	finished := make(chan struct{})
	time.AfterFunc(300*time.Millisecond, func() {
		land(func() {
			select {
			case <-finished:
			default:
				shown = true
				d.Show()
			}
		})
	})
	last := time.Time{}
	progress := func(n, total int, text string) {
		// Throttle to a few updates a second: a 100 000-row import must not flood the UI.
		if time.Since(last) < 100*time.Millisecond && n != total {
			return
		}
		last = time.Now()
		land(func() {
			if total > 0 {
				if busy.Visible() {
					busy.Stop()
					busy.Hide()
					bar.Show()
				}
				bar.SetValue(float64(n) / float64(total))
			}
			if text != "" {
				what.SetText(text)
			}
		})
	}
	go func() {
		err := work(ctx, progress)
		cancel()
		land(func() {
			close(finished)
			busy.Stop()
			if shown {
				d.Hide()
			}
			if done != nil {
				done(err)
			}
		})
	}()
}

// Notify puts a short message in the status bar.
func (wb *Workbench) Notify(format string, args ...any) {
	if wb.Shell != nil {
		wb.Shell.SetStatus(fmt.Sprintf(format, args...))
	}
}
