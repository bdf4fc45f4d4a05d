// Package roster is the 党员花名册 screen: the searchable roster, the member form, transfers and status
// changes, the export and the roster import wizard.
package roster
