package sheets

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/demo/demotest"
)

func demoStore(t testing.TB) *data.Store { return demotest.Store(t, testToday) }

// Round trip: the demo institute exported with full IDs and imported back is all unchanged.
func TestExportRoundTrip(t *testing.T) {
	s := demoStore(t)
	out := filepath.Join(t.TempDir(), "花名册.xlsx")
	if _, err := ExportRoster(context.Background(), s, data.MemberFilter{}, out, ExportOptions{IncludeFullIDs: true}, nil); err != nil {
		t.Fatal(err)
	}
	all, _ := s.Members(context.Background(), data.MemberFilter{})
	rf := mustRead(t, out, ReadOptions{})
	p := mustPlan(t, s, rf, nil)
	if p.Rows() != len(all) || p.Unchanged != len(all) {
		for _, it := range p.Items {
			if it.Action != ActionUnchanged {
				t.Logf("row %d %s: %s %v %v", it.Row.Line, it.Row.Member.Name, it.Action, it.Changes, it.Errors)
				break
			}
		}
		t.Fatalf("round trip: %d members, %d rows, %d unchanged, %d new, %d updated, %d rejected",
			len(all), p.Rows(), p.Unchanged, p.New, p.Updated, p.Rejected)
	}
}

// What a user checks in the exported file: title says what it holds, ID and phone are text,
// dates are real dates, the header is frozen with a filter, one sheet per branch on request.
func TestExportLayout(t *testing.T) {
	s := demoStore(t)
	out := filepath.Join(t.TempDir(), "masked.xlsx")
	if _, err := ExportRoster(context.Background(), s, data.MemberFilter{}, out, ExportOptions{PerBranch: true}, nil); err != nil {
		t.Fatal(err)
	}
	f := openBook(t, out)
	orgs, _ := s.Orgs(context.Background())
	branches := 0
	ms, _ := s.Members(context.Background(), data.MemberFilter{})
	seen := map[string]bool{}
	for _, m := range ms {
		if !seen[m.BranchName] {
			seen[m.BranchName] = true
			branches++
		}
	}
	_ = orgs
	if n := len(f.GetSheetList()); n != branches {
		t.Errorf("want a sheet per branch (%d), got %d", branches, n)
	}
	sh := f.GetSheetList()[0]
	title, _ := f.GetCellValue(sh, "A1")
	if !strings.Contains(title, "（身份证号已隐去）") {
		t.Errorf("title must say IDs are hidden: %q", title)
	}
	id, _ := f.GetCellValue(sh, "F3")
	if !strings.Contains(id, "**********") {
		t.Errorf("ID should be masked: %q", id)
	}
	for _, ref := range []string{"F3", "P3"} {
		if typ, _ := f.GetCellType(sh, ref); typ == excelize.CellTypeNumber {
			t.Errorf("%s must be text, not a number", ref)
		}
	}
	if raw, _ := f.GetCellValue(sh, "L3", excelize.Options{RawCellValue: true}); strings.Contains(raw, "-") || raw == "" {
		t.Errorf("joined date must be a real date (a serial), got %q", raw)
	}
	panes, _ := f.GetPanes(sh)
	if !panes.Freeze || panes.YSplit != 2 {
		t.Errorf("header must be frozen: %+v", panes)
	}
	names := f.GetDefinedName()
	var filter, titles bool
	for _, n := range names {
		filter = filter || n.Name == "_xlnm._FilterDatabase"
		titles = titles || n.Name == "_xlnm.Print_Titles"
	}
	if !filter || !titles {
		t.Errorf("want an autofilter and print titles, defined names: %+v", names)
	}
}
