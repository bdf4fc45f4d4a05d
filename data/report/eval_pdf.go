package report

import (
	"fmt"

	"github.com/go-pdf/fpdf"

	"dangjian/data/criteria"
	"dangjian/data/sheets"
)

// The model-organ evaluation sheets, ballots and results as PDF: the same layout as the
// workbooks (data/sheets), one organ per page, all organs in ONE document — registering the
// embedded font parses 10 MB, so a document per organ would cost a second per ten organs.

const (
	evalLine   = 4.0 // mm per text line at 9 pt
	evalPad    = 0.9
	evalFontPt = 9
	// evalMinPt is the smallest cell text a sheet is shrunk to so that it fits one page.
	evalMinPt = 8
	// evalSignLine is the height of a signature line: room to sign by hand.
	evalSignLine = 7.5
)

// evalTable draws a bordered table with wrapped cells, breaking pages and repeating the
// header row; merged cells of the first column span a group of rows.
type evalTable struct {
	pdf    *fpdf.Fpdf
	widths []float64
	header []string
	align  []string
	// pt and line are the cells' font size and mm per line: evalFontPt and evalLine, or
	// smaller (never under evalMinPt) where an organ's sheet would otherwise not fit its page.
	pt, line float64
}

func (t *evalTable) lines(text string, w float64) int { return len(t.split(text, w)) }

func (t *evalTable) rowHeight(cells []string, from int) float64 {
	t.pdf.SetFont(Font, "", t.pt) // measured in the font the cells are drawn in
	h := 1
	for i := from; i < len(cells); i++ {
		h = max(h, t.lines(cells[i], t.widths[i]))
	}
	return float64(h)*t.line + 2*evalPad
}

// cell draws one bordered cell at x, y with text wrapped and vertically centred.
func (t *evalTable) cell(x, y, w, h float64, text, align string, bold bool) {
	p := t.pdf
	p.Rect(x, y, w, h, "D")
	style := ""
	if bold {
		style = "B"
	}
	p.SetFont(Font, style, t.pt)
	n := t.lines(text, w)
	top := y + (h-float64(n)*t.line)/2
	for _, line := range t.split(text, w) {
		p.SetXY(x+evalPad, top)
		p.CellFormat(w-2*evalPad, t.line, line, "", 0, align, false, 0, "")
		top += t.line
	}
}

// split wraps text to a cell of width w, the way printed Chinese breaks lines.
func (t *evalTable) split(text string, w float64) []string {
	return wrapText(t.pdf, text, w-2*evalPad)
}

func (t *evalTable) drawHeader() {
	p := t.pdf
	y := p.GetY()
	h := t.rowHeight(t.header, 0)
	x := p.GetX()
	p.SetFillColor(231, 230, 230)
	for i, w := range t.widths {
		p.Rect(x, y, w, h, "F")
		t.cell(x, y, w, h, t.header[i], "C", true)
		x += w
	}
	p.SetXY(t.left(), y+h)
}

func (t *evalTable) left() float64 { l, _, _, _ := t.pdf.GetMargins(); return l }

func (t *evalTable) bottom() float64 {
	_, h := t.pdf.GetPageSize()
	_, _, _, b := t.pdf.GetMargins()
	return h - b
}

// spanCell in a row joins that cell to the one on its left (a computed value printed once
// across the score columns, as the workbook merges them).
const spanCell = "\x00"

// group draws rows whose first column is one merged cell labelled first; the label repeats
// when the group continues on the next page.
func (t *evalTable) group(first string, rows [][]string) {
	p := t.pdf
	segStart := p.GetY()
	flush := func(end float64) {
		if end > segStart {
			t.cell(t.left(), segStart, t.widths[0], end-segStart, first, "C", true)
		}
		p.SetXY(t.left(), end) // drawing the label moved the cursor into the block
	}
	heights := make([]float64, len(rows))
	total := 0.0
	for i, r := range rows {
		heights[i] = t.rowHeight(r, 1)
		total += heights[i]
	}
	if need := float64(t.lines(first, t.widths[0]))*t.line + 2*evalPad; total < need && len(rows) > 0 {
		heights[len(rows)-1] += need - total // a one-row group still shows its whole label
	}
	for ri, r := range rows {
		h := heights[ri]
		if p.GetY()+h > t.bottom() {
			flush(p.GetY())
			p.AddPage()
			t.drawHeader()
			segStart = p.GetY()
		}
		y := p.GetY()
		x := t.left() + t.widths[0]
		for i := 1; i < len(r); i++ {
			w := t.widths[i]
			for j := i + 1; j < len(r) && r[j] == spanCell; j++ {
				w += t.widths[j]
			}
			if r[i] != spanCell {
				t.cell(x, y, w, h, r[i], t.align[i], false)
			}
			x += t.widths[i]
		}
		p.SetXY(t.left(), y+h)
	}
	flush(p.GetY())
}

// evalRows are the cells of an organ's sheet, dimension by dimension, with their labels.
func evalRows(pg sheets.EvalPage, groups int) (labels []string, dims [][][]string) {
	for _, d := range pg.Dims {
		var rows [][]string
		for _, r := range d.Rows {
			cells := []string{"", r.Ind.Name, r.Ind.Content, criteria.FormatPoints(r.Ind.Max)}
			for gi := range groups {
				text := ""
				if r.Has[gi] {
					text = criteria.FormatPoints(r.Points[gi])
				}
				if r.Computed && gi < groups-1 {
					text = spanCell
					if gi == 0 {
						text = "系统计算"
					}
				}
				cells = append(cells, text)
			}
			rows = append(rows, append(cells, r.Note))
		}
		labels, dims = append(labels, d.Label), append(dims, rows)
	}
	return labels, dims
}

// fit shrinks the cell text in half-point steps, down to evalMinPt, until the table from top
// and the need mm under it (total, signatures, 填表说明) fit one page: one organ, one sheet,
// also when its computed working names many branches.
func (t *evalTable) fit(top, need float64, labels []string, dims [][][]string) {
	for ; t.pt > evalMinPt; t.pt -= 0.5 {
		t.line = evalLine * t.pt / evalFontPt
		h := t.rowHeight(t.header, 0)
		for i, rows := range dims {
			total := 0.0
			for _, r := range rows {
				total += t.rowHeight(r, 1)
			}
			h += max(total, float64(t.lines(labels[i], t.widths[0]))*t.line+2*evalPad)
		}
		if top+h+need <= t.bottom() {
			return
		}
	}
	t.line = evalLine * t.pt / evalFontPt
}

// newEvalDoc is an A4 portrait document whose page breaks the tables make themselves, so
// that a wrapped cell never spills onto a page of its own.
func newEvalDoc() *fpdf.Fpdf {
	p := NewA4(false)
	p.SetAutoPageBreak(false, 15)
	p.SetCellMargin(0) // cells are drawn at exactly the width wrapLines measured
	return p
}

func pageTitle(p *fpdf.Fpdf, title, line string) {
	p.AddPage()
	p.SetFont(Font, "B", 16)
	p.CellFormat(0, 9, title, "", 1, "C", false, 0, "")
	p.SetFont(Font, "", 10.5)
	p.CellFormat(0, 7, line, "", 1, "L", false, 0, "")
	p.Ln(1)
}

// EvalSheetsPDF draws the evaluation sheet of every organ, one organ per page, from the same
// page model as the workbook (sheets.NewEvalPage).
func EvalSheetsPDF(sn *criteria.Snapshot, blank bool) *fpdf.Fpdf {
	p := newEvalDoc()
	groups := sn.Round.ScoreGroups()
	// The workbook's column proportions, on the page's 180 mm.
	xw := sheets.EvalWidths(len(groups) + 5)
	var widths []float64
	for _, w := range xw {
		widths = append(widths, w*180/sum(xw))
	}
	align := []string{"C", "C", "L", "C"}
	for range groups {
		align = append(align, "C")
	}
	align = append(align, "L")
	for _, o := range sn.Round.Organs {
		pg := sheets.NewEvalPage(sn, o, blank)
		t := &evalTable{pdf: p, widths: widths, header: pg.Columns, align: align, pt: evalFontPt, line: evalLine}
		date := pg.Date
		if date == "" {
			date = "________年____月____日"
		}
		labels, dims := evalRows(pg, len(groups))
		need := 8 + 3 + evalSignLine*float64(len(sheets.EvalSignLines))
		if pg.Veto != "" {
			need += 6
		}
		if blank {
			need += 2 + instructionsHeight(p)
		}
		pageTitle(p, pg.Title, fmt.Sprintf("被考评单位：%s          考评日期：%s", o.Name, date))
		t.fit(p.GetY(), need, labels, dims)
		t.drawHeader()
		for i, rows := range dims {
			t.group(labels[i], rows)
		}
		y := p.GetY()
		if y+need > t.bottom() { // the total, veto and signatures stay together
			p.AddPage()
			y = p.GetY()
		}
		x := t.left()
		t.cell(x, y, widths[0]+widths[1]+widths[2], 8, "合计", "C", true)
		x += widths[0] + widths[1] + widths[2]
		t.cell(x, y, widths[3], 8, criteria.FormatPoints(pg.MaxSum), "C", true)
		x += widths[3]
		for gi := range groups {
			t.cell(x, y, widths[4+gi], 8, pg.Totals[gi], "C", true)
			x += widths[4+gi]
		}
		t.cell(x, y, widths[len(widths)-1], 8, pg.TotalNote(), "L", false)
		p.SetXY(t.left(), y+8)
		if pg.Veto != "" {
			p.SetFont(Font, "B", 11)
			p.SetTextColor(192, 0, 0)
			note(p, pg.Veto)
			p.SetTextColor(0, 0, 0)
		}
		p.Ln(1)
		p.SetFont(Font, "", 10.5)
		for _, line := range sheets.EvalSignLines {
			p.CellFormat(0, evalSignLine, line, "", 1, "L", false, 0, "")
		}
		if blank {
			p.Ln(2)
			p.SetFont(Font, "", instructionsPt)
			for _, line := range sheets.EvalInstructions {
				noteAt(p, line, instructionsLine)
			}
		}
	}
	return p
}

// EvalBallotsPDF draws the satisfaction ballot, one page per evaluator category.
func EvalBallotsPDF(sn *criteria.Snapshot) *fpdf.Fpdf {
	p := newEvalDoc()
	header := append([]string{"序号", "被测评单位"}, sheets.BallotChoices...)
	widths := []float64{16, 64, 25, 25, 25, 25}
	t := &evalTable{pdf: p, widths: widths, header: header, align: []string{"C", "C", "C", "C", "C", "C"}}
	for _, cat := range criteria.BallotCategories {
		pageTitle(p, sheets.BallotTitle(sn), "测评人类别："+cat+"（不记名）")
		t.drawHeader()
		for i, o := range sn.Round.Organs {
			y := p.GetY()
			if y+9 > t.bottom() {
				p.AddPage()
				t.drawHeader()
				y = p.GetY()
			}
			x := t.left()
			for c, text := range []string{fmt.Sprint(i + 1), o.Name, "", "", "", ""} {
				t.cell(x, y, widths[c], 9, text, "C", false)
				x += widths[c]
			}
			p.SetXY(t.left(), y+9)
		}
		p.Ln(3)
		p.SetFont(Font, "", 9.5)
		note(p, sheets.BallotNote)
	}
	return p
}

// EvalResultsPDF draws the results summary.
func EvalResultsPDF(sn *criteria.Snapshot) *fpdf.Fpdf {
	p := newEvalDoc()
	header := sheets.ResultsHeader(sn.Round)
	var widths []float64
	xw := sheets.ResultsWidths(len(header))
	for _, w := range xw {
		widths = append(widths, w*180/sum(xw)) // the workbook's proportions
	}
	align := make([]string, len(widths))
	for i := range align {
		align[i] = "C"
	}
	align[len(align)-1] = "L"
	t := &evalTable{pdf: p, widths: widths, header: header, align: align}
	line := "考评轮次：" + sn.Round.Name
	if sn.Round.Locked {
		line += "（已定稿）"
	}
	pageTitle(p, sheets.ResultsTitle(sn), line)
	t.drawHeader()
	for _, x := range sn.Results() {
		r := sheets.ResultsRow(sn.Round, x)
		h := t.rowHeight(r, 0)
		if p.GetY()+h > t.bottom() {
			p.AddPage()
			t.drawHeader()
		}
		y, cx := p.GetY(), t.left()
		for i, text := range r {
			t.cell(cx, y, widths[i], h, text, align[i], false)
			cx += widths[i]
		}
		p.SetXY(t.left(), y+h)
	}
	p.Ln(3)
	p.SetFont(Font, "", 9.5)
	note(p, sheets.ResultsGradeNote)
	if p.GetY()+6+evalSignLine*float64(len(sheets.ResultsSignLines)) > t.bottom() {
		p.AddPage()
	}
	p.Ln(6)
	p.SetFont(Font, "", 10.5)
	for _, line := range sheets.ResultsSignLines {
		p.CellFormat(0, evalSignLine+2, line, "", 1, "L", false, 0, "")
	}
	return p
}

// note writes a paragraph under a table across the page, wrapped like the table's cells.
func note(p *fpdf.Fpdf, text string) { noteAt(p, text, 5) }

// noteAt writes a paragraph with lines h mm apart.
func noteAt(p *fpdf.Fpdf, text string, h float64) {
	for _, line := range wrapText(p, text, pageWidth(p)) {
		l, _, _, _ := p.GetMargins()
		p.SetX(l)
		p.CellFormat(0, h, line, "", 1, "L", false, 0, "")
	}
}

func pageWidth(p *fpdf.Fpdf) float64 {
	l, _, r, _ := p.GetMargins()
	w, _ := p.GetPageSize()
	return w - l - r
}

// The 填表说明 of a blank sheet: small (but not under 8 pt) so it fits under the signatures.
const (
	instructionsPt   = 8.5
	instructionsLine = 3.7
)

func instructionsHeight(p *fpdf.Fpdf) float64 {
	p.SetFont(Font, "", instructionsPt)
	n := 0
	for _, line := range sheets.EvalInstructions {
		n += len(wrapText(p, line, pageWidth(p)))
	}
	return float64(n) * instructionsLine
}

func sum(ws []float64) float64 {
	t := 0.0
	for _, w := range ws {
		t += w
	}
	return t
}

// WriteEvalSheets writes the evaluation sheets PDF to path (atomically).
func WriteEvalSheets(path string, sn *criteria.Snapshot, blank bool) error {
	return Save(EvalSheetsPDF(sn, blank), path)
}

// WriteEvalBallots writes the ballot PDF to path.
func WriteEvalBallots(path string, sn *criteria.Snapshot) error {
	return Save(EvalBallotsPDF(sn), path)
}

// WriteEvalResults writes the results PDF to path.
func WriteEvalResults(path string, sn *criteria.Snapshot) error {
	return Save(EvalResultsPDF(sn), path)
}
