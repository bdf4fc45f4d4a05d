package eval

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
	"dangjian/data/criteria"
)

// evalShown is the 模范机关 screen over the demo, shown in the test window.
func evalShown(t *testing.T) (*ui.Workbench, fyne.Window, *Screen) {
	t.Helper()
	wb, w := evalWorkbench(t)
	e, scr := buildEvalScreen(wb)
	w.SetContent(scr)
	return wb, w, e
}

// gridFocused is evalShown with the keyboard on the score grid.
func gridFocused(t *testing.T) (*ui.Workbench, fyne.Window, *scoreGrid) {
	t.Helper()
	wb, w, e := evalShown(t)
	w.Canvas().Focus(e.grid)
	return wb, w, e.grid
}

// evalInShell builds the 模范机关 screen inside a shell, so wb.Notify lands in a status line
// the tests can read.
func evalInShell(t *testing.T) (*ui.Workbench, *Screen) {
	t.Helper()
	wb, w := evalWorkbench(t)
	var e *Screen
	wb.Shell = ui.NewShell(w, []ui.Screen{{Title: "模范机关", Build: func() fyne.CanvasObject {
		var o fyne.CanvasObject
		e, o = buildEvalScreen(wb)
		return o
	}}})
	if e == nil {
		t.Fatal("the shell did not build the screen")
	}
	return wb, e
}

// topEntries are the text fields of the dialog on top, in layout order.
func topEntries(t *testing.T, wb *ui.Workbench) []*widget.Entry {
	t.Helper()
	top := wb.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return apptest.EntriesOf(top)
}

// pressEnter presses Enter in the dialog field whose Entry is e, as the keyboard would.
func pressEnter(t *testing.T, wb *ui.Workbench, e *widget.Entry) {
	t.Helper()
	for _, x := range apptest.FindAll[*ui.EscapeEntry](wb.Window.Canvas().Overlays().Top()) {
		if &x.Entry == e {
			x.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			return
		}
	}
	t.Fatal("the field is not a dialog's text field")
}

// refusedInPlace checks the form on top is still open and shows, in red under its fields, a
// message containing text.
func refusedInPlace(t *testing.T, wb *ui.Workbench, text string) fyne.CanvasObject {
	t.Helper()
	top := wb.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("the form closed; it should stay open and say %q", text)
	}
	for _, l := range apptest.FindAll[*widget.Label](top) {
		if l.Importance == widget.DangerImportance && strings.Contains(l.Text, text) {
			return top
		}
	}
	t.Fatalf("the form should show %q in red, shows %v", text, apptest.Texts(top))
	return nil
}

// selectOrgan selects the results row of the organ named name.
func selectOrgan(t *testing.T, v *resultsView, name string) criteria.Organ {
	t.Helper()
	for i, r := range v.res {
		if r.Organ.Name == name {
			v.table.Select(widget.TableCellID{Row: i + 1, Col: 1})
			return r.Organ
		}
	}
	t.Fatalf("no %s in the results", name)
	return criteria.Organ{}
}

// resultsInShell is the screen in a shell on its 考评结果 tab, with the row of the organ named
// name selected.
func resultsInShell(t *testing.T, name string) (*ui.Workbench, *resultsView, criteria.Organ) {
	t.Helper()
	wb, e := evalInShell(t)
	e.tabs.SelectIndex(1)
	return wb, e.results, selectOrgan(t, e.results, name)
}

// formClosed checks that the form on top closed, as a saved form does; why says what stayed open.
func formClosed(t *testing.T, wb *ui.Workbench, why string) {
	t.Helper()
	if wb.Window.Canvas().Overlays().Top() != nil {
		t.Fatal(why)
	}
}
