package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/demo"
)

// demoWorkbench opens a real store in a temp dir with the demo institute loaded on the pinned
// day now, and a bare workbench (no shell) over a test window of the given size.
func demoWorkbench(t *testing.T, now time.Time, size fyne.Size) *Workbench {
	t.Helper()
	newTestApp(t)
	s, err := data.Open(filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.Now = func() time.Time { return now }
	if err := demo.Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(size)
	return &Workbench{Store: s, Window: w}
}

// childrenOf is what lies directly inside o as a person sees it: a container's objects, or the
// objects a widget renders.
func childrenOf(o fyne.CanvasObject) []fyne.CanvasObject {
	if c, ok := o.(*fyne.Container); ok {
		return c.Objects
	}
	if w, ok := o.(fyne.Widget); ok {
		return test.WidgetRenderer(w).Objects()
	}
	return nil
}

// findAll lists every visible T under o in layout order, as Tab would visit them.
func findAll[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	if o == nil || !o.Visible() {
		return nil
	}
	if x, ok := o.(T); ok {
		return []T{x}
	}
	var out []T
	for _, c := range childrenOf(o) {
		out = append(out, findAll[T](c)...)
	}
	return out
}

// entriesOf lists the visible text fields under o in layout order; an escapeEntry counts as
// the Entry inside it, which is what test.Type types into.
func entriesOf(o fyne.CanvasObject) []*widget.Entry {
	if o == nil || !o.Visible() {
		return nil
	}
	switch e := o.(type) {
	case *widget.Entry:
		return []*widget.Entry{e}
	case *escapeEntry:
		return []*widget.Entry{&e.Entry}
	}
	var out []*widget.Entry
	for _, c := range childrenOf(o) {
		out = append(out, entriesOf(c)...)
	}
	return out
}
