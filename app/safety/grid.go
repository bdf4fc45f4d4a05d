package safety

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
)

// The three tabs of the 备份与日志 screen each show a read-only table with a header row; this
// is the one table they share.

type gridColumn struct {
	title string
	width float32
}

// newGrid builds a table of rows() rows; cell gives a cell's text, and onSelect (may be nil) is
// told which row the user picked.
func newGrid(cols []gridColumn, rows func() int, cell func(r, c int) string, onSelect func(r int)) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(cols) },
		ui.NewTruncatingCell,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < rows() {
				o.(*widget.Label).SetText(cell(id.Row, id.Col))
			}
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 && id.Col < len(cols) {
			o.(*widget.Label).SetText(cols[id.Col].title)
		}
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if onSelect != nil && id.Row >= 0 {
			onSelect(id.Row)
		}
	}
	return t
}

// relisted clears the choice in a grid whose list was just read anew (the backups, the
// imports): no row is selected and the button that works on one is off until a row is picked.
func relisted(t *widget.Table, action *widget.Button) {
	action.Disable()
	t.UnselectAll()
	t.Refresh()
}

// listSummary is the line under a list: why it could not be read, what to do while it is
// empty, or what it holds.
func listSummary(err error, n int, unreadable, empty, holds string) string {
	switch {
	case err != nil:
		return unreadable + ui.MessageText(err)
	case n == 0:
		return empty
	default:
		return holds
	}
}
