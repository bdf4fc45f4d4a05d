package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// SaveFile asks where to save a file of the given extension (".xlsx", ".pdf") and calls then
// with the path, the extension added when the user typed a name without it. The dialog is
// large enough to read Chinese file names, starts in the folder last used for a sheet — or,
// the first time, beside the database, not in the home folder — and remembers the folder.
// It is the app's one save dialog, as ChooseFile is its one open dialog.
func SaveFile(wb *Workbench, name, ext string, then func(path string)) {
	if systemSave != nil {
		path, ok, err := systemSave("保存文件", startFolder(wb), name, ext)
		if err != nil {
			wb.ShowError("无法打开保存对话框", err)
		}
		if !ok {
			return
		}
		if !strings.HasSuffix(strings.ToLower(path), ext) {
			path += ext
		}
		rememberFolder(path)
		then(path)
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		if !strings.HasSuffix(strings.ToLower(path), ext) {
			path += ext
		}
		rememberFolder(path)
		then(path)
	}, wb.Window)
	startNearData(wb, d)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	showFileDialog(wb, d, "保存文件")
}

// fileDialogSize is big enough to see a folder's files: Fyne's default shows four.
var fileDialogSize = fyne.NewSize(900, 600)

// showFileDialog shows one of Fyne's file dialogs over the window, titled as the system's are
// (Fyne's own title is "打开 文件", two words), big enough to read, every word in Chinese.
func showFileDialog(wb *Workbench, d *dialog.FileDialog, title string) {
	d.SetTitleText(title)
	d.Resize(fileDialogSize)
	chinese := speakChinese(wb.Window.Canvas())
	d.Show()
	chinese()
}

// systemSave and systemOpen, when set (files_windows.go), are the system's own save and open
// dialogs: on Windows staff expect theirs — a typed path, 桌面/文档/下载, U盘 and network drives,
// every word in the system's language. ok is false when the person cancelled; err is a
// Chinese sentence. Elsewhere they stay nil and Fyne's dialogs, with Chinese words, are used.
var (
	systemSave func(title, dir, name, ext string) (path string, ok bool, err error)
	systemOpen func(title, dir string, exts []string) (path string, ok bool, err error)
)

// startFolder is where a file dialog starts: the last folder used, else the database's.
func startFolder(wb *Workbench) string {
	if a := fyne.CurrentApp(); a != nil {
		if dir := a.Preferences().String(lastFolderKey); dir != "" {
			return dir
		}
	}
	if wb.Store == nil {
		return ""
	}
	return filepath.Dir(wb.Store.Path())
}

// startNearData starts d in the last folder used, else in the database's folder.
func startNearData(wb *Workbench, d *dialog.FileDialog) {
	if dir := startFolder(wb); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
}

// ChooseFile asks for an existing file with one of the extensions (".xlsx", ".csv"; in either
// case, as Windows keeps what the sender typed), starting where SaveFile would, and calls then
// with its path.
func ChooseFile(wb *Workbench, exts []string, then func(path string)) {
	if systemOpen != nil {
		path, ok, err := systemOpen("打开文件", startFolder(wb), exts)
		if err != nil {
			wb.ShowError("无法打开文件对话框", err)
		}
		if ok {
			rememberFolder(path)
			then(path)
		}
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		rememberFolder(path)
		then(path)
	}, wb.Window)
	startNearData(wb, d)
	var both []string
	for _, e := range exts {
		both = append(both, strings.ToLower(e), strings.ToUpper(e))
	}
	d.SetFilter(storage.NewExtensionFileFilter(both))
	showFileDialog(wb, d, "打开文件")
}

// lastFolderKey is the preference that remembers the folder of the last roster file opened
// or saved: offices keep their sheets in one place, and the file dialog otherwise starts in
// the home folder every time.
const lastFolderKey = "roster.lastFolder"

// rememberFolder keeps the folder of a file just chosen for the next file dialog.
func rememberFolder(path string) {
	if a := fyne.CurrentApp(); a != nil {
		a.Preferences().SetString(lastFolderKey, filepath.Dir(path))
	}
}

// printFolderKey remembers the folder print files went to last.
const printFolderKey = "print.folder"

// systemFolder, when set (files_windows.go), is the system's own folder dialog.
var systemFolder func(title, dir string) (path string, ok bool, err error)

// DefaultPrintFolder is where print files go until the person picks another folder:
// 文档\党建工作台, where staff look for their documents — not a folder beside the database,
// which on Windows is hidden under AppData.
func DefaultPrintFolder() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, "Documents", "党建工作台")
}

// ChoosePrintFolder asks where print files go, starting in the folder chosen last (the first
// time DefaultPrintFolder, made if missing), remembers the answer and calls then with it.
func ChoosePrintFolder(wb *Workbench, then func(dir string)) {
	const title = "选择打印文件的保存位置"
	dir := DefaultPrintFolder()
	if a := fyne.CurrentApp(); a != nil {
		if last := a.Preferences().String(printFolderKey); last != "" {
			dir = last
		}
	}
	if dir != "" {
		_ = os.MkdirAll(dir, 0o755) // so the dialog can start there; if not, it starts elsewhere
	}
	chosen := func(d string) {
		if a := fyne.CurrentApp(); a != nil {
			a.Preferences().SetString(printFolderKey, d)
		}
		then(d)
	}
	if systemFolder != nil {
		d, ok, err := systemFolder(title, dir)
		if err != nil {
			wb.ShowError("无法打开文件夹对话框", err)
		}
		if ok {
			chosen(d)
		}
		return
	}
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err == nil && l != nil {
			chosen(l.Path())
		}
	}, wb.Window)
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
	showFileDialog(wb, d, title)
}

// SetSystemFolderForTest stands in for the system's folder dialog until the test ends: tests
// of other packages answer it as the person would.
func SetSystemFolderForTest(t interface{ Cleanup(func()) }, f func(title, dir string) (string, bool, error)) {
	old := systemFolder
	systemFolder = f
	t.Cleanup(func() { systemFolder = old })
}
