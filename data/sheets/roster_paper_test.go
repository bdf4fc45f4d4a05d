package sheets

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
)

// The roster export is fit to one page wide on A4 landscape (a fixed 56 % scale used to switch
// fit-to-page off) and its widths fit at 80 % or more, so 10 pt text prints at 8 pt; it says 内部资料 注意保密 and the
// institute at the top of every page, and grows the rows of long branch names instead of
// cutting them.
func TestRosterExportPaper(t *testing.T) {
	s := demoStore(t)
	out := filepath.Join(t.TempDir(), "名册.xlsx")
	if _, err := ExportRoster(context.Background(), s, data.MemberFilter{}, out, ExportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	f := openBook(t, out)
	sh := f.GetSheetName(0)
	props, _ := f.GetSheetProps(sh)
	lay, _ := f.GetPageLayout(sh)
	if props.FitToPage == nil || !*props.FitToPage || lay.FitToWidth == nil || *lay.FitToWidth != 1 || lay.AdjustTo != nil && *lay.AdjustTo != 100 {
		t.Errorf("not fit to one page wide: fitToPage %v, fitToWidth %v, scale %v", props.FitToPage, lay.FitToWidth, lay.AdjustTo)
	}
	sc := PrintScale(SheetWidths(f, sh, len(RosterWidths())), true)
	t.Logf("fits at %.0f %%", sc*100)
	if 10*sc < 8 {
		t.Errorf("fits at %.0f %%: 10 pt text at %.1f pt", sc*100, 10*sc)
	}
	hf, _ := f.GetHeaderFooter(sh)
	p, _ := s.Profile(context.Background())
	if !strings.Contains(hf.OddHeader, ConfidentialMark) || !strings.Contains(hf.OddHeader, p.TitleName()) {
		t.Errorf("page header %q, want the institute and %s", hf.OddHeader, ConfidentialMark)
	}
	id, _ := f.GetCellStyle(sh, "J3")
	st, _ := f.GetStyle(id)
	if w, _ := f.GetColWidth(sh, "J"); w < 18 || st.Alignment == nil || !st.Alignment.WrapText {
		t.Errorf("所在党支部 is %v wide and wraps %v: branch names are cut", w, st.Alignment)
	}
	rows, _ := f.GetRows(sh)
	for i, r := range rows[2:] {
		if len(r) > 9 && linesIn(r[9], widths[FieldBranch]) > 1 {
			if h, _ := f.GetRowHeight(sh, i+3); h < 2*13.5 {
				t.Errorf("row %d holds %q in two lines but is %v high", i+3, r[9], h)
			}
			return
		}
	}
	t.Error("the demo has no branch name long enough to wrap")
}
