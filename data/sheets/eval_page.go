package sheets

import (
	"fmt"

	"dangjian/data/criteria"
)

// EvalPage is what one organ's evaluation sheet shows, worked out once for the workbook and the
// PDF alike: so the two print the same title, values, notes, totals and signature block.
type EvalPage struct {
	Title   string // 某某研究院2025年度模范机关创建考评表
	Organ   criteria.Organ
	Date    string   // 考评日期 as printed; "" leaves the line to fill in
	Columns []string // the header row
	Groups  []criteria.Group
	Dims    []EvalPageDim
	MaxSum  float64  // the 分值 of the non-bonus dimensions
	Totals  []string // per score group: the total, 未完成 while scores are missing, "" on a blank sheet
	Veto    string   // 一票否决：… on the vetoed organ's sheet, else ""
	Blank   bool
}

// EvalPageDim is a 一级指标 with its label (name and weight or cap) and its rows.
type EvalPageDim struct {
	Dim   criteria.Dimension
	Label string
	Rows  []EvalPageRow
}

// EvalPageRow is one indicator: its points per score group (Has false: not printed) and the
// 说明. A computed (or balloted) indicator has ONE value, printed once in the last score column
// (the 考评组 confirms or overrides it) with 系统计算 in the others.
type EvalPageRow struct {
	Ind      criteria.Indicator
	Points   []float64
	Has      []bool
	Computed bool
	Note     string
}

// computedMark stands in the score columns of a computed indicator beside its one value.
const computedMark = "系统计算"

// computedNotePrefix marks the value the system computed, in 说明 and on the PDF.
const computedNotePrefix = "系统计算："

// EvalSignLines end every evaluation sheet: the evaluators, the group's head, the evaluated
// unit's head, the date and the seal.
var EvalSignLines = []string{
	"考评人签字：________________　　　考评组组长签字：________________",
	"被考评单位负责人签字：________________　　　（盖章）",
	"日期：________年____月____日",
}

// EvalInstructions is the 填表说明 printed on blank sheets.
var EvalInstructions = []string{
	"填表说明：",
	"1. 每个被考评单位一张表。“自评分”由被考评单位填写，“考评分”由考评组填写，不填的栏留空。",
	"2. 扣分、加分项填扣（加）后的得分，在 0 至分值之间，可有一位小数；分档项只能填所列档次（如 8、6、4、0），也可填 好、较好、一般、差。",
	"3. 标“系统计算”的指标由本系统按数据计算，只填一个值；如需改动，请填新的分数并在“扣分/加分说明”栏写明理由。",
	"4. 合计由公式自动计算。请勿改动表头和指标名称，导入时按它们读取分数；考评日期写成“2025年11月20日”。",
}

// EvalTitle is the sheet's title with the institute's (else the 党委's) name.
func EvalTitle(sn *criteria.Snapshot) string {
	return fmt.Sprintf("%s%d%s", sn.TitleName, sn.Round.Year, evalTitleSuffix)
}

// NewEvalPage works out one organ's sheet; blank leaves the typed scores and notes out (the
// computed values stay: they come from the data).
func NewEvalPage(sn *criteria.Snapshot, o criteria.Organ, blank bool) EvalPage {
	pg := EvalPage{Title: EvalTitle(sn), Organ: o, Columns: evalColumns(sn.Round), Groups: sn.Round.ScoreGroups(), Blank: blank}
	if !blank && !o.EvalDate.IsZero() {
		pg.Date = o.EvalDate.Format("2006年1月2日")
	}
	b := evalPageBuilder{sn: sn, o: o, groups: pg.Groups, blank: blank, missing: make([]int, len(pg.Groups))}
	totals := make([]float64, len(pg.Groups))
	for _, d := range sn.Set.Dimensions {
		if !d.Bonus {
			pg.MaxSum += d.Weight
		}
		pd, sums := b.dimension(d)
		for gi := range pg.Groups {
			totals[gi] += sums[gi]
		}
		pg.Dims = append(pg.Dims, pd)
	}
	pg.Totals = b.totalTexts(totals)
	if v := sn.Vetoes[o.ID]; v != "" && !blank {
		pg.Veto = "一票否决：" + v + "（考评等次为不合格）"
	}
	return pg
}

// evalPageBuilder works out the rows of one organ's sheet, counting per score group the
// indicators that have no points yet.
type evalPageBuilder struct {
	sn      *criteria.Snapshot
	o       criteria.Organ
	groups  []criteria.Group
	blank   bool
	missing []int // per score group
}

// dimension works out a 一级指标's label and rows, and its sum per score group (a bonus
// dimension's capped).
func (b *evalPageBuilder) dimension(d criteria.Dimension) (EvalPageDim, []float64) {
	pd := EvalPageDim{Dim: d, Label: fmt.Sprintf("%s\n（%s分）", d.Name, criteria.FormatPoints(d.Weight))}
	if d.Bonus {
		pd.Label = fmt.Sprintf("%s\n（上限%s分）", d.Name, criteria.FormatPoints(d.Cap))
	}
	sums := make([]float64, len(b.groups))
	for _, in := range d.Indicators {
		pd.Rows = append(pd.Rows, b.row(in, sums))
	}
	if d.Bonus && d.Cap > 0 {
		for gi := range sums {
			sums[gi] = min(sums[gi], d.Cap)
		}
	}
	return pd, sums
}

// row works out one indicator's points per score group, adding them to sums, and its 说明.
func (b *evalPageBuilder) row(in criteria.Indicator, sums []float64) EvalPageRow {
	r := EvalPageRow{Ind: in, Points: make([]float64, len(b.groups)), Has: make([]bool, len(b.groups)), Computed: in.FromData()}
	last := len(b.groups) - 1
	for gi, g := range b.groups {
		if r.Computed && gi < last {
			// counted once, from the last column, in the sum below
			p, ok := b.sn.Points(b.o.ID, in, b.groups[last].ID)
			sums[gi] += p
			if !ok {
				b.missing[gi]++
			}
			continue
		}
		if p, ok := b.sn.Points(b.o.ID, in, g.ID); ok && (!b.blank || r.Computed) {
			r.Points[gi], r.Has[gi] = p, true
			sums[gi] += p
		} else {
			b.missing[gi]++
		}
		// The note of the rightmost group that scored: the import gives it back to that group.
		if sc, has := b.sn.Scores[criteria.CellKey{Organ: b.o.ID, Indicator: in.ID, Group: g.ID}]; has && !b.blank && sc.Note != "" {
			r.Note = sc.Note
		}
	}
	if r.Computed {
		r.Note = ValueNote(b.sn.Values[[2]int64{b.o.ID, in.ID}])
	}
	return r
}

// totalTexts are the 合计 per score group: empty on a blank sheet, 未完成 while a score is
// missing, else the total.
func (b *evalPageBuilder) totalTexts(totals []float64) []string {
	var out []string
	for gi := range b.groups {
		switch {
		case b.blank:
			out = append(out, "")
		case b.missing[gi] > 0:
			out = append(out, criteria.Incomplete)
		default:
			out = append(out, criteria.FormatPoints(totals[gi]))
		}
	}
	return out
}

// TotalNote is what the 合计 row's 说明 cell says.
func (pg EvalPage) TotalNote() string {
	for _, d := range pg.Dims {
		if d.Dim.Bonus && d.Dim.Cap > 0 {
			return fmt.Sprintf("含加分项，加分最多计%s分", criteria.FormatPoints(d.Dim.Cap))
		}
	}
	return ""
}

// ValueNote is what the 说明 column says of a computed value: that the system computed it and
// how, and the evaluator's correction with its reason.
func ValueNote(v criteria.Value) string {
	if v.Override != nil {
		return fmt.Sprintf("%s%s；修正为 %s，理由：%s", computedNotePrefix, v.How, criteria.FormatPoints(v.Override.Points), v.Override.Reason)
	}
	return computedNotePrefix + v.How
}
