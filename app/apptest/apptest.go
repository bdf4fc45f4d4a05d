package apptest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/demo/demotest"
)

// DemoWorkbench opens a real store in a temp dir with the demo institute loaded on the pinned
// day now, and a bare workbench (no shell) over a test window of the given size.
func DemoWorkbench(t *testing.T, now time.Time, size fyne.Size) *ui.Workbench {
	t.Helper()
	NewTestApp(t)
	s := demotest.Store(t, now)
	w := test.NewTempWindow(t, nil)
	w.Resize(size)
	return &ui.Workbench{Store: s, Window: w}
}

// ChildrenOf is what lies directly inside o as a person sees it: a container's objects, or the
// objects a widget renders.
func ChildrenOf(o fyne.CanvasObject) []fyne.CanvasObject {
	if c, ok := o.(*fyne.Container); ok {
		return c.Objects
	}
	if w, ok := o.(fyne.Widget); ok {
		return test.WidgetRenderer(w).Objects()
	}
	return nil
}

// FindAll lists every visible T under o in layout order, as Tab would visit them. A
// ui.WrapLabel is found as the widget.Label it embeds.
func FindAll[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	if o == nil || !o.Visible() {
		return nil
	}
	if x, ok := o.(T); ok {
		return []T{x}
	}
	if w, ok := o.(*ui.WrapLabel); ok { // a message label is a label to a person reading it
		if x, ok := any(&w.Label).(T); ok {
			return []T{x}
		}
		return nil
	}
	var out []T
	for _, c := range ChildrenOf(o) {
		out = append(out, FindAll[T](c)...)
	}
	return out
}

// EntriesOf lists the visible text fields under o in layout order; an ui.EscapeEntry or
// ui.DayEntry counts as the Entry inside it, which is what test.Type types into.
func EntriesOf(o fyne.CanvasObject) []*widget.Entry {
	if o == nil || !o.Visible() {
		return nil
	}
	switch e := o.(type) {
	case *widget.Entry:
		return []*widget.Entry{e}
	case *ui.EscapeEntry:
		return []*widget.Entry{&e.Entry}
	case *ui.DayEntry:
		return []*widget.Entry{&e.Entry}
	}
	var out []*widget.Entry
	for _, c := range ChildrenOf(o) {
		out = append(out, EntriesOf(c)...)
	}
	return out
}

// Demo opens a real store in a temp dir with the demo institute, the clock pinned to
// 2026-11-28, and a workbench over a test window of the given size.
func Demo(t *testing.T, size fyne.Size) *ui.Workbench {
	t.Helper()
	return DemoWorkbench(t, time.Date(2026, 11, 28, 10, 0, 0, 0, time.Local), size)
}

// Texts collects the text of every visible label under o, as a person reads the screen.
func Texts(o fyne.CanvasObject) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	var out []string
	switch x := o.(type) {
	case *widget.Label:
		out = append(out, x.Text)
	case *ui.WrapLabel:
		return append(out, x.Text)
	case *widget.Button:
		out = append(out, x.Text)
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, Texts(c)...)
		}
		return out
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			out = append(out, Texts(c)...)
		}
	}
	return out
}

func Shows(o fyne.CanvasObject, text string) bool {
	for _, s := range Texts(o) {
		if strings.Contains(s, text) {
			return true
		}
	}
	return false
}

// Choose picks the option of sel that reads text (options are indented by tree depth).
func Choose(t *testing.T, sel *widget.Select, text string) {
	t.Helper()
	for _, o := range sel.Options {
		if strings.TrimSpace(o) == text {
			sel.SetSelected(o)
			return
		}
	}
	t.Fatalf("no option %q in %v", text, sel.Options)
}

// EmptyWorkbench opens a store at a path with Chinese characters and spaces, as on the office PCs,
// and a workbench over it in a test window.
func EmptyWorkbench(t *testing.T) (*ui.Workbench, fyne.Window) {
	t.Helper()
	a := NewTestApp(t)
	path := filepath.Join(t.TempDir(), "党建 数据", "我的 库.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.User = "wangli"
	w := a.NewWindow("t")
	w.Resize(fyne.NewSize(1100, 700))
	wb := &ui.Workbench{Store: s, Window: w}
	t.Cleanup(func() { wb.Store.Close() })
	return wb, w
}

// WaitFor polls until cond holds: backups are listed and restored off the main goroutine.
func WaitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		held := false
		ui.WithoutLanding(func() { held = cond() })
		if held {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func MemberCount(t *testing.T, s *data.Store) int {
	t.Helper()
	ms, err := s.Members(context.Background(), data.MemberFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(ms)
}

func WalkLabels(o fyne.CanvasObject, f func(*widget.Label)) {
	for _, l := range FindAll[*widget.Label](o) {
		f(l)
	}
}

// HasLabel tells whether a label containing text is drawn under o.
func HasLabel(o fyne.CanvasObject, text string) bool {
	found := false
	WalkLabels(o, func(l *widget.Label) { found = found || strings.Contains(l.Text, text) })
	return found
}

// Settle waits until ch is closed: a screen's background load (its Settled channel) landed.
func Settle(t *testing.T, what string, ch <-chan struct{}) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(10 * time.Second):
		t.Fatalf("the %s did not finish within 10 s", what)
	}
}
