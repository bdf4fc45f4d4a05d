package ab

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
)

// column is one column of a list table: its bold header, its width and a row's text in it.
type column[T any] struct {
	header string
	width  float32
	text   func(T) string
}

// rowTable is the list table of the catalogue and the absences tabs: one label a cell over the
// rows it shows, the row selected in it, and the buttons that act on that row, enabled while
// there is one.
type rowTable[T any] struct {
	*ui.KeyTable
	cols     []column[T]
	rows     []T
	selected int
	acts     []*widget.Button
}

func newRowTable[T any](cols []column[T]) *rowTable[T] {
	t := &rowTable[T]{cols: cols, selected: -1}
	t.KeyTable = ui.NewKeyTable(
		func() (int, int) { return len(t.rows), len(t.cols) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(t.cell(id)) })
	headers, widths := make([]string, len(cols)), make([]float32, len(cols))
	for i, c := range cols {
		headers[i], widths[i] = c.header, c.width
	}
	t.SetHeaders(headers, widths)
	t.OnSelected = func(id widget.TableCellID) { t.selected = id.Row; t.enable() }
	return t
}

func (t *rowTable[T]) cell(id widget.TableCellID) string {
	x, ok := pick(t.rows, id.Row)
	if !ok || id.Col < 0 || id.Col >= len(t.cols) {
		return ""
	}
	return t.cols[id.Col].text(x)
}

// actOn names the buttons that act on the selected row.
func (t *rowTable[T]) actOn(buttons ...*widget.Button) {
	t.acts = buttons
	t.enable()
}

// show puts rows in the table with nothing selected.
func (t *rowTable[T]) show(rows []T) {
	t.rows = rows
	t.selected = -1
	t.UnselectAll()
	t.Refresh()
	t.enable()
}

// current is the selected row; none when nothing is selected.
func (t *rowTable[T]) current() (T, bool) { return pick(t.rows, t.selected) }

func (t *rowTable[T]) enable() {
	_, ok := t.current()
	for _, b := range t.acts {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// pick is rows[i] when i points into rows: the row a table's or list's selection names, none
// when nothing (-1) or a row since gone is selected.
func pick[T any](rows []T, i int) (T, bool) {
	if i < 0 || i >= len(rows) {
		var none T
		return none, false
	}
	return rows[i], true
}

// confirmChange asks question and, on yes, makes the change to the selected row: a refusal is
// shown under failTitle; after a change done (may be nil) runs and the AB screens reload.
func confirmChange(wb *ui.Workbench, title, question, failTitle string, change func(ctx context.Context) error, done func()) {
	wb.Confirm(title, question, func() {
		if err := change(context.Background()); err != nil {
			wb.ShowError(failTitle, err)
			return
		}
		if done != nil {
			done()
		}
		wb.Changed(ui.AB)
	})
}
