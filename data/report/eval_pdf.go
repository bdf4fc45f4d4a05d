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
	evalLine   = 4.4 // mm per text line at 9 pt
	evalPad    = 1.2
	evalFontPt = 9
)

// evalTable draws a bordered table with wrapped cells, breaking pages and repeating the
// header row; merged cells of the first column span a group of rows.
type evalTable struct {
	pdf    *fpdf.Fpdf
	widths []float64
	header []string
	align  []string
}

func (t *evalTable) lines(text string, w float64) int { return len(t.split(text, w)) }

func (t *evalTable) rowHeight(cells []string, from int) float64 {
	h := 1
	for i := from; i < len(cells); i++ {
		h = max(h, t.lines(cells[i], t.widths[i]))
	}
	return float64(h)*evalLine + 2*evalPad
}

// cell draws one bordered cell at x, y with text wrapped and vertically centred.
func (t *evalTable) cell(x, y, w, h float64, text, align string, bold bool) {
	p := t.pdf
	p.Rect(x, y, w, h, "D")
	style := ""
	if bold {
		style = "B"
	}
	p.SetFont(Font, style, evalFontPt)
	n := t.lines(text, w)
	top := y + (h-float64(n)*evalLine)/2
	for _, line := range t.split(text, w) {
		p.SetXY(x+evalPad, top)
		p.CellFormat(w-2*evalPad, evalLine, line, "", 0, align, false, 0, "")
		top += evalLine
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
	if need := float64(t.lines(first, t.widths[0]))*evalLine + 2*evalPad; total < need && len(rows) > 0 {
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
			t.cell(x, y, t.widths[i], h, r[i], t.align[i], false)
			x += t.widths[i]
		}
		p.SetXY(t.left(), y+h)
	}
	flush(p.GetY())
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
	p.CellFormat(0, 10, title, "", 1, "C", false, 0, "")
	p.SetFont(Font, "", 10.5)
	p.CellFormat(0, 8, line, "", 1, "L", false, 0, "")
	p.Ln(1)
}

// EvalSheetsPDF draws the evaluation sheet of every organ, one organ per page.
func EvalSheetsPDF(sn *criteria.Snapshot, blank bool) *fpdf.Fpdf {
	p := newEvalDoc()
	groups := sn.Round.ScoreGroups()
	header := []string{"一级指标", "二级指标", "考评内容及评分标准", "分值"}
	widths := []float64{18, 20, 54, 12}
	align := []string{"C", "C", "L", "C"}
	for _, g := range groups {
		header = append(header, g.Column())
		widths = append(widths, 14)
		align = append(align, "C")
	}
	header = append(header, "扣分/加分说明")
	widths = append(widths, 180-sum(widths))
	align = append(align, "L")
	t := &evalTable{pdf: p, widths: widths, header: header, align: align}
	for _, o := range sn.Round.Organs {
		date := "__________"
		if !blank && !sn.Round.RefDate.IsZero() {
			date = sn.Round.RefDate.Format("2006年1月2日")
		}
		pageTitle(p, fmt.Sprintf("%d年度模范机关创建考评表", sn.Round.Year), fmt.Sprintf("被考评单位：%s          考评日期：%s", o.Name, date))
		t.drawHeader()
		totals := make([]float64, len(groups))
		maxSum := 0.0
		for _, d := range sn.Set.Dimensions {
			var rows [][]string
			dimSums := make([]float64, len(groups))
			for _, in := range d.Indicators {
				r := []string{"", in.Name, in.Content, criteria.FormatPoints(in.Max)}
				note := ""
				for gi, g := range groups {
					v, ok := sn.Points(o.ID, in, g.ID)
					text := ""
					if ok && (!blank || in.FromData()) {
						text = criteria.FormatPoints(v)
						dimSums[gi] += v
					}
					r = append(r, text)
					if sc, has := sn.Scores[criteria.CellKey{Organ: o.ID, Indicator: in.ID, Group: g.ID}]; has && !blank && note == "" {
						note = sc.Note
					}
				}
				if in.FromData() {
					note = sheets.ValueNote(sn.Values[[2]int64{o.ID, in.ID}])
				}
				rows = append(rows, append(r, note))
			}
			label := fmt.Sprintf("%s\n（%s分）", d.Name, criteria.FormatPoints(d.Weight))
			if d.Bonus {
				label = fmt.Sprintf("%s\n（上限%s分）", d.Name, criteria.FormatPoints(d.Cap))
			} else {
				maxSum += d.Weight
			}
			t.group(label, rows)
			for gi := range groups {
				if d.Bonus && d.Cap > 0 {
					dimSums[gi] = min(dimSums[gi], d.Cap)
				}
				totals[gi] += dimSums[gi]
			}
		}
		y := p.GetY()
		x := t.left()
		t.cell(x, y, widths[0]+widths[1]+widths[2], 8, "合计", "C", true)
		x += widths[0] + widths[1] + widths[2]
		t.cell(x, y, widths[3], 8, criteria.FormatPoints(maxSum), "C", true)
		x += widths[3]
		for gi := range groups {
			text := ""
			if !blank {
				text = criteria.FormatPoints(totals[gi])
			}
			t.cell(x, y, widths[4+gi], 8, text, "C", true)
			x += widths[4+gi]
		}
		t.cell(x, y, widths[len(widths)-1], 8, "加分项另计，最高加分见上", "L", false)
		p.SetXY(t.left(), y+14)
		p.SetFont(Font, "", 10.5)
		p.CellFormat(0, 8, "考评人签字：__________    被考评单位负责人签字：__________    日期：__________", "", 1, "L", false, 0, "")
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
		pageTitle(p, sheets.BallotTitle(sn.Round.Year), "测评人类别："+cat+"（不记名）")
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
	widths := []float64{12, 28}
	for range sn.Round.Groups {
		widths = append(widths, 22)
	}
	widths = append(widths, 16, 16)
	widths = append(widths, 180-sum(widths))
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
	pageTitle(p, sheets.ResultsTitle(sn.Round.Year), line)
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
	note(p, "等级：总分 ≥ 90 优秀，80–89.9 良好，70–79.9 合格，< 70 不合格；一票否决者为不合格。")
	return p
}

// note writes a paragraph under a table across the page, wrapped like the table's cells.
func note(p *fpdf.Fpdf, text string) {
	l, _, r, _ := p.GetMargins()
	w, _ := p.GetPageSize()
	for _, line := range wrapText(p, text, w-l-r) {
		p.SetX(l)
		p.CellFormat(0, 5, line, "", 1, "L", false, 0, "")
	}
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
