package eval

import (
	"os"
	"path/filepath"
	"testing"

	"dangjian/app/apptest"
	"dangjian/app/ui"
)

// 结果汇总 asks where to put the files: the first time the dialog starts in 文档\党建工作台 (not
// a folder beside the database), the files land in the folder chosen, and the next print
// starts there.
func TestPrintAsksWhereAndRemembers(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	wb, _ := evalInShell(t)
	chosen := filepath.Join(t.TempDir(), "打印件")
	var started []string
	ui.SetSystemFolderForTest(t, func(title, dir string) (string, bool, error) {
		started = append(started, dir)
		return chosen, len(started) == 1, os.MkdirAll(chosen, 0o755) // the second time: 取消
	})
	apptest.Tap(t, wb.Window, "结果汇总")
	apptest.WaitFor(t, "the print files", func() bool {
		m, _ := filepath.Glob(filepath.Join(chosen, "*考评结果汇总.pdf"))
		return len(m) == 1
	})
	if want := filepath.Join(home, "Documents", "党建工作台"); len(started) != 1 || started[0] != want {
		t.Fatalf("the folder dialog started in %v, want %s", started, want)
	}
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(wb.Store.Path()), "打印", "*")); len(m) != 0 {
		t.Fatalf("print files beside the database: %v", m)
	}
	apptest.Tap(t, wb.Window, "结果汇总")
	if len(started) != 2 || started[1] != chosen {
		t.Fatalf("the second print started in %v, want %s", started, chosen)
	}
}
