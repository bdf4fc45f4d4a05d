package ui

import (
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

// ChooseFile asks for an existing file with one of the extensions (".xlsx", ".csv"; in either
// case, as Windows keeps what the sender typed), starting where SaveFile would, and calls then
// with its path.
func ChooseFile(wb *Workbench, exts []string, then func(path string)) {
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
	d.Resize(fileDialogSize)
	d.Show()
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

// startInLastFolder opens a file dialog where the last roster file was, if it still exists.
func startInLastFolder(d *dialog.FileDialog) {
	a := fyne.CurrentApp()
	if a == nil {
		return
	}
	dir := a.Preferences().String(lastFolderKey)
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}
