package ui

import (
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/desktop"
)

// OpenFile opens a file (an export just written) with the operating system's default program,
// e.g. Excel or WPS on the office PCs. The shell call runs off the UI goroutine (it can take
// seconds while Excel starts); when nothing opens, the user is told why and offered the folder.
func (wb *Workbench) OpenFile(path string) { wb.OpenFiles(path) }

// OpenFiles opens each file in turn (a printed sheet's PDF and its xlsx), stopping at the first
// that does not open.
func (wb *Workbench) OpenFiles(paths ...string) {
	go func() {
		for _, p := range paths {
			if err := desktop.Open(p); err != nil {
				land(func() { wb.ShowCannotOpen(p, err) })
				return
			}
		}
	}()
}

// RevealFile shows the folder that holds path, with the file selected in Explorer.
func (wb *Workbench) RevealFile(path string) {
	go func() {
		if err := desktop.Reveal(path); err != nil {
			land(func() {
				wb.Notify("无法打开文件夹 %s，请在资源管理器中找到它", filepath.Dir(path))
			})
		}
	}()
}

// OfferOpen tells the user a file was written and offers 打开文件 and 打开所在文件夹.
func (wb *Workbench) OfferOpen(title, message, path string) {
	msg := NewWrapLabel(message)
	d := dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(460, msg.MinSize().Height+40), msg), wb.Window)
	d.SetButtons([]fyne.CanvasObject{
		&widget.Button{Text: "关闭", OnTapped: d.Hide},
		&widget.Button{Text: "打开所在文件夹", Icon: theme.FolderOpenIcon(), OnTapped: func() { d.Hide(); wb.RevealFile(path) }},
		&widget.Button{Text: "打开文件", Icon: theme.FileIcon(), Importance: widget.HighImportance, OnTapped: func() { d.Hide(); wb.OpenFile(path) }},
	})
	d.Show()
}

// ShowCannotOpen says that a written file did not open, why, and offers its folder.
func (wb *Workbench) ShowCannotOpen(path string, err error) {
	d := dialog.NewConfirm("无法打开文件", CannotOpenText(path, err), func(reveal bool) {
		if reveal {
			wb.RevealFile(path)
		}
	}, wb.Window)
	d.SetConfirmText("打开所在文件夹")
	d.SetDismissText("知道了")
	d.Show()
}

// CannotOpenText is the one sentence the user reads when a written file does not open.
func CannotOpenText(path string, err error) string {
	name := filepath.Base(path)
	switch {
	case errors.Is(err, desktop.ErrNoProgram):
		return "这台电脑上没有能打开“" + name + "”的程序：请安装或设置 " + kindOf(name) + " 的默认程序，或点“打开所在文件夹”后自己选择程序打开。"
	case errors.Is(err, desktop.ErrNotFound):
		return "找不到“" + name + "”，它可能已被移动或删除：请点“打开所在文件夹”查看，或重新生成。"
	case errors.Is(err, desktop.ErrDenied):
		return "没有权限打开“" + name + "”：请点“打开所在文件夹”后双击打开它，或请信息中心检查这个文件夹的权限。"
	}
	return "默认程序没能打开“" + name + "”：请点“打开所在文件夹”后双击打开它。"
}

// kindOf names a file's kind the way the user knows it.
func kindOf(name string) string {
	switch filepath.Ext(name) {
	case ".pdf":
		return "PDF 文件（如 WPS 或 PDF 阅读器）"
	case ".xlsx":
		return "Excel 文件（如 Excel 或 WPS 表格）"
	}
	return "这种文件"
}
