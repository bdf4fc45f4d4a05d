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
	totals := make([]float64, len(pg.Groups))
	missing := make([]int, len(pg.Groups))
	for _, d := range sn.Set.Dimensions {
		pd := EvalPageDim{Dim: d, Label: fmt.Sprintf("%s\n（%s分）", d.Name, criteria.FormatPoints(d.Weight))}
		if d.Bonus {
			pd.Label = fmt.Sprintf("%s\n（上限%s分）", d.Name, criteria.FormatPoints(d.Cap))
		} else {
			pg.MaxSum += d.Weight
		}
		sums := make([]float64, len(pg.Groups))
		for _, in := range d.Indicators {
			r := EvalPageRow{Ind: in, Points: make([]float64, len(pg.Groups)), Has: make([]bool, len(pg.Groups)), Computed: in.FromData()}
			for gi, g := range pg.Groups {
				p, ok := sn.Points(o.ID, in, g.ID)
				if r.Computed && gi < len(pg.Groups)-1 {
					// counted once, from the last column, in the sum below
					p, ok = sn.Points(o.ID, in, pg.Groups[len(pg.Groups)-1].ID)
					sums[gi] += p
					if !ok {
						missing[gi]++
					}
					continue
				}
				if ok && (!blank || r.Computed) {
					r.Points[gi], r.Has[gi] = p, true
					sums[gi] += p
				} else {
					missing[gi]++
				}
				// The note of the rightmost group that scored: the import gives it back to that group.
				if sc, has := sn.Scores[criteria.CellKey{Organ: o.ID, Indicator: in.ID, Group: g.ID}]; has && !blank && sc.Note != "" {
					r.Note = sc.Note
				}
			}
			if r.Computed {
				r.Note = ValueNote(sn.Values[[2]int64{o.ID, in.ID}])
			}
			pd.Rows = append(pd.Rows, r)
		}
		for gi := range pg.Groups {
			if d.Bonus && d.Cap > 0 {
				sums[gi] = min(sums[gi], d.Cap)
			}
			totals[gi] += sums[gi]
		}
		pg.Dims = append(pg.Dims, pd)
	}
	for gi := range pg.Groups {
		switch {
		case blank:
			pg.Totals = append(pg.Totals, "")
		case missing[gi] > 0:
			pg.Totals = append(pg.Totals, criteria.Incomplete)
		default:
			pg.Totals = append(pg.Totals, criteria.FormatPoints(totals[gi]))
		}
	}
	if v := sn.Vetoes[o.ID]; v != "" && !blank {
		pg.Veto = "一票否决：" + v + "（考评等次为不合格）"
	}
	return pg
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
