package app

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"dangjian/app/apptest"
)

// With a message open, Ctrl+2 leaves the screen behind it alone; Enter closes the message (its
// only button is 知道了); an error in the status bar is gone on the next screen.
func TestShortcutsWaitForTheOpenDialogAndEnterAcknowledges(t *testing.T) {
	wb0 := apptest.Demo(t, fyne.NewSize(1366, 768))
	w := wb0.Window
	wb := NewWorkbench(w, wb0.Store)
	ctrl := func(key string) {
		w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyName(key), Modifier: fyne.KeyModifierShortcutDefault})
	}
	key := func(name fyne.KeyName) {
		w.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: name})
	}
	wb.ShowError("保存失败", errors.New("磁盘已满，请腾出空间后再试。"))
	ctrl("2")
	if wb.Shell.Current() != 0 {
		t.Fatalf("Ctrl+2 switched to screen %d behind the open message", wb.Shell.Current())
	}
	key(fyne.KeyReturn)
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Enter left the message open: %v", apptest.Texts(top))
	}
	ctrl("2")
	if wb.Shell.Current() != 1 {
		t.Fatalf("Ctrl+2 with no dialog open shows screen %d", wb.Shell.Current())
	}
	wb.Notify("导出失败：文件正被 Excel 打开，请关闭后再试。")
	ctrl("3")
	if s := wb.Shell.Status(); !strings.HasPrefix(s, "数据库：") {
		t.Fatalf("the status bar on the next screen still says %q", s)
	}
}
