package sheets

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The 错误行 file of a full roster prints at 8 pt or more on A4 landscape; its 错误提示 column
// has a named font and borders, and a row grows with its message.
func TestRejectsPaper(t *testing.T) {
	s := openStore(t)
	var head, bad []any
	for _, fl := range Fields {
		head = append(head, fl.Label())
		bad = append(bad, "")
	}
	head = append(head, "备注")
	bad = append(bad, "")
	for i, fl := range Fields {
		switch fl {
		case FieldName:
			bad[i] = "坏号"
		case FieldIDNumber:
			bad[i] = "34010419800101001"
		case FieldBranch:
			bad[i] = "第一党支部"
		case FieldJoined:
			bad[i] = d(2005, 1, 1)
		}
	}
	path := writeBook(t, filepath.Join(t.TempDir(), "r.xlsx"), sheetSpec{name: "名册", rows: [][]any{head, bad}})
	_, f := rejectsOf(t, s, path)
	sh := f.GetSheetName(0)
	n := len(head) + 1
	if sc := PrintScale(SheetWidths(f, sh, n), true); 10*sc < 8 {
		t.Errorf("prints at %.0f %%: 10 pt text at %.1f pt", sc*100, 10*sc)
	}
	msg, _ := excelize.CoordinatesToCellName(n, 2)
	id, _ := f.GetCellStyle(sh, msg)
	st, _ := f.GetStyle(id)
	if st.Font == nil || st.Font.Family == "" || len(st.Border) < 4 || st.Alignment == nil || !st.Alignment.WrapText {
		t.Errorf("错误提示 style %+v: want a named font, borders and wrapping", st)
	}
	if hf, _ := f.GetHeaderFooter(sh); !strings.Contains(hf.OddHeader, ConfidentialMark) {
		t.Errorf("page header %q: rows with full IDs must say %s", hf.OddHeader, ConfidentialMark)
	}
	text, _ := f.GetCellValue(sh, msg)
	if h, _ := f.GetRowHeight(sh, 2); h < float64(linesIn(text, rejectNoteWidth))*13.5 {
		t.Errorf("row 2 is %v high for a %d-line message", h, linesIn(text, rejectNoteWidth))
	}
}
