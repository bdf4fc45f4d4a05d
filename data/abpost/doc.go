// Package abpost keeps the one-stop service catalogue of the administrative departments (AB岗):
// service items with their door, an A post and a B post held by persons on dated assignments,
// absences, the working-day calendar, and the coverage computed from them — who serves each item
// on each service day, the gaps, and the warnings the office must act on.
package abpost

import "dangjian/data/internal/sqldb"

// Imports of the catalogue and of holiday sheets are undone through data's one batch mechanism,
// which writes only to tables it was told about.
func init() {
	sqldb.RegisterUndoable("ab_item", "ab_assignment", "ab_absence", "ab_calendar_day")
}
