package sheets

import (
	"fmt"
	"math"
	"strings"

	"dangjian/data/civil"
	"dangjian/data/criteria"
)

// Matching filled sheets against their round. The read-back is idempotent and loud: what the
// round already holds is taken as unchanged, and every cell that is not taken — an unknown
// column, a second sheet or row for the same thing, an empty cell, a refused value — is listed
// with its sheet and cell and what is kept instead.

// groupForHeader finds the score group a column heading names: its printed heading (自评分,
// 考评分) or what people type instead (自评得分, 考评组评分 …).
func groupForHeader(groups []criteria.Group, label string) (criteria.Group, bool) {
	label = strings.Join(strings.Fields(label), "")
	for _, g := range groups {
		col := g.Column()
		for _, name := range []string{col, strings.TrimSuffix(col, "分") + "得分", g.Name + "分", g.Name + "得分", g.Name + "评分"} {
			if label == name {
				return g, true
			}
		}
	}
	return criteria.Group{}, false
}

func isFixedHeader(label string) bool {
	switch label {
	case evalDimHeader, evalIndHeader, evalContHeader, evalMaxHeader:
		return true
	}
	return isNoteHeader(label)
}

// sheetMatch is the state of matching one worksheet.
type sheetMatch struct {
	imp    *EvalImport
	sn     *criteria.Snapshot
	sh     EvalSheet
	o      criteria.Organ
	groups map[string]criteria.Group // column heading → group
	order  []string                  // score headings in column order
	// empty holds, per heading, the cells left empty where the round has a score.
	empty map[string][]EvalCellError
}

func (m *sheetMatch) drop(row int, cell, msg, kept string) {
	m.imp.Errors = append(m.imp.Errors, EvalCellError{Sheet: m.sh.Name, Row: row, Cell: cell, Message: msg, Kept: kept})
}

// MatchEval checks the sheets against the round: known organs and indicators, one sheet per
// organ and one row per indicator, numbers (or graded words) within the max, changed computed
// values only with a reason.
func MatchEval(sn *criteria.Snapshot, sheets []EvalSheet) *EvalImport {
	imp := &EvalImport{Round: sn.Round}
	inds := map[string]criteria.Indicator{}
	for _, in := range sn.Set.Indicators() {
		inds[in.Name] = in
	}
	var headings []string
	for _, g := range sn.Round.ScoreGroups() {
		headings = append(headings, g.Column())
	}
	seen := map[int64]string{} // organ → the sheet it was read from
	for _, sh := range sheets {
		o, ok := sn.Round.OrganByName(sh.Organ)
		if !ok {
			imp.Errors = append(imp.Errors, EvalCellError{Sheet: sh.Name, Message: fmt.Sprintf("工作表“%s”的被考评单位“%s”不在考评轮次“%s”中，整张表未导入", sh.Name, sh.Organ, sn.Round.Name)})
			continue
		}
		if first, dup := seen[o.ID]; dup {
			imp.Errors = append(imp.Errors, EvalCellError{Sheet: sh.Name, Message: fmt.Sprintf("工作表“%s”与工作表“%s”都是“%s”的考评表，只导入了“%s”，“%s”整张表未导入；如要以它为准，请删去另一张后再导入", sh.Name, first, o.Name, first, sh.Name), Kept: "工作表“" + first + "”的分数"})
			continue
		}
		seen[o.ID] = sh.Name
		imp.Sheets = append(imp.Sheets, o.Name)
		m := &sheetMatch{imp: imp, sn: sn, sh: sh, o: o, groups: map[string]criteria.Group{}, empty: map[string][]EvalCellError{}}
		m.columns(headings)
		m.date()
		rowOf := map[int64]int{}
		for _, row := range sh.Rows {
			in, ok := inds[row.Indicator]
			if !ok {
				m.drop(row.Row, "", fmt.Sprintf("%s 第%d行 二级指标“%s”不在本轮指标体系中，该行未导入", o.Name, row.Row, row.Indicator), "")
				continue
			}
			if first, dup := rowOf[in.ID]; dup {
				m.drop(row.Row, "", fmt.Sprintf("%s 第%d行 二级指标“%s”与第%d行重复，只导入了第%d行，第%d行未导入", o.Name, row.Row, in.Name, first, first, row.Row), fmt.Sprintf("第%d行的分数", first))
				continue
			}
			rowOf[in.ID] = row.Row
			if in.FromData() {
				m.computedRow(in, row)
			} else {
				m.scoreRow(in, row)
			}
		}
		m.emptyCells()
	}
	return imp
}

// columns maps the score headings to their groups and lists the columns that are not read.
func (m *sheetMatch) columns(headings []string) {
	for _, c := range m.sh.Columns {
		switch {
		case c.Dup:
			if c.Filled > 0 {
				m.drop(0, c.Cell, fmt.Sprintf("%s 表头“%s”（%s）重复，只读取了前一列，这一列的 %d 格未导入", m.o.Name, c.Label, c.Cell, c.Filled), "前一列的分数")
			}
		case isFixedHeader(c.Label):
		default:
			if g, ok := groupForHeader(m.sn.Round.ScoreGroups(), c.Label); ok {
				m.groups[c.Label] = g
				m.order = append(m.order, c.Label)
			} else if c.Filled > 0 {
				m.drop(0, c.Cell, fmt.Sprintf("%s 表头“%s”（%s）不是本轮的评分栏（本轮为 %s），这一列的 %d 格未导入", m.o.Name, c.Label, c.Cell, strings.Join(headings, "、"), c.Filled), "")
			}
		}
	}
}

// date takes the 考评日期 written on the sheet.
func (m *sheetMatch) date() {
	if m.sh.Date == "" {
		return
	}
	kept := "未保存考评日期"
	if !m.o.EvalDate.IsZero() {
		kept = "保留原考评日期 " + civil.Format(m.o.EvalDate)
	}
	r, err := civil.Parse(m.sh.Date)
	if err != nil || r.MonthOnly {
		m.drop(0, m.sh.DateCell, fmt.Sprintf("%s 考评日期“%s”（%s）无法识别，请写成 2025年11月20日 这样的日期；%s", m.o.Name, m.sh.Date, m.sh.DateCell, kept), kept)
		return
	}
	m.imp.Dates = append(m.imp.Dates, criteria.OrganDate{Organ: m.o.ID, Date: r.Date})
}

// readPoints reads a typed score: a number, or for a graded indicator its level's word.
func readPoints(in criteria.Indicator, text string) (float64, string) {
	v, ok := in.LevelOf(text)
	if !ok {
		v, ok = ParsePoints(text)
	}
	graded := ""
	if _, words := in.LevelOf(criteria.LevelWords[0]); words {
		graded = "（或 " + strings.Join(criteria.LevelWords, "、") + "）"
	}
	if !ok {
		if in.Method == criteria.Graded && len(in.Levels) > 0 {
			return 0, fmt.Sprintf("“%s”不是分数，请填写 %s 之一%s", text, strings.ReplaceAll(criteria.FormatLevels(in.Levels), "/", "、"), graded)
		}
		return 0, fmt.Sprintf("“%s”不是数字，请填写 0–%s 之间的分数", text, criteria.FormatPoints(in.Max))
	}
	if err := criteria.CheckPoints(in, v); err != nil {
		return 0, "：" + err.Error() + graded
	}
	return v, ""
}

func (m *sheetMatch) where(row EvalSheetRow, label string) string {
	return fmt.Sprintf("%s 第%d行 %s（%s）", m.o.Name, row.Row, label, row.Cells[label])
}

// scoreRow takes the typed scores of one indicator row.
func (m *sheetMatch) scoreRow(in criteria.Indicator, row EvalSheetRow) {
	// One 说明 column serves every score column: it belongs to the rightmost score filled in
	// (the printer writes that group's note there), and the other groups keep the notes they have.
	noteLabel := ""
	for _, label := range m.order {
		if row.Scores[label] != "" {
			noteLabel = label
		}
	}
	for _, label := range m.order {
		g := m.groups[label]
		key := criteria.CellKey{Organ: m.o.ID, Indicator: in.ID, Group: g.ID}
		old, has := m.sn.Scores[key]
		kept := "该格未导入"
		if has {
			kept = "保留原分数 " + criteria.FormatPoints(old.Points)
		}
		text := row.Scores[label]
		if text == "" {
			if has {
				m.empty[label] = append(m.empty[label], EvalCellError{
					Sheet: m.sh.Name, Row: row.Row, Cell: row.Cells[label],
					Message: m.where(row, label) + "为空，" + kept, Kept: "原分数 " + criteria.FormatPoints(old.Points),
				})
			}
			continue
		}
		v, msg := readPoints(in, text)
		if msg != "" {
			m.drop(row.Row, row.Cells[label], m.where(row, label)+msg+"；"+kept, kept)
			continue
		}
		// A blank 说明 keeps the note the round has: clearing one is done in the window.
		note := old.Note
		if label == noteLabel && row.Note != "" {
			note = row.Note
		}
		m.imp.Scores = append(m.imp.Scores, criteria.ScoreEntry{Key: key, Points: v, Note: note})
	}
}

// computedRow takes a changed computed (or balloted) value. It has one value, printed once; a
// number typed beside the printed one is the change, and it needs a reason in 说明.
func (m *sheetMatch) computedRow(in criteria.Indicator, row EvalSheetRow) {
	cur := m.sn.Values[[2]int64{m.o.ID, in.ID}]
	kept := "保留计算值 " + criteria.FormatPoints(cur.Final())
	type typed struct {
		label string
		v     float64
	}
	var changed []typed
	for _, label := range m.order {
		text := row.Scores[label]
		if text == "" || text == computedMark {
			continue
		}
		v, msg := readPoints(in, text)
		if msg != "" {
			m.drop(row.Row, row.Cells[label], m.where(row, label)+msg+"；"+kept, kept)
			continue
		}
		if math.Abs(v-cur.Final()) >= 0.005 {
			changed = append(changed, typed{label, v})
		}
	}
	if len(changed) == 0 {
		return
	}
	c := changed[0]
	for _, o := range changed[1:] {
		if math.Abs(o.v-c.v) >= 0.005 {
			m.drop(row.Row, row.Cells[c.label], fmt.Sprintf("%s：“%s”由系统计算，只有一个值，%s 填 %s、%s 填 %s 不一致；%s", m.where(row, c.label), in.Name,
				row.Cells[c.label], criteria.FormatPoints(c.v), row.Cells[o.label], criteria.FormatPoints(o.v), kept), kept)
			return
		}
	}
	reason := overrideReason(row.Note)
	if reason == "" {
		m.drop(row.Row, row.Cells[c.label], fmt.Sprintf("%s：改动了计算值 %s，请在“%s”栏写明理由；%s", m.where(row, c.label), criteria.FormatPoints(cur.Final()), evalNoteHeader, kept), kept)
		return
	}
	m.imp.Overrides = append(m.imp.Overrides, criteria.OverrideEntry{Organ: m.o.ID, Indicator: in.ID, Points: c.v, Reason: reason})
}

// overrideReason is the reason written in 说明 for a changed computed value: the text, unless it
// is only the note the sheet printed (系统计算：…), whose 理由 part (if any) is the reason.
func overrideReason(note string) string {
	note = strings.TrimSpace(note)
	if !strings.HasPrefix(note, computedNotePrefix) && !strings.HasPrefix(note, "计算：") {
		return note
	}
	if i := strings.LastIndex(note, "理由："); i >= 0 {
		return strings.TrimSpace(note[i+len("理由："):])
	}
	return ""
}

// emptyCells lists the cells left empty where the round has a score: one line for a column
// left empty altogether, else one per cell.
func (m *sheetMatch) emptyCells() {
	for _, label := range m.order {
		cells := m.empty[label]
		if len(cells) == 0 {
			continue
		}
		filled := 0
		for _, c := range m.sh.Columns {
			if c.Label == label && !c.Dup {
				filled = c.Filled
			}
		}
		if filled == 0 {
			m.imp.Kept = append(m.imp.Kept, EvalCellError{
				Sheet: m.sh.Name, Cell: cells[0].Cell,
				Message: fmt.Sprintf("%s 的“%s”栏没有填写，保留原有的 %d 个分数", m.o.Name, label, len(cells)), Kept: fmt.Sprintf("原有的 %d 个分数", len(cells)),
			})
			continue
		}
		m.imp.Kept = append(m.imp.Kept, cells...)
	}
}
