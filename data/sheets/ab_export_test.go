package sheets

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Excel and WPS do not grow a row for wrapped text a program wrote: a long 所需材料 was cut to
// its first line in the printed guide. Its row is as high as its lines; a short row stays one line.
func TestGuideRowsGrowForLongMaterials(t *testing.T) {
	s := abStore(t)
	ctx := context.Background()
	dir := t.TempDir()
	long := "出国（境）申请表、邀请函及译文、日程安排、经费预算表、所在部门意见、外事审批表（含复印件两份）"
	importCatalogue(t, s, filepath.Join(dir, "a.xlsx"),
		[]any{"科研处", "因公出国（境）审批", "综合服务大厅1号窗口", "7", long, "0551-65591001", "陈静", "刘洋"},
		[]any{"财务处", "差旅费报销", "综合服务大厅3号窗口", "即办", "发票", "", "赵磊", ""})
	for _, c := range []struct {
		name, sheet string
		write       func(string) error
	}{
		{"guide.xlsx", "一站式服务指南", func(p string) error { return ExportGuide(ctx, s, p, s.Today()) }},
		{"filing.xlsx", "AB岗位设置报备表", func(p string) error { return ExportFiling(ctx, s, p, s.Today()) }},
	} {
		path := filepath.Join(dir, c.name)
		if err := c.write(path); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(c.sheet)
		heights := map[string]float64{}
		for i, r := range rows {
			if len(r) > 2 {
				h, _ := f.GetRowHeight(c.sheet, i+1)
				heights[r[2]] = h
			}
		}
		f.Close()
		if c.name == "guide.xlsx" && heights["因公出国（境）审批"] < 3*13.5 {
			t.Errorf("%s: the row with %d characters of materials is %.1f high, want three lines or more", c.name, len([]rune(long)), heights["因公出国（境）审批"])
		}
		if h := heights["差旅费报销"]; h < 13.5 || h > 20 {
			t.Errorf("%s: a one-line row is %.1f high", c.name, h)
		}
	}
}
