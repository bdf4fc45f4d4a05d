package ui_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/desktop"
	"dangjian/app/ui"
)

// When nothing opens a printed sheet, the user reads which file, why, and what to do — in
// Chinese, with no English from the shell.
func TestCannotOpenTextSaysWhichFileAndWhatToDo(t *testing.T) {
	path := `C:\Users\张三\文档\党建工作台\2026年度模范机关考评表（填报）.pdf`
	cases := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("%w: %s", desktop.ErrNoProgram, path), "PDF 文件（如 WPS 或 PDF 阅读器）"},
		{fmt.Errorf("%w: %s", desktop.ErrNotFound, path), "可能已被移动或删除"},
		{fmt.Errorf("%w: %s", desktop.ErrDenied, path), "没有权限"},
		{fmt.Errorf("%w: %s", desktop.ErrOpenFailed, path), "默认程序没能打开"},
	}
	latin := regexp.MustCompile(`[A-Za-z]{4,}`)
	for _, c := range cases {
		got := ui.CannotOpenText(strings.ReplaceAll(path, `\`, "/"), c.err)
		if !strings.Contains(got, "2026年度模范机关考评表（填报）.pdf") || !strings.Contains(got, c.want) || !strings.Contains(got, "打开所在文件夹") {
			t.Errorf("CannotOpenText(%v) = %q, want the file name, %q and 打开所在文件夹", c.err, got, c.want)
		}
		if w := latin.FindString(got); w != "" {
			t.Errorf("CannotOpenText(%v) = %q carries English %q", c.err, got, w)
		}
	}
}

// A finished export offers the file and its folder, and 关闭 leaves it alone.
func TestFinishedExportOffersFileAndFolder(t *testing.T) {
	apptest.NewTestApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(900, 600))
	wb := &ui.Workbench{Window: w}
	wb.OfferOpen("导出完成", "操作日志已导出到\nC:\\Users\\张三\\文档\\操作日志.xlsx", `C:\Users\张三\文档\操作日志.xlsx`)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog after the export")
	}
	var texts []string
	var closeBtn *widget.Button
	for _, b := range apptest.FindAll[*widget.Button](top) {
		texts = append(texts, b.Text)
		if b.Text == "关闭" {
			closeBtn = b
		}
	}
	if strings.Join(texts, " ") != "关闭 打开所在文件夹 打开文件" {
		t.Fatalf("buttons %q, want 关闭 打开所在文件夹 打开文件", texts)
	}
	test.Tap(closeBtn)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("关闭 left the dialog open")
	}
}

// When nothing opens a printed sheet, the dialog says why and offers the folder.
func TestFileThatDoesNotOpenOffersItsFolder(t *testing.T) {
	apptest.NewTestApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(900, 600))
	wb := &ui.Workbench{Window: w}
	path := `C:\Users\张三\文档\党建工作台\2026年度模范机关考评表（填报）.pdf`
	wb.ShowCannotOpen(path, fmt.Errorf("%w: %s", desktop.ErrNoProgram, path))
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog when the file did not open")
	}
	var texts []string
	for _, b := range apptest.FindAll[*widget.Button](top) {
		texts = append(texts, b.Text)
	}
	if strings.Join(texts, " ") != "知道了 打开所在文件夹" {
		t.Errorf("buttons %q, want 知道了 打开所在文件夹", texts)
	}
	var shown []string
	for _, l := range apptest.FindAll[*widget.Label](top) {
		shown = append(shown, l.Text)
	}
	if !strings.Contains(strings.Join(shown, ""), "PDF 文件（如 WPS 或 PDF 阅读器）") {
		t.Errorf("the dialog does not say why: %q", shown)
	}
}
