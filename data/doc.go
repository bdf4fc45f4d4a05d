// Package data is the model of 党建融合工作台, its rules and its SQLite storage.
//
// It never imports Fyne: the desktop app and the command line both call its methods, which run
// SQL in one transaction per user action and return plain Go values.
package data
