package app

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"dangjian/app/desktop"
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
		got := CannotOpenText(strings.ReplaceAll(path, `\`, "/"), c.err)
		if !strings.Contains(got, "2026年度模范机关考评表（填报）.pdf") || !strings.Contains(got, c.want) || !strings.Contains(got, "打开所在文件夹") {
			t.Errorf("CannotOpenText(%v) = %q, want the file name, %q and 打开所在文件夹", c.err, got, c.want)
		}
		if w := latin.FindString(got); w != "" {
			t.Errorf("CannotOpenText(%v) = %q carries English %q", c.err, got, w)
		}
	}
}
