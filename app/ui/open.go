package ui

import (
	"fmt"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// OpenFile opens a file (an export just written) with the operating system's default program,
// e.g. Excel or WPS on the office PCs. This is the one place the app hands a URL to the OS; it
// opens only file:// URLs, never the network.
func (wb *Workbench) OpenFile(path string) {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err != nil {
		wb.ShowError("无法打开文件", fmt.Errorf("无法打开文件 %s，请在文件夹中双击打开它", path))
		return
	}
	if err := fyne.CurrentApp().OpenURL(u); err != nil {
		wb.ShowError("无法打开文件", fmt.Errorf("无法用默认程序打开 %s，请在文件夹中双击打开它", path))
	}
}
