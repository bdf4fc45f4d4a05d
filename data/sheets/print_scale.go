package sheets

import (
	"github.com/xuri/excelize/v2"
)

// What a sheet prints at: Excel and WPS shrink a sheet that is fit to one page wide by the
// ratio of the page's printable width to the columns' width, and a sheet written by the stream
// writer (which drops fitToPage) prints at the scale given. Both are worked out here from the
// column widths, so a writer can choose widths that keep 10 pt text at 8 pt or more, and a test
// can check what the paper shows.

// Page widths that print on A4 with PrintSetup's margins (0.4 in each side), in millimetres.
const (
	a4PortraitMM  = 210 - 2*10.16
	a4LandscapeMM = 297 - 2*10.16
)

// columnMM is the printed width of a column w Excel characters wide, at the default 11 pt font
// (7 px per character plus 5 px of padding, 96 px per inch).
func columnMM(w float64) float64 { return (w*7 + 5) * 25.4 / 96 }

// PrintScale is the scale a sheet with these column widths prints at when fit to one page wide:
// 1 when it fits, else the shrink.
func PrintScale(widths []float64, landscape bool) float64 {
	page := a4PortraitMM
	if landscape {
		page = a4LandscapeMM
	}
	total := 0.0
	for _, w := range widths {
		total += columnMM(w)
	}
	// LibreOffice (and WPS) measure characters a little wider than Excel: keep 3 % spare, or
	// the last columns go to a page of their own.
	page *= 0.97
	if total <= page {
		return 1
	}
	return page / total
}

// SheetWidths reads the widths of a sheet's columns first..last (1-based) as Excel sees them.
func SheetWidths(f *excelize.File, sheet string, last int) []float64 {
	out := make([]float64, 0, last)
	for c := 1; c <= last; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		w, err := f.GetColWidth(sheet, name)
		if err != nil {
			w = 9.140625
		}
		out = append(out, w)
	}
	return out
}
