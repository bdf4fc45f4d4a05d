package sheets

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
)

// The roster export prints its 10 pt text at 8 pt or more on A4 landscape (the stream writer
// drops fitToPage, so the scale is set from the widths), says 内部资料 注意保密 and the
// institute at the top of every page, and grows the rows of long branch names instead of
// cutting them.
func TestRosterExportPaper(t *testing.T) {
	s := demoStore(t)
	out := filepath.Join(t.TempDir(), "名册.xlsx")
	if _, err := ExportRoster(context.Background(), s, data.MemberFilter{}, out, ExportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sh := f.GetSheetName(0)
	lay, _ := f.GetPageLayout(sh)
	if lay.AdjustTo == nil || *lay.AdjustTo < 80 {
		t.Fatalf("prints at %v %%: 10 pt text below 8 pt", lay.AdjustTo)
	}
	t.Logf("prints at %d %%", *lay.AdjustTo)
	if sc := PrintScale(SheetWidths(f, sh, len(RosterWidths())), true); float64(*lay.AdjustTo) > sc*100+0.5 {
		t.Errorf("scale %d %% does not fit the columns one page wide (fit is %.0f %%)", *lay.AdjustTo, sc*100)
	}
	hf, _ := f.GetHeaderFooter(sh)
	p, _ := s.Profile()
	if !strings.Contains(hf.OddHeader, ConfidentialMark) || !strings.Contains(hf.OddHeader, p.TitleName()) {
		t.Errorf("page header %q, want the institute and %s", hf.OddHeader, ConfidentialMark)
	}
	if w, _ := f.GetColWidth(sh, "J"); w < 20 {
		t.Errorf("所在党支部 is %v wide: branch names are cut", w)
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
