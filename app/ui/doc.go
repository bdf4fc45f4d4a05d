// Package ui is what every screen of 党建融合工作台 shares: the workbench (store, window, errors, long
// work), the shell, the theme, the one form dialog, date field, person picker, file chooser and
// keyboard table, and the typed change notices.
package ui
