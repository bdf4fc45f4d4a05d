package ab

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
)

// The AB岗 screen's keyboard: Ctrl+N makes a new item on the catalogue tab and a new absence on
// the others, Ctrl+F goes to the catalogue search, Enter edits the row under the cursor, ↓ in
// the search box goes down into the table.
//
// They are handled by the screen's own widgets, not registered on the window: the window keeps
// one handler per key, so a second screen registering Ctrl+N would silently replace the roster's.
// A click anywhere in a table or the search box gives the screen the keyboard.

// shortcut runs an AB screen shortcut; false when s is not one of them.
func (a *Screen) shortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier != fyne.KeyModifierShortcutDefault {
		return false
	}
	switch cs.KeyName {
	case fyne.KeyN:
		a.onNew()
	case fyne.KeyF:
		a.tabs.SelectIndex(0)
		a.focus(a.cat.search)
	default:
		return false
	}
	return true
}

// onNew is Ctrl+N: a new item on the catalogue tab, a new absence elsewhere.
func (a *Screen) onNew() {
	if a.tabs.SelectedIndex() == 0 {
		a.cat.onNew()
		return
	}
	a.abs.onNew()
}

func (a *Screen) focus(o fyne.Focusable) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(a.root); c != nil {
		c.Focus(o)
	}
}

// abTable is a table that edits its row on Enter and passes the screen's shortcuts on.
type abTable struct {
	widget.Table
	OnEnter    func()
	onShortcut func(fyne.Shortcut) bool
}

// newABTable is widget.NewTableWithHeaders for abTable.
func newABTable(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *abTable {
	t := &abTable{}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ShowHeaderRow = true
	t.ExtendBaseWidget(t)
	return t
}

// Tapped selects the row under the pointer and keeps the keyboard on the table (see ui.FocusLater).
func (t *abTable) Tapped(e *fyne.PointEvent) {
	t.Table.Tapped(e)
	ui.FocusLater(t)
}

// TypedKey selects the row under the keyboard cursor and edits it on Enter.
func (t *abTable) TypedKey(k *fyne.KeyEvent) {
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && t.OnEnter != nil {
		t.Table.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // Space selects the focused cell
		t.OnEnter()
		return
	}
	t.Table.TypedKey(k)
}

// TypedShortcut runs the screen's shortcuts and hands the rest (Ctrl+1 …) to the window.
func (t *abTable) TypedShortcut(s fyne.Shortcut) {
	if t.onShortcut != nil && t.onShortcut(s) {
		return
	}
	ui.ForwardShortcut(t, s)
}

// abSearchEntry is the catalogue's search box: the screen's shortcuts work while typing in it.
type abSearchEntry struct {
	ui.EscapeEntry
	onShortcut func(fyne.Shortcut) bool
}

func newABSearchEntry() *abSearchEntry {
	e := &abSearchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut runs the screen's shortcuts; editing shortcuts (copy, paste …) stay with the entry.
func (e *abSearchEntry) TypedShortcut(s fyne.Shortcut) {
	if e.onShortcut != nil && e.onShortcut(s) {
		return
	}
	e.EscapeEntry.TypedShortcut(s)
}
