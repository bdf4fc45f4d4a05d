// Package sheets reads and writes the Excel and CSV files of 党建融合工作台: the tolerant
// roster import, the print-ready exports and the printable evaluation sheets.
package sheets
