//go:build windows

package ui

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/sqweek/dialog"
)

// On Windows the app's one chooser opens the system's own dialogs (comdlg32, through
// sqweek/dialog: plain syscalls, no cgo). Windows asks before overwriting, in its own words.
func init() {
	systemFolder = func(title, dir string) (string, bool, error) {
		b := dialog.Directory().Title(title)
		if dir != "" {
			b = b.SetStartDir(dir)
		}
		return answer(b.Browse())
	}
	systemSave = func(title, dir, name, ext string) (string, bool, error) {
		b := dialog.File().Title(title).Filter(filterName(ext), strings.TrimPrefix(ext, "."))
		if dir != "" {
			b = b.SetStartDir(dir)
		}
		if name != "" {
			b = b.SetStartFile(name)
		}
		return answer(b.Save())
	}
	systemOpen = func(title, dir string, exts []string) (string, bool, error) {
		var bare []string
		for _, e := range exts {
			bare = append(bare, strings.TrimPrefix(strings.ToLower(e), "."))
		}
		b := dialog.File().Title(title).Filter(filterName(exts...), bare...)
		if dir != "" {
			b = b.SetStartDir(dir)
		}
		return answer(b.Load())
	}
}

// answer turns the dialog's result into the chooser's: cancelling is no error.
func answer(path string, err error) (string, bool, error) {
	switch {
	case errors.Is(err, dialog.ErrCancelled):
		return "", false, nil
	case err != nil:
		return "", false, errors.New("系统的文件对话框未能打开，请重试；如仍不行，请重启本程序")
	}
	return filepath.Clean(path), true, nil
}

// filterName names the files in the dialog's type list, as Windows shows it.
func filterName(exts ...string) string {
	names := map[string]string{".xlsx": "Excel 工作簿", ".xls": "Excel 97-2003 工作簿", ".csv": "CSV 文件", ".pdf": "PDF 文件", ".db": "数据库备份"}
	for _, e := range exts {
		if n := names[strings.ToLower(e)]; n != "" {
			return n
		}
	}
	return "文件"
}
