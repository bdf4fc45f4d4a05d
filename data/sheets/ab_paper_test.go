package sheets

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data/abpost"
)

// The AB岗位设置报备表 is filed by each department: a summary sheet and one sheet per department,
// each with its own 部门负责人 signature and （部门盖章）, titled with the institute, printing at
// 8 pt or more on A4 portrait.
func TestFilingOneSheetPerDepartment(t *testing.T) {
	s := demoStore(t)
	path := filepath.Join(t.TempDir(), "报备表.xlsx")
	if err := ExportFiling(context.Background(), s, path, s.Today()); err != nil {
		t.Fatal(err)
	}
	items, _ := abpost.Items(context.Background(), s, abpost.ItemFilter{}, s.Today())
	depts := map[string]bool{}
	for _, it := range items {
		depts[it.Dept] = true
	}
	f := openBook(t, path)
	sheets := f.GetSheetList()
	if len(sheets) != len(depts)+1 || sheets[0] != FilingSheet {
		t.Fatalf("sheets %v, want the summary and one per department (%d)", sheets, len(depts))
	}
	p, _ := s.Profile(context.Background())
	for i, sh := range sheets {
		rows, _ := f.GetRows(sh)
		all := strings.Join(flat(rows), "\n")
		if !strings.HasPrefix(all, p.TitleName()+FilingSheet) {
			t.Errorf("%s: title %q", sh, rows[0])
		}
		if i > 0 {
			for _, w := range []string{"报备单位：" + sh, "部门负责人（签字）", "（部门盖章）", "日期："} {
				if !strings.Contains(all, w) {
					t.Errorf("%s lacks %q", sh, w)
				}
			}
		}
		if sc := PrintScale(SheetWidths(f, sh, len(rows[2])), false); 10*sc < 8 {
			t.Errorf("%s prints at %.0f %%", sh, sc*100)
		}
	}
}
