package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// KeyTable is the app's table for the keyboard: a click gives it the keyboard (FocusLater), so
// ↑/↓ and Enter work after it; Enter opens the row; the screen's own shortcuts (Ctrl+N …) run
// while it has the focus and the window's (Ctrl+1 …) are handed on. A screen whose selection is
// its own (the roster's sorted view) moves it with OnMove; without OnMove ↑/↓ move the table's
// cursor and Enter first selects the cell under it.
type KeyTable struct {
	widget.Table
	OnEnter    func()
	OnMove     func(delta int)
	OnShortcut func(fyne.Shortcut) bool
}

// NewKeyTable is widget.NewTableWithHeaders for a KeyTable.
func NewKeyTable(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *KeyTable {
	t := &KeyTable{}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ShowHeaderRow = true
	t.ExtendBaseWidget(t)
	return t
}

// Tapped selects the row under the pointer and keeps the keyboard on the table.
func (t *KeyTable) Tapped(e *fyne.PointEvent) {
	t.Table.Tapped(e)
	FocusLater(t)
}

// TypedKey opens the row on Enter and moves with ↑/↓; other keys go to the Table.
func (t *KeyTable) TypedKey(k *fyne.KeyEvent) {
	switch {
	case (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && t.OnEnter != nil:
		if t.OnMove == nil {
			t.Table.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // Space selects the focused cell
		}
		t.OnEnter()
	case k.Name == fyne.KeyUp && t.OnMove != nil:
		t.OnMove(-1)
	case k.Name == fyne.KeyDown && t.OnMove != nil:
		t.OnMove(1)
	default:
		t.Table.TypedKey(k)
	}
}

// TypedShortcut runs the screen's shortcuts and hands the rest (Ctrl+1 …) to the window.
func (t *KeyTable) TypedShortcut(s fyne.Shortcut) {
	if t.OnShortcut != nil && t.OnShortcut(s) {
		return
	}
	ForwardShortcut(t, s)
}

// SetHeaders gives the table a bold header row of headers and no header column, with the
// columns widths wide: what every list table of the screens sets up the same way.
func (t *KeyTable) SetHeaders(headers []string, widths []float32) {
	t.ShowHeaderColumn = false
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle = fyne.TextStyle{Bold: true}
		if id.Col >= 0 && id.Col < len(headers) {
			l.SetText(headers[id.Col])
		}
	}
	for i, w := range widths {
		t.SetColumnWidth(i, w)
	}
}
