package sheets

import (
	"context"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/criteria"
)

// Reading filled evaluation sheets back. Cells are found by their labels — the title, the
// 被考评单位 line, the header row and 合计 — never by fixed positions, so a row or column a user
// inserted does not shift the scores onto the wrong indicator.

// EvalCellError is one rejected cell, named as a person finds it on paper and in Excel.
type EvalCellError struct {
	Sheet   string `json:"sheet"`
	Row     int    `json:"row"`
	Cell    string `json:"cell"`
	Message string `json:"message"`
}

// EvalSheetRow is one indicator row as read: the 二级指标 name, the score cells by column
// heading (自评分, 考评分 …) and the 说明.
type EvalSheetRow struct {
	Row       int
	Indicator string
	Scores    map[string]string // column heading → raw text
	Cells     map[string]string // column heading → cell reference, e.g. "F7"
	Note      string
}

// EvalSheet is one worksheet as read.
type EvalSheet struct {
	Name  string
	Year  int
	Organ string
	Rows  []EvalSheetRow
}

var evalYearRe = regexp.MustCompile(`(\d{4})\s*` + evalTitleSuffix)

// ParseEvalGrid reads one worksheet's cells (rows of text). ok is false when the sheet is not
// an evaluation sheet at all (no header row with 二级指标).
func ParseEvalGrid(name string, rows [][]string) (EvalSheet, bool) {
	sh := EvalSheet{Name: name}
	header := -1
	cols := map[string]int{}
	for ri, r := range rows {
		for _, c := range r {
			c = strings.TrimSpace(c)
			if m := evalYearRe.FindStringSubmatch(c); m != nil && sh.Year == 0 {
				sh.Year, _ = strconv.Atoi(m[1])
			}
			if rest, ok := strings.CutPrefix(c, evalUnitLabel); ok && sh.Organ == "" {
				rest, _, _ = strings.Cut(rest, evalDateLabel)
				sh.Organ = strings.Trim(strings.TrimSpace(rest), "_ ")
			}
		}
		if header < 0 && hasCell(r, evalIndHeader) {
			header = ri
			for ci, c := range r {
				if c = strings.TrimSpace(c); c != "" {
					if _, dup := cols[c]; !dup {
						cols[c] = ci
					}
				}
			}
		}
	}
	ind, ok := cols[evalIndHeader]
	if header < 0 || !ok {
		return sh, false
	}
	for ri := header + 1; ri < len(rows); ri++ {
		r := rows[ri]
		if hasCell(r, evalTotalLabel) {
			break
		}
		name := strings.TrimSpace(at(r, ind))
		if name == "" {
			continue // a row the user inserted for notes, or a blank one
		}
		row := EvalSheetRow{Row: ri + 1, Indicator: name, Scores: map[string]string{}, Cells: map[string]string{}}
		for label, ci := range cols {
			switch label {
			case evalDimHeader, evalIndHeader, evalContHeader, evalMaxHeader:
			case evalNoteHeader:
				row.Note = strings.TrimSpace(at(r, ci))
			default:
				row.Scores[label] = strings.TrimSpace(at(r, ci))
				row.Cells[label] = ecell(ci+1, ri+1)
			}
		}
		sh.Rows = append(sh.Rows, row)
	}
	return sh, true
}

func hasCell(r []string, label string) bool {
	for _, c := range r {
		if strings.TrimSpace(c) == label {
			return true
		}
	}
	return false
}

func at(r []string, i int) string {
	if i < len(r) {
		return r[i]
	}
	return ""
}

// ParsePoints reads a typed score: "7", "7.5", "７．５", "7分". ok is false for anything else.
func ParsePoints(s string) (float64, bool) {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．' || r == '。':
			return '.'
		case r == ' ' || r == '\u3000':
			return -1
		}
		return r
	}, s)
	s = strings.TrimSuffix(s, "分")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// EvalImport is what a filled workbook holds for a round: scores and overrides to write, and
// the cells refused with the reason.
type EvalImport struct {
	Round     criteria.Round
	Sheets    []string // organs read
	Scores    []criteria.ScoreEntry
	Overrides []criteria.OverrideEntry
	Errors    []EvalCellError
}

// ReadEvalWorkbook reads a filled workbook: which round it belongs to (the round id the
// writer stored in the file's properties, else the year in the title), and every score.
// An error means the whole file is refused.
func ReadEvalWorkbook(s *data.Store, r io.Reader, file string) (*EvalImport, error) {
	f, err := readWorkbook(r, file, excelize.Options{})
	if err != nil {
		if IsRefused(err) {
			return nil, err
		}
		if strings.Contains(err.Error(), "encrypt") {
			return nil, fmt.Errorf("%s 设有密码，请在 Excel 中取消密码后再导入", file)
		}
		return nil, fmt.Errorf("%s 不是可读取的 Excel（.xlsx）文件，请用 Excel 或 WPS 另存为 .xlsx 后再导入", file)
	}
	defer f.Close()
	var sheets []EvalSheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			continue
		}
		if sh, ok := ParseEvalGrid(name, rows); ok {
			sheets = append(sheets, sh)
		}
	}
	if len(sheets) == 0 {
		return nil, fmt.Errorf("%s 中没有考评表（找不到“二级指标”表头），请导入本程序打印的考评表", file)
	}
	roundID, err := evalRoundOf(s, f, sheets)
	if err != nil {
		return nil, fmt.Errorf("%s：%w", file, err)
	}
	sn, err := criteria.Load(context.Background(), s, roundID)
	if err != nil {
		return nil, err
	}
	return MatchEval(sn, sheets), nil
}

func evalRoundOf(s *data.Store, f *excelize.File, sheets []EvalSheet) (int64, error) {
	rounds, err := criteria.Rounds(s)
	if err != nil {
		return 0, err
	}
	year := 0
	for _, sh := range sheets {
		if sh.Year != 0 {
			year = sh.Year
			break
		}
	}
	if p, err := f.GetDocProps(); err == nil {
		if id, err := strconv.ParseInt(strings.TrimPrefix(p.Keywords, evalKeywordPfx), 10, 64); err == nil && strings.HasPrefix(p.Keywords, evalKeywordPfx) {
			for _, r := range rounds {
				if r.ID == id && (year == 0 || r.Year == year) {
					return id, nil
				}
			}
		}
	}
	var match []criteria.RoundInfo
	for _, r := range rounds {
		if r.Year == year {
			match = append(match, r)
		}
	}
	switch {
	case year == 0:
		return 0, fmt.Errorf("标题中没有年度（应为“XXXX%s”），无法确定考评轮次", evalTitleSuffix)
	case len(match) == 0:
		return 0, fmt.Errorf("没有 %d 年度的考评轮次，请先创建该轮次", year)
	case len(match) > 1:
		return 0, fmt.Errorf("%d 年度有 %d 个考评轮次，无法确定属于哪一个；请从该轮次重新打印考评表填写", year, len(match))
	}
	return match[0].ID, nil
}

// MatchEval checks the sheets against the round: known organs and indicators, numbers within
// the max, changed computed values only with a reason.
func MatchEval(sn *criteria.Snapshot, sheets []EvalSheet) *EvalImport {
	imp := &EvalImport{Round: sn.Round}
	inds := map[string]criteria.Indicator{}
	for _, in := range sn.Set.Indicators() {
		inds[in.Name] = in
	}
	groups := map[string]criteria.Group{}
	for _, g := range sn.Round.ScoreGroups() {
		groups[g.Column()] = g
	}
	for _, sh := range sheets {
		o, ok := sn.Round.OrganByName(sh.Organ)
		if !ok {
			imp.Errors = append(imp.Errors, EvalCellError{Sheet: sh.Name, Message: fmt.Sprintf("工作表“%s”的被考评单位“%s”不在考评轮次“%s”中，整张表未导入", sh.Name, sh.Organ, sn.Round.Name)})
			continue
		}
		imp.Sheets = append(imp.Sheets, o.Name)
		for _, row := range sh.Rows {
			in, ok := inds[row.Indicator]
			if !ok {
				imp.Errors = append(imp.Errors, EvalCellError{sh.Name, row.Row, "", fmt.Sprintf("%s 第%d行 二级指标“%s”不在本轮指标体系中，该行未导入", o.Name, row.Row, row.Indicator)})
				continue
			}
			matchRow(imp, sn, o, in, groups, row, sh.Name)
		}
	}
	return imp
}

func matchRow(imp *EvalImport, sn *criteria.Snapshot, o criteria.Organ, in criteria.Indicator, groups map[string]criteria.Group, row EvalSheetRow, sheet string) {
	overridden := false
	labels := make([]string, 0, len(row.Scores))
	for label := range row.Scores {
		labels = append(labels, label)
	}
	sort.Slice(labels, func(i, j int) bool {
		return len(row.Cells[labels[i]]) < len(row.Cells[labels[j]]) || len(row.Cells[labels[i]]) == len(row.Cells[labels[j]]) && row.Cells[labels[i]] < row.Cells[labels[j]]
	})
	// One 说明 column serves every score column: it belongs to the rightmost score filled in
	// (the printer writes that group's note there), and the other groups keep the notes they have.
	noteLabel := ""
	for _, label := range labels {
		if _, ok := groups[label]; ok && row.Scores[label] != "" {
			noteLabel = label
		}
	}
	for _, label := range labels {
		text := row.Scores[label]
		g, ok := groups[label]
		if !ok || text == "" {
			continue
		}
		ref := row.Cells[label]
		where := fmt.Sprintf("%s 第%d行 %s（%s）", o.Name, row.Row, label, ref)
		bad := func(msg string) { imp.Errors = append(imp.Errors, EvalCellError{sheet, row.Row, ref, where + msg}) }
		v, ok := ParsePoints(text)
		if !ok {
			bad(fmt.Sprintf("“%s”不是数字，请填写 0–%s 之间的分数", text, criteria.FormatPoints(in.Max)))
			continue
		}
		if err := criteria.CheckPoints(in, v); err != nil {
			bad("：" + err.Error())
			continue
		}
		if !in.FromData() {
			key := criteria.CellKey{Organ: o.ID, Indicator: in.ID, Group: g.ID}
			note := sn.Scores[key].Note
			if label == noteLabel {
				note = row.Note
			}
			imp.Scores = append(imp.Scores, criteria.ScoreEntry{Key: key, Points: v, Note: note})
			continue
		}
		cur := sn.Values[[2]int64{o.ID, in.ID}]
		if math.Abs(v-cur.Final()) < 0.005 || overridden {
			continue
		}
		reason := row.Note
		if reason == "" || reason == ValueNote(cur) {
			bad(fmt.Sprintf("：改动了计算值 %s，请在“%s”栏写明理由", criteria.FormatPoints(cur.Final()), evalNoteHeader))
			continue
		}
		overridden = true
		imp.Overrides = append(imp.Overrides, criteria.OverrideEntry{Organ: o.ID, Indicator: in.ID, Points: v, Reason: reason})
	}
}
