package eval

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"dangjian/app/apptest"
	"dangjian/app/ui"
)

// The mouse wheel over a text field of 指标体系 scrolls the page, as it does between the fields.
func TestCriteriaPageScrollsWithTheWheelOverAnEntry(t *testing.T) {
	wb, e := evalInShell(t)
	wb.Window.Resize(fyne.NewSize(1024, 700))
	e.tabs.SelectIndex(2)
	c := e.criteria
	if c.page.Content.MinSize().Height <= c.page.Size().Height {
		t.Fatalf("the 指标体系 page (%v) fits its %v view: nothing to scroll", c.page.Content.MinSize(), c.page.Size())
	}
	entries := apptest.FindAll[*ui.PageEntry](c.body)
	if len(entries) < 10 {
		t.Fatalf("the page has %d text fields", len(entries))
	}
	for _, f := range []*ui.PageEntry{entries[1], entries[4]} { // a dimension's weight, an indicator's name
		c.page.ScrollToTop()
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(f).Add(fyne.NewPos(5, f.Size().Height/2))
		test.Scroll(wb.Window.Canvas(), at, 0, -120)
		if c.page.Offset.Y <= 0 {
			t.Errorf("the wheel over the field %q left the page at offset %v", f.Text, c.page.Offset)
		}
	}
	// A click, a hover or a drag on a field reaches what it reaches in a plain entry: the window
	// hands each to the last object under the mouse that takes it, and the wheel catcher (drawn
	// last in the field) takes none of them.
	c.page.ScrollToTop()
	f := entries[4]
	parts := apptest.ChildrenOf(f)
	catcher := parts[len(parts)-1]
	mid := fyne.NewPos(f.Size().Width/2, f.Size().Height/2)
	for name, takes := range map[string]func(fyne.CanvasObject) bool{
		"click":  func(o fyne.CanvasObject) bool { _, ok := o.(fyne.Tappable); return ok },
		"press":  func(o fyne.CanvasObject) bool { _, ok := o.(desktop.Mouseable); return ok },
		"hover":  func(o fyne.CanvasObject) bool { _, ok := o.(desktop.Hoverable); return ok },
		"drag":   func(o fyne.CanvasObject) bool { _, ok := o.(fyne.Draggable); return ok },
		"cursor": func(o fyne.CanvasObject) bool { _, ok := o.(desktop.Cursorable); return ok },
	} {
		got, plain := lastUnder(wb.Window.Canvas().Content(), f, mid, takes, nil), lastUnder(wb.Window.Canvas().Content(), f, mid, takes, catcher)
		if got != plain {
			t.Errorf("a %s on the field goes to %T, in a plain entry to %T", name, got, plain)
		}
	}
}

// lastUnder is the last object, in drawing order, that lies under the point at of target and
// satisfies takes — the one the window hands a mouse event to; skip is left out of the tree.
func lastUnder(root, target fyne.CanvasObject, at fyne.Position, takes func(fyne.CanvasObject) bool, skip fyne.CanvasObject) fyne.CanvasObject {
	d := fyne.CurrentApp().Driver()
	p := d.AbsolutePositionForObject(target).Add(at)
	var found fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() || o == skip {
			return
		}
		pos, size := d.AbsolutePositionForObject(o), o.Size()
		if p.X < pos.X || p.Y < pos.Y || p.X >= pos.X+size.Width || p.Y >= pos.Y+size.Height {
			return
		}
		if takes(o) {
			found = o
		}
		for _, k := range apptest.ChildrenOf(o) {
			walk(k)
		}
	}
	walk(root)
	return found
}
