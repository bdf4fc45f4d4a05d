package report

import (
	"strings"
	"testing"
)

// The guide's cells break lines as printed Chinese does: the demo's 材料 "…合作协议（如有）"
// came out of fpdf's own wrapping with "）" alone at the start of a line.
func TestGuideCellsBreakLikePrintedChinese(t *testing.T) {
	pdf := NewA4(true)
	pdf.SetCellMargin(0)
	pdf.AddPage()
	pdf.SetFont(Font, "", 9)
	for _, materials := range []string{
		"项目申报书（签字盖章）、经费预算表、合作协议（如有）",
		"出国（境）申请表、邀请函及译文、日程安排、经费预算表（含外汇）",
	} {
		vals := []string{"科研项目申报审核", "综合服务大厅1号窗口", "5个工作日", materials, "0551-65591001", "吴华志", "吕建晨"}
		cells, lines := guideCells(pdf, vals)
		got := cells[3]
		if len(got) < 2 {
			t.Fatalf("%q fits one line of the 80 mm column; the test needs a wrapped cell", materials)
		}
		if lines != len(got) {
			t.Errorf("row of %d lines, the 材料 cell has %d", lines, len(got))
		}
		if strings.Join(got, "") != materials {
			t.Errorf("lines %q lose text of %q", got, materials)
		}
		for _, l := range got[1:] {
			if r := []rune(l)[0]; strings.ContainsRune(noLineStart, r) {
				t.Errorf("%q: a line begins with %q", got, r)
			}
		}
		for _, l := range got {
			if w := pdf.GetStringWidth(l); w > guideCols[3].w-2*guidePad {
				t.Errorf("line %q is %.1f mm, wider than the cell", l, w)
			}
		}
		// the phone number stays whole
		if len(cells[4]) != 1 {
			t.Errorf("phone broken over %d lines: %q", len(cells[4]), cells[4])
		}
	}
}
