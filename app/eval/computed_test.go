package eval

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
)

// Cells the system computes read 系统计算 and Tab passes them by: the cursor goes from the
// indicator before 支部设置 to the next one a person types, and typing on a computed cell is
// refused at the first keystroke with where to change it instead.
func TestEvalGridTabPassesComputedCells(t *testing.T) {
	_, w, g := gridFocused(t)
	c := -1
	for i, in := range g.inds {
		if in.FromData() && i > 0 && !g.inds[i-1].FromData() {
			c = i
			break
		}
	}
	if c < 0 {
		t.Fatal("the default set has no computed indicator after a typed one")
	}
	next := c + 1
	for next < len(g.inds) && g.inds[next].FromData() {
		next++
	}
	cell := g.create()
	g.update(widget.TableCellID{Row: 1, Col: c + 1}, cell)
	if l := apptest.FindAll[*widget.Label](cell); len(l) != 1 || !strings.HasPrefix(l[0].Text, "系统计算") {
		t.Errorf("the computed cell of %s does not say 系统计算", g.inds[c].Name)
	}
	for g.col < c-1 {
		g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if g.col != c-1 {
		t.Fatalf("→ went to column %d, want %d", g.col, c-1)
	}
	g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if next < len(g.inds) && g.col != next {
		t.Errorf("Tab from %s went to %s, want %s past the computed %s", g.inds[c-1].Name, g.inds[g.col].Name, g.inds[next].Name, g.inds[c].Name)
	}
	// Tapping a computed cell and typing: refused at once, nothing saved.
	g.table.OnSelected(widget.TableCellID{Row: 1, Col: c + 1})
	test.Type(g, "5")
	if g.editing || !apptest.Shows(w.Content(), "由系统计算，不能录入") {
		t.Errorf("typing on the computed %s was not refused at the first keystroke", g.inds[c].Name)
	}
}
