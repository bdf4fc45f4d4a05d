package sheets

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/idcard"
)

// The roster export: a print-ready .xlsx that the import reads back unchanged. Written with
// excelize's StreamWriter so 100 000 members take seconds, to a temp file renamed into place.

// ExportOptions choose what an export holds.
type ExportOptions struct {
	Title          string // e.g. "第一党支部党员花名册"; "" → "党员花名册"
	PerBranch      bool   // one sheet per branch instead of one sheet
	IncludeFullIDs bool   // full ID numbers; otherwise masked (such a file cannot be imported back)
	Institute      string // the institute (Profile.TitleName) named at the top of every page; ExportRoster fills it
}

// exportColumns are the export's columns after 序号: every importable field, then the status.
var exportColumns = Fields

// widths fit the 17 columns on A4 landscape at 81 %, so 10 pt text prints at 8 pt or more;
// 所在党支部, 工作单位, 职称 and 职务 wrap (their rows grow) rather than being cut.
var widths = map[Field]float64{
	FieldName: 7, FieldGender: 4.5, FieldEthnicity: 6, FieldBirth: 10, FieldIDNumber: 18,
	FieldEducation: 8, FieldDegree: 6, FieldTitle: 11, FieldBranch: 18, FieldCategory: 8, FieldJoined: 10,
	FieldFull: 10, FieldUnit: 15, FieldPost: 11, FieldPhone: 12,
}

// Widths of the export's first and last columns (序号, 名册状态).
const (
	seqWidth    = 4.5
	statusWidth = 7
)

// wrapped are the columns whose text wraps in the export.
var wrapped = map[Field]bool{FieldBranch: true, FieldUnit: true, FieldTitle: true, FieldPost: true}

// ConfidentialMark is printed at the top of every page of a file with full ID numbers or phones.
const ConfidentialMark = "内部资料 注意保密"

// RosterWidths are the export's column widths, 序号 to 名册状态.
func RosterWidths() []float64 {
	out := []float64{seqWidth}
	for _, fl := range exportColumns {
		out = append(out, widths[fl])
	}
	return append(out, statusWidth)
}

// ExportRoster writes the members the filter selects to path, logs the export, and says how
// many it wrote: the one roster export of the window and the command line. A roster of one
// branch is titled after it ("第一党支部党员花名册") unless opt.Title says otherwise.
func ExportRoster(ctx context.Context, s *data.Store, f data.MemberFilter, path string, opt ExportOptions, progress func(done, total int)) (int, error) {
	if f.BranchID != 0 && opt.Title == "" {
		o, err := s.Org(ctx, f.BranchID)
		if err != nil {
			return 0, err
		}
		opt.Title = RosterTitle(o)
	}
	if opt.Institute == "" {
		p, err := s.Profile(ctx)
		if err != nil {
			return 0, err
		}
		opt.Institute = p.TitleName()
	}
	ms, err := s.Members(ctx, f)
	if err != nil {
		return 0, err
	}
	if err := ExportMembers(ctx, ms, path, opt, s.Today(), progress); err != nil {
		return 0, err
	}
	return len(ms), logRosterExport(s, ms, path, opt)
}

// RosterTitle is the title of one organisation's roster.
func RosterTitle(o data.Org) string { return o.Name + "党员花名册" }

// ExportMembers writes members to path; today dates the title.
func ExportMembers(ctx context.Context, ms []data.Member, path string, opt ExportOptions, today time.Time, progress func(done, total int)) error {
	f := newBook()
	defer f.Close()
	st, err := NewStyles(f)
	if err != nil {
		return err
	}
	title := opt.Title
	if title == "" {
		title = "党员花名册"
	}
	if opt.IncludeFullIDs {
		title += "（含完整身份证号）"
	} else {
		title += "（身份证号已隐去）"
	}
	groups := [][]data.Member{ms}
	names := []string{"党员花名册"}
	if opt.PerBranch {
		groups, names = byBranch(ms)
	}
	done := 0
	for i, g := range groups {
		sheet := names[i]
		if i == 0 {
			f.SetSheetName("Sheet1", sheet)
		} else if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
		sheetTitle := title
		if opt.PerBranch {
			sheetTitle = sheet + " " + title
		}
		if err := writeRosterSheet(ctx, f, sheet, sheetTitle, opt.Institute, g, opt.IncludeFullIDs, st, today, func() {
			done++
			if progress != nil && done%1000 == 0 {
				progress(done, len(ms))
			}
		}); err != nil {
			return err
		}
	}
	if err := SaveAtomic(f, path); err != nil {
		return err
	}
	if progress != nil {
		progress(len(ms), len(ms))
	}
	return nil
}

func writeRosterSheet(ctx context.Context, f *excelize.File, sheet, title, institute string, ms []data.Member, fullIDs bool, st Styles, today time.Time, step func()) error {
	ncol := len(exportColumns) + 2 // 序号, the fields, 状态
	last, _ := excelize.ColumnNumberToName(ncol)
	lastRow := len(ms) + 2
	wrap, err := f.NewStyle(&excelize.Style{
		Font: cellFont(), Border: cellBorder(),
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, CustomNumFmt: &textFormat,
	})
	if err != nil {
		return err
	}
	// The filter must be in the worksheet before the stream writer takes it over.
	if err := f.AutoFilter(sheet, fmt.Sprintf("A2:%s%d", last, max(lastRow, 3)), nil); err != nil {
		return err
	}
	// Fit to one page wide, set after the filter: the filter replaces the sheet properties that
	// hold fit-to-page (and a fixed scale set here, as before, switched it off too), so the
	// columns printed across two pages. The widths are chosen so the fit is 80 % or more.
	if err := PrintSetup(f, sheet, true, "$2:$2"); err != nil {
		return err
	}
	// Every export carries phones (and full IDs when asked): each page says it is confidential,
	// and whose roster it is (the title itself names the branch).
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: "&L" + headerText(institute) + "&R" + ConfidentialMark, OddFooter: "&C第 &P 页，共 &N 页"}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	// Last column first: the stream writer puts each new column before the ones it has, and
	// LibreOffice applies columns listed out of order to the wrong ones.
	ws := RosterWidths()
	for i := len(ws) - 1; i >= 0; i-- {
		sw.SetColWidth(i+1, i+1, ws[i])
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.Title, Value: title + "  " + today.Format("2006年1月2日") + "导出"}},
		excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	if err := sw.MergeCell("A1", last+"1"); err != nil {
		return err
	}
	head := []any{excelize.Cell{StyleID: st.Header, Value: "序号"}}
	for _, fl := range exportColumns {
		head = append(head, excelize.Cell{StyleID: st.Header, Value: fl.Label()})
	}
	head = append(head, excelize.Cell{StyleID: st.Header, Value: "名册状态"})
	if err := sw.SetRow("A2", head, excelize.RowOpts{Height: 22}); err != nil {
		return err
	}
	row := make([]any, ncol)
	for i, m := range ms {
		if i%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		row[0] = excelize.Cell{StyleID: st.Cell, Value: i + 1}
		lines := 1
		for j, fl := range exportColumns {
			c := exportCell(m, fl, fullIDs, st)
			if wrapped[fl] {
				c.StyleID = wrap
				if text, ok := c.Value.(string); ok {
					lines = max(lines, linesIn(text, widths[fl]))
				}
			}
			row[j+1] = c
		}
		row[ncol-1] = excelize.Cell{StyleID: st.Cell, Value: m.Status}
		ref, _ := excelize.CoordinatesToCellName(1, i+3)
		// Rows grow with their wrapped text: Excel does not grow a row a program wrote.
		if err := sw.SetRow(ref, row, excelize.RowOpts{Height: float64(lines)*13.5 + 4}); err != nil {
			return err
		}
		step()
	}
	return sw.Flush()
}

// exportCell writes IDs and phones as text (never numbers) and dates as real dates.
func exportCell(m data.Member, f Field, fullIDs bool, st Styles) excelize.Cell {
	date := func(t time.Time) excelize.Cell {
		if t.IsZero() {
			return excelize.Cell{StyleID: st.Date}
		}
		return excelize.Cell{StyleID: st.Date, Value: t}
	}
	text := func(s string) excelize.Cell { return excelize.Cell{StyleID: st.Text, Value: s} }
	switch f {
	case FieldName:
		return text(m.Name)
	case FieldGender:
		return text(m.Gender)
	case FieldEthnicity:
		return text(m.Ethnicity)
	case FieldBirth:
		return date(m.Birth)
	case FieldIDNumber:
		if fullIDs {
			return text(m.IDNumber)
		}
		return text(idcard.Mask(m.IDNumber))
	case FieldEducation:
		return text(m.Education)
	case FieldDegree:
		return text(m.Degree)
	case FieldTitle:
		return text(m.Title)
	case FieldBranch:
		return text(m.BranchName)
	case FieldCategory:
		return text(m.Category)
	case FieldJoined:
		return date(m.Joined)
	case FieldFull:
		return date(m.Full)
	case FieldUnit:
		return text(m.UnitName)
	case FieldPost:
		return text(m.Post)
	case FieldPhone:
		return text(m.Phone)
	}
	return excelize.Cell{StyleID: st.Cell}
}

// headerText escapes & for a page header (&& prints one &).
func headerText(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// textFormat keeps wrapped text cells text ("@"), like the shared text style.
var textFormat = "@"

var reSheetBad = regexp.MustCompile(`[\[\]:*?/\\']`)

// byBranch groups members by branch in the order they come (the roster's tree order), with
// sheet names Excel accepts: at most 31 characters, no []:*?/\, unique.
func byBranch(ms []data.Member) ([][]data.Member, []string) {
	var groups [][]data.Member
	var names []string
	index := map[string]int{}
	used := map[string]bool{}
	for _, m := range ms {
		i, ok := index[m.BranchName]
		if !ok {
			name := reSheetBad.ReplaceAllString(m.BranchName, "_")
			if name == "" {
				name = "未分支部"
			}
			if r := []rune(name); len(r) > 28 {
				name = string(r[:28])
			}
			base := name
			for n := 2; used[strings.ToLower(name)]; n++ {
				name = fmt.Sprintf("%s(%d)", base, n)
			}
			used[strings.ToLower(name)] = true
			i = len(groups)
			index[m.BranchName] = i
			groups = append(groups, nil)
			names = append(names, name)
		}
		groups[i] = append(groups[i], m)
	}
	if len(groups) == 0 {
		return [][]data.Member{nil}, []string{"党员花名册"}
	}
	return groups, names
}
