package safety

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"dangjian/app/apptest"
	"dangjian/data/demo"
)

// The demo is marked as such on 备份与日志; 清除演示数据 asks first, and after 确定 the
// database is empty, a backup of the demo is listed, and the mark is gone.
func TestClearDemoAfterConfirmation(t *testing.T) {
	wb := apptest.Demo(t, fyne.NewSize(1366, 768))
	b := newBackupTab(wb)
	wb.Window.SetContent(b.content)
	if !b.demo.root.Visible() || !apptest.Shows(b.content, "演示数据") {
		t.Fatalf("the demo is not marked: %v", apptest.Texts(b.content))
	}
	apptest.Tap(t, wb.Window, "清除演示数据…")
	top := wb.Window.Canvas().Overlays().Top()
	if top == nil || !apptest.Shows(top, "先做一份备份") {
		t.Fatal("清除演示数据 did not ask first")
	}
	if empty, _ := demo.IsEmpty(context.Background(), wb.Store); empty {
		t.Fatal("cleared before the answer")
	}
	apptest.Tap(t, wb.Window, "确定")
	apptest.WaitFor(t, "the demo cleared", func() bool { empty, _ := demo.IsEmpty(context.Background(), wb.Store); return empty })
	apptest.WaitFor(t, "the mark gone", func() bool { return !b.demo.root.Visible() })
	bs, err := wb.Store.Backups()
	if err != nil || len(bs) != 1 || !strings.Contains(bs[0].Path, "清除演示数据前") {
		t.Fatalf("no backup before clearing: %+v %v", bs, err)
	}
}
