package report

import (
	"context"
	"time"

	"github.com/go-pdf/fpdf"

	"dangjian/data"
	"dangjian/data/sheets"
)

const (
	guideLine = 5 // mm per text line at 9 pt
	guidePad  = 1
)

// guideCols are the guide's columns and their widths in mm (267 across a landscape page).
var guideCols = []struct {
	title string
	w     float64
}{{"服务事项", 46}, {"办理窗口", 40}, {"办理时限", 22}, {"所需材料（一次性告知）", 80}, {"联系电话", 31}, {"A岗", 24}, {"B岗", 24}}

// guideCells wraps each cell of a row as printed Chinese breaks lines (wrap.go) — fpdf's own
// wrapping began lines with "）" — and returns the lines of the longest cell, the row's height.
func guideCells(pdf *fpdf.Fpdf, vals []string) ([][]string, int) {
	cells := make([][]string, len(vals))
	lines := 1
	for i, v := range vals {
		cells[i] = wrapText(pdf, v, guideCols[i].w-2*guidePad)
		lines = max(lines, len(cells[i]))
	}
	return cells, lines
}

// WriteGuide writes the 一站式服务指南 as an A4 landscape PDF with the embedded font: one block
// per department, a table of its items (door, time limit, materials, phone, A and B), for the
// public wall and the institute's web site.
func WriteGuide(ctx context.Context, s *data.Store, path string, on time.Time) error {
	items, title, note, err := sheets.GuideContent(ctx, s, on)
	if err != nil {
		return err
	}
	pdf := NewA4(true)
	pdf.SetCellMargin(0) // cells are drawn at exactly the width wrapText measured
	pdf.SetTitle(title, true)
	// 第 X 页 共 Y 页 comes with NewA4, as on every PDF.
	cols := guideCols
	header := func() {
		pdf.SetFont(Font, "B", 9)
		pdf.SetFillColor(231, 230, 230)
		for _, c := range cols {
			pdf.CellFormat(c.w, 8, c.title, "1", 0, "C", true, 0, "")
		}
		pdf.Ln(-1)
		pdf.SetFont(Font, "", 9)
	}
	pdf.AddPage()
	pdf.SetFont(Font, "B", 18)
	pdf.CellFormat(0, 10, title, "", 1, "C", false, 0, "")
	pdf.SetFont(Font, "", 9)
	pdf.CellFormat(0, 6, note, "", 1, "C", false, 0, "")
	pdf.Ln(2)
	dept := ""
	for _, it := range items {
		if it.Dept != dept {
			dept = it.Dept
			if pdf.GetY()+32 > 190 { // a department's title, header and first row stay together
				pdf.AddPage()
			}
			pdf.Ln(2)
			pdf.SetFont(Font, "B", 12)
			pdf.CellFormat(0, 8, dept, "", 1, "L", false, 0, "")
			header()
		}
		b := it.BName
		if b == "" {
			b = "—"
		}
		vals := []string{it.Name, it.Door, sheets.TimeLimitText(it.TimeLimit), it.Materials, it.Phone, it.AName, b}
		cells, lines := guideCells(pdf, vals)
		h := float64(lines)*guideLine + 2*guidePad
		if pdf.GetY()+h > 190 {
			pdf.AddPage()
			header()
		}
		x, y := pdf.GetXY()
		for i := range vals {
			pdf.Rect(x, y, cols[i].w, h, "D")
			for k, line := range cells[i] {
				pdf.SetXY(x+guidePad, y+guidePad+float64(k)*guideLine)
				pdf.CellFormat(cols[i].w-2*guidePad, guideLine, line, "", 0, "L", false, 0, "")
			}
			x += cols[i].w
		}
		pdf.SetXY(15, y+h)
	}
	return Save(pdf, path)
}
