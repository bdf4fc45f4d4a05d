package sheets

import (
	"fmt"
	"regexp"
	"strings"

	"dangjian/data"
)

// Walking one sheet: find the header among the first rows, then take data rows until the
// notes, signatures or totals under them, skipping blank rows and repeated headers, filling
// a branch written once (merged down its members' rows) into every row below it.

// nextRow yields a sheet's rows one at a time: the cells, whether there was a row, an error.
type nextRow = func() ([]string, bool, error)

// readSheet reads one sheet's rows from next (cells, more, error).
func (rd *reader) readSheet(sh *Sheet, next nextRow) error {
	head, err := rd.scanHead(next)
	if err != nil {
		return err
	}
	rd.rf.Sheets = append(rd.rf.Sheets, sh)
	m, hr, dr, ok := findHeader(head)
	if rd.skipNonRoster(sh, head, m, ok) {
		return rd.drainNoting(next)
	}
	// The rows just under the header tell which column holds the party category.
	ahead, err := readRows(next, categorySample)
	if err != nil {
		return err
	}
	rd.mapSheet(sh, head, m, hr, dr, ahead)
	if !sh.Mapping.Has(FieldIDNumber) {
		rd.skipNoIDColumn(sh, head[dr:])
		return drain(next)
	}
	sh.Probationary = probationaryTitle(append([]string{sh.Name}, titleTexts(head[:hr])...)...)
	if sh.Mapping.Has(FieldBranch) {
		sh.Branch = ""
	}
	w := sheetWalker{rd: rd, sh: sh, branch: sh.Branch}
	return w.walk(head, dr, ahead, next)
}

// scanHead reads the first headerScanRows rows (fewer on a short sheet), where the header is
// looked for.
func (rd *reader) scanHead(next nextRow) ([][]string, error) {
	head, err := readRows(next, headerScanRows)
	if err != nil {
		return nil, err
	}
	for _, cells := range head {
		if !blankRow(cells) {
			rd.anyCell = true
		}
	}
	return head, nil
}

// skipNonRoster marks a sheet that is no roster (a 说明 or 汇总 sheet, or no header in its
// first rows) as skipped, with a note, and reports whether it did.
func (rd *reader) skipNonRoster(sh *Sheet, head [][]string, m Mapping, ok bool) bool {
	switch {
	case nonRosterSheet(sh.Name) && !(ok && m.Has(FieldName) && m.Has(FieldIDNumber)):
		sh.Skipped = "不是花名册（说明、统计或汇总表），已跳过"
	case !ok:
		sh.Skipped = fmt.Sprintf("前 %d 行没有“姓名”“公民身份号码”等表头，不是花名册，已跳过", headerScanRows)
		rd.skipped.orgSheet = rd.skipped.orgSheet || anyOrgHeader(head)
		rd.skipped.form = rd.skipped.form || formSheet(head)
	}
	if sh.Skipped == "" {
		return false
	}
	rd.rf.Notes = append(rd.rf.Notes, fmt.Sprintf("工作表“%s”%s", sh.Name, sh.Skipped))
	return true
}

// drainNoting reads the rest of a skipped sheet, noting whether it holds any cell at all
// (an all-blank file is refused as empty, not as "no roster").
func (rd *reader) drainNoting(next nextRow) error {
	for {
		cells, more, err := next()
		if err != nil || !more {
			return err
		}
		if !blankRow(cells) {
			rd.anyCell = true
		}
	}
}

// readRows reads up to n rows, fewer at the end of the sheet.
func readRows(next nextRow, n int) ([][]string, error) {
	var rows [][]string
	for len(rows) < n {
		cells, more, err := next()
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
		rows = append(rows, cells)
	}
	return rows, nil
}

// mapSheet sets the sheet's header row, headers and column mapping: the guess from the
// header, sharpened by the values under it, unless the caller fixed this sheet's mapping.
func (rd *reader) mapSheet(sh *Sheet, head [][]string, m Mapping, hr, dr int, ahead [][]string) {
	m = categoryByValues(m, append(append([][]string(nil), head[dr:]...), ahead...))
	sh.HeaderRow = hr + 1
	sh.Headers = mergedHeaders(head, hr, dr)
	sh.Guessed, sh.Mapping = m, m
	if fix, ok := rd.opt.Mappings[sh.Name]; ok {
		sh.Mapping = fix
	}
}

// skipNoIDColumn skips a sheet without an ID-number column. It is not a roster this program
// can key on; the file is refused for it only when no other sheet is one (noIDColumn), since
// a 支委会名单 sheet beside the roster is no fault.
func (rd *reader) skipNoIDColumn(sh *Sheet, rows [][]string) {
	sh.Skipped = "没有公民身份号码（身份证号）列，已跳过"
	rd.skipped.noID = append(rd.skipped.noID, sh.Name)
	rd.rf.Notes = append(rd.rf.Notes, fmt.Sprintf("工作表“%s”%s", sh.Name, sh.Skipped))
	for _, cells := range rows {
		rd.anyCell = rd.anyCell || !blankRow(cells)
	}
}

// walk takes the data rows: those already read in the header window (from dr) and ahead,
// then the rest from next, up to the end of the roster; what follows it is drained.
func (w *sheetWalker) walk(head [][]string, dr int, ahead [][]string, next nextRow) error {
	for i := dr; i < len(head); i++ {
		if stop, err := w.take(i+1, head[i]); stop || err != nil {
			return err
		}
	}
	line := len(head)
	for _, cells := range ahead {
		line++
		if stop, err := w.take(line, cells); stop || err != nil {
			if stop && err == nil {
				return drain(next)
			}
			return err
		}
	}
	for {
		cells, more, err := next()
		if err != nil || !more {
			return err
		}
		line++
		stop, err := w.take(line, cells)
		if err != nil {
			return err
		}
		if stop {
			return drain(next)
		}
	}
}

// drain reads the rest of a sheet, notes and signatures under the roster, only to know the
// file is whole.
func drain(next nextRow) error {
	for {
		if _, more, err := next(); err != nil || !more {
			return err
		}
	}
}

// sheetWalker holds the fill-down state of one sheet.
type sheetWalker struct {
	rd     *reader
	sh     *Sheet
	branch string // the branch above: a merged cell, a block heading or the sheet name
	parent string // the 党总支 above, a merged cell
}

var reHeadcount = regexp.MustCompile(`[（(]\s*\d+\s*人?\s*[)）]\s*$`)

// take handles one row below the header; it returns true at the end of the roster.
func (w *sheetWalker) take(line int, cells []string) (bool, error) {
	if blankRow(cells) {
		return false, nil
	}
	w.rd.anyCell = true
	if footerRow(cells) {
		return true, nil
	}
	if noteRow(cells) {
		return false, nil // a merged 注意事项 block inside the data, or a 填表说明 line
	}
	m := w.sh.Mapping
	if r := mapRow(cells); r.Count() >= 2 && (r.Has(FieldName) || r.Has(FieldIDNumber)) {
		return false, nil // the header repeated above a second block
	}
	name, id := cell(cells, m[FieldName]), cell(cells, m[FieldIDNumber])
	if strings.TrimSpace(id) == "" {
		// A block heading such as "第一党支部（12人）" in a merged row names the branch of the
		// rows under it.
		if t := soleText(cells); strings.Contains(t, "支部") && !m.Has(FieldBranch) {
			w.branch = data.FoldName(reHeadcount.ReplaceAllString(t, ""))
			return false, nil
		}
	}
	if strings.TrimSpace(name) == "" && strings.TrimSpace(id) == "" {
		return false, nil // a 序号 alone is not a member
	}
	w.rd.count++
	if w.rd.count%2000 == 0 {
		if err := w.rd.ctx.Err(); err != nil {
			return false, err
		}
		if w.rd.opt.Progress != nil {
			w.rd.opt.Progress(w.rd.count)
		}
	}
	row := &Row{Sheet: w.sh, Line: line, cells: packCells(cells)}
	w.fill(row, cells)
	w.sh.Rows++
	if w.rd.emit != nil {
		if err := w.rd.emit(row); err != nil {
			return false, &haltError{err}
		}
		return false, nil
	}
	w.rd.rf.Rows = append(w.rd.rf.Rows, row)
	return false, nil
}

// fill normalises the row from its cells and applies the branch written above it.
func (w *sheetWalker) fill(row *Row, cells []string) {
	mem, notes, errs := normalizeRow(cells, w.sh.Mapping, w.sh.Headers)
	if mem.BranchName != "" && w.sh.Mapping.Has(FieldBranch) {
		w.branch = mem.BranchName
	} else if mem.BranchName == "" {
		mem.BranchName = w.branch
	}
	for i := range errs {
		errs[i].Sheet, errs[i].Row = w.sh.Name, row.Line
	}
	if m := w.sh.Mapping; m.Has(FieldParent) {
		if p := data.FoldName(cell(cells, m[FieldParent])); p != "" {
			w.parent = p
		}
		row.Parent = w.parent
	}
	row.Member, row.Notes, row.Errors = mem, notes, errs
}

func cell(cells []string, i int) string {
	if i >= 0 && i < len(cells) {
		return cells[i]
	}
	return ""
}

func blankRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(strings.ReplaceAll(c, "\u3000", "")) != "" {
			return false
		}
	}
	return true
}

// soleText is the text of a row with exactly one non-empty cell, else "".
func soleText(cells []string) string {
	t := ""
	for _, c := range cells {
		if s := strings.TrimSpace(c); s != "" {
			if t != "" {
				return ""
			}
			t = s
		}
	}
	return t
}

// mergedHeaders is the header text per column: the header row, with the neighbour header
// row's text where the header row is blank (two header rows, a merged group above).
func mergedHeaders(head [][]string, hr, dr int) []string {
	h := append([]string(nil), head[hr]...)
	var others [][]string
	if dr == hr+2 {
		others = append(others, head[hr+1])
	}
	if hr > 0 {
		others = append(others, head[hr-1])
	}
	for _, o := range others {
		for i, c := range o {
			if i >= len(h) {
				h = append(h, "")
			}
			if FieldOf(h[i]) == FieldNone && FieldOf(c) != FieldNone {
				h[i] = c
			}
		}
	}
	return h
}

// Remap changes the column of one field in one sheet (the wizard's correction of a wrong
// guess; col -1 drops the field) and reads that sheet's rows again.
func (rf *RosterFile) Remap(sheet string, f Field, col int) {
	for _, sh := range rf.Sheets {
		if sh.Name != sheet || sh.Skipped != "" {
			continue
		}
		if col >= 0 {
			for g := FieldName; g < fieldCount; g++ {
				if sh.Mapping[g] == col {
					sh.Mapping[g] = -1
				}
			}
		}
		sh.Mapping[f] = col
		w := sheetWalker{sh: sh, branch: sh.Branch}
		if sh.Mapping.Has(FieldBranch) {
			w.branch = ""
		}
		for _, r := range rf.Rows {
			if r.Sheet == sh {
				w.fill(r, r.Cells())
			}
		}
	}
}
