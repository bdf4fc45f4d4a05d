package app

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// saveFile asks where to save a file of the given extension (".xlsx", ".pdf") and calls then
// with the path, the extension added when the user typed a name without it. The dialog is
// large enough to read Chinese file names, starts in the folder last used for a sheet — or,
// the first time, beside the database, not in the home folder — and remembers the folder.
// saveAs (roster_export.go) is this for .xlsx.
func saveFile(wb *Workbench, name, ext string, then func(path string)) {
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
	d.Resize(fileDialogSize)
	d.Show()
}

// fileDialogSize is big enough to see a folder's files: Fyne's default shows four.
var fileDialogSize = fyne.NewSize(900, 600)

// startNearData starts d in the last folder used, else in the database's folder.
func startNearData(wb *Workbench, d *dialog.FileDialog) {
	if a := fyne.CurrentApp(); a != nil && a.Preferences().String(lastFolderKey) != "" {
		startInLastFolder(d)
		return
	}
	if wb.Store == nil {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(wb.Store.Path()))); err == nil {
		d.SetLocation(l)
	}
}

// chooseFile asks for an existing file of the given extension, starting where saveFile would,
// and calls then with its path.
func chooseFile(wb *Workbench, ext string, then func(path string)) {
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
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.Resize(fileDialogSize)
	d.Show()
}
