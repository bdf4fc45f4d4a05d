package ab

import "fyne.io/fyne/v2/widget"

// pick is rows[i] when i points into rows: the row a table's or list's selection names, none
// when nothing (-1) or a row since gone is selected. The catalogue, the absences and the
// calendar all pick their current row this way.
func pick[T any](rows []T, i int) (T, bool) {
	if i < 0 || i >= len(rows) {
		var none T
		return none, false
	}
	return rows[i], true
}

// enableWhen enables the buttons that act on the selected row while there is one.
func enableWhen(selected bool, buttons ...*widget.Button) {
	for _, b := range buttons {
		if selected {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}
