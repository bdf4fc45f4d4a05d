package safety

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
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

// growing lays table out over all its room and gives column grow what the other columns leave:
// the widths are set for a 1024-pixel window, where every column must show, and a wider window
// shows more of the long column (内容, 结果) instead of blank space at the right.
func growing(table *widget.Table, cols []gridColumn, grow int) fyne.CanvasObject {
	return container.New(&growLayout{table: table, cols: cols, grow: grow}, table)
}

type growLayout struct {
	table *widget.Table
	cols  []gridColumn
	grow  int
	last  float32
}

func (g *growLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	// the scroll bar, the lines between columns and a padding's slack for the text measure
	used := theme.ScrollBarSize() + float32(len(g.cols))*theme.SeparatorThicknessSize() + theme.Padding()
	for _, c := range g.cols {
		used += c.width
	}
	if w := g.cols[g.grow].width + max(0, size.Width-used); w != g.last {
		g.last = w
		g.table.SetColumnWidth(g.grow, w)
	}
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

func (g *growLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }
