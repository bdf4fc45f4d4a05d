package ab

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

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
