package eval

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
)

// In a 1024×700 window the results table shows every column up to 等级 — the grade is what
// people look for — without a sideways scroll, each cell drawn whole; only 备注 may run on.
func TestResultsShowTheGradeAt1024(t *testing.T) {
	wb, e := evalInShell(t)
	wb.Window.Resize(fyne.NewSize(1024, 700))
	e.tabs.SelectIndex(1)
	table := e.results.table
	d := fyne.CurrentApp().Driver()
	right := d.AbsolutePositionForObject(table).X + table.Size().Width
	labels := apptest.FindAll[*widget.Label](table)
	remarks := right // where the 备注 column starts, when it is drawn at all
	grade := false
	for _, l := range labels {
		if l.Visible() && l.TextStyle.Bold && l.Text == "备注" {
			remarks = d.AbsolutePositionForObject(l).X
		}
		grade = grade || l.Visible() && l.TextStyle.Bold && l.Text == "等级"
	}
	if !grade {
		t.Fatal("the 等级 header is not drawn at 1024×700")
	}
	for _, l := range labels {
		x := d.AbsolutePositionForObject(l).X
		if l.Text == "" || !l.Visible() || x >= remarks-0.5 {
			continue
		}
		if end := x + l.Size().Width; end > right+0.5 {
			t.Errorf("%q is cut at the table's right edge (ends at %.0f, the table at %.0f)", l.Text, end, right)
		}
		if drawn := apptest.Drawn(l); drawn != l.Text {
			t.Errorf("cell drawn as %q, it says %q", drawn, l.Text)
		}
	}
}
