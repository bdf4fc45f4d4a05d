package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Esc closes the dialog on top, as it does in every Windows program. Fyne's dialogs do not
// listen for it, so the window does: Esc presses the dialog's own 取消/关闭 button, which runs
// the same callback a click would — a progress dialog's 取消 cancels its work, a confirmation
// answers no. A dialog without such a button (nothing to dismiss) stays.

// dismissLabels are the button texts that leave a dialog without doing anything. "Cancel" is
// Fyne's own file dialog under a non-Chinese locale.
var dismissLabels = map[string]bool{"取消": true, "关闭": true, "知道了": true, "完成": true, "Cancel": true}

// InstallEscape makes Esc dismiss the top dialog of w when no text field has the focus; text
// fields and drop-downs of our forms use EscapeEntry, EscapeSelect and EscapeSelectEntry, which
// do the same. Enter closes a message that has only 知道了 to press.
func InstallEscape(w fyne.Window) {
	c := w.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape && dismissTop(c) {
			return
		}
		if (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && acknowledgeTop(c) {
			return
		}
		if prev != nil {
			prev(ev)
		}
	})
}

// dismisser is a drop-down of ours (the date field's calendar) that Esc closes, leaving the
// dialog under it open.
type dismisser interface{ dismiss() }

// dismissTop taps the dismiss button of the top overlay; false when there is none.
func dismissTop(c fyne.Canvas) bool {
	top := topDialog(c)
	if top == nil {
		return false
	}
	if d, ok := top.(dismisser); ok {
		d.dismiss()
		return true
	}
	if b := findDismiss(top); b != nil {
		b.OnTapped()
		return true
	}
	return false
}

// acknowledgeTop presses 知道了 on the top overlay; false when it has no such button.
func acknowledgeTop(c fyne.Canvas) bool {
	top := topDialog(c)
	if top == nil {
		return false
	}
	if b := findButton(top, map[string]bool{"知道了": true}); b != nil {
		b.OnTapped()
		return true
	}
	return false
}

// topDialog is what the top overlay shows (a dialog's pop-up unwrapped); nil when none is open.
func topDialog(c fyne.Canvas) fyne.CanvasObject {
	top := c.Overlays().Top()
	if p, ok := top.(*widget.PopUp); ok {
		return p.Content
	}
	return top
}

// findDismiss searches the dialog's containers for a visible, enabled dismiss button. Buttons
// inside other widgets (forms, tables) are not looked at: they are not the dialog's.
func findDismiss(o fyne.CanvasObject) *widget.Button { return findButton(o, dismissLabels) }

// findButton is findDismiss for any set of button texts.
func findButton(o fyne.CanvasObject, labels map[string]bool) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Visible() && !x.Disabled() && x.OnTapped != nil && labels[x.Text] {
			return x
		}
	case *fyne.Container:
		if !x.Visible() {
			return nil
		}
		for _, child := range x.Objects {
			if b := findButton(child, labels); b != nil {
				return b
			}
		}
	case *container.Scroll:
		return findButton(x.Content, labels)
	}
	return nil
}

// EscapeEntry is a text field whose Esc closes the dialog it is in (a focused field would
// otherwise swallow the key), and which hands window shortcuts on like ShortcutEntry.
type EscapeEntry struct {
	ShortcutEntry
}

func NewEscapeEntry() *EscapeEntry {
	e := &EscapeEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func NewEscapeMultiLineEntry() *EscapeEntry {
	e := NewEscapeEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// escapeDismissed dismisses the dialog o is in when k is Esc; false when it did not (another
// key, or no dialog), and the widget handles k as usual.
func escapeDismissed(o fyne.CanvasObject, k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyEscape {
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	return c != nil && dismissTop(c)
}

// TypedKey dismisses the dialog on Esc; every other key edits as usual.
func (e *EscapeEntry) TypedKey(k *fyne.KeyEvent) {
	if escapeDismissed(e, k) {
		return
	}
	e.ShortcutEntry.TypedKey(k)
}

// EscapeSelect is a drop-down whose Esc closes the dialog it is in: a focused Select would
// otherwise swallow the key.
type EscapeSelect struct {
	widget.Select
}

func NewEscapeSelect(options []string, changed func(string)) *EscapeSelect {
	s := &EscapeSelect{}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey dismisses the dialog on Esc; every other key works the drop-down as usual.
func (s *EscapeSelect) TypedKey(k *fyne.KeyEvent) {
	if escapeDismissed(s, k) {
		return
	}
	s.Select.TypedKey(k)
}

// EscapeSelectEntry is a text field with choices whose Esc closes the dialog it is in.
type EscapeSelectEntry struct {
	widget.SelectEntry
}

func NewEscapeSelectEntry(options []string) *EscapeSelectEntry {
	e := &EscapeSelectEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewSelectEntry does
	e.SetOptions(options)
	return e
}

// TypedKey dismisses the dialog on Esc; every other key edits as usual.
func (e *EscapeSelectEntry) TypedKey(k *fyne.KeyEvent) {
	if escapeDismissed(e, k) {
		return
	}
	e.SelectEntry.TypedKey(k)
}

// ShortcutEntry is an Entry that passes window shortcuts (Ctrl+N, Ctrl+1 …) on to the window
// instead of swallowing them while it has the focus, and reports Enter.
type ShortcutEntry struct {
	widget.Entry
	OnEnter func()
	OnDown  func()
}

func NewShortcutEntry() *ShortcutEntry {
	e := &ShortcutEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut hands custom shortcuts to the window's canvas; editing ones stay with the entry.
func (e *ShortcutEntry) TypedShortcut(s fyne.Shortcut) {
	if _, ok := s.(*desktop.CustomShortcut); ok {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			if sc, ok := c.(fyne.Shortcutable); ok {
				sc.TypedShortcut(s)
				return
			}
		}
	}
	e.Entry.TypedShortcut(s)
}

// TypedKey opens the selected member on Enter and moves into the table on ↓; the search box
// is single-line, so neither key has a use of its own there.
func (e *ShortcutEntry) TypedKey(k *fyne.KeyEvent) {
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && e.OnEnter != nil {
		e.OnEnter()
		return
	}
	if k.Name == fyne.KeyDown && e.OnDown != nil {
		e.OnDown()
		return
	}
	e.Entry.TypedKey(k)
}
