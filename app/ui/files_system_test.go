package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

// Where the system has its own file dialogs (Windows), the one chooser uses them: it starts in
// the folder used last, adds the extension a typed name lacks, remembers the folder, and a
// cancelled dialog does nothing. No Fyne dialog opens over the window.
func TestChooserUsesTheSystemDialogWhereThereIsOne(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	wb := &Workbench{Window: w}
	last := filepath.Join(t.TempDir(), "花名册")
	a.Preferences().SetString(lastFolderKey, last)
	var asked struct{ title, dir, name, ext string }
	answer, ok := filepath.Join(t.TempDir(), "导出", "党员名册"), true
	systemSave = func(title, dir, name, ext string) (string, bool, error) {
		asked.title, asked.dir, asked.name, asked.ext = title, dir, name, ext
		return answer, ok, nil
	}
	t.Cleanup(func() { systemSave = nil })
	var got string
	SaveFile(wb, "党员名册.xlsx", ".xlsx", func(p string) { got = p })
	if asked.title != "保存文件" || asked.dir != last || asked.name != "党员名册.xlsx" || asked.ext != ".xlsx" {
		t.Fatalf("the system dialog was asked %+v", asked)
	}
	if got != answer+".xlsx" {
		t.Fatalf("saved to %q, want the name with .xlsx added", got)
	}
	if dir := a.Preferences().String(lastFolderKey); dir != filepath.Dir(answer) {
		t.Fatalf("the next dialog starts in %q", dir)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("a Fyne dialog opened besides the system's")
	}
	ok, got = false, ""
	SaveFile(wb, "党员名册.xlsx", ".xlsx", func(p string) { got = p })
	if got != "" {
		t.Fatalf("a cancelled dialog still saved to %q", got)
	}
}
