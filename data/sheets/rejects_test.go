package sheets

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The rejected rows come back as a sheet the office can fix: their own header, the cells as
// typed (dates as dates), and a 错误提示 column; the file imports again as a roster.
func TestWriteRejects(t *testing.T) {
	s := openStore(t)
	path := writeBook(t, filepath.Join(t.TempDir(), "r.xlsx"), sheetSpec{name: "第一党支部", rows: [][]any{
		{"姓名", "身份证号", "入党日期", "备注"},
		{"好人", mkID(1980, 1, 1, 1, true), d(2005, 1, 1), ""},
		{"坏号", "34010419800101001", d(2005, 1, 1), "少一位"},
		{"丢位", 340104198005050000.0, d(2006, 2, 3), ""},
	}})
	out, f := rejectsOf(t, s, path)
	rows, _ := f.GetRows("第一党支部")
	if len(rows) != 3 || rows[0][4] != "错误提示" {
		t.Fatalf("want header + 2 rejected rows with 错误提示, got %q", rows)
	}
	if rows[1][0] != "坏号" || !strings.Contains(rows[1][4], "原第 3 行") || !strings.Contains(rows[1][4], "17 位") {
		t.Errorf("reason for 坏号: %q", rows[1])
	}
	if rows[2][2] != "2006-02-03" || !strings.Contains(rows[2][4], "文本格式") {
		t.Errorf("丢位 row: %q", rows[2])
	}
	again := mustRead(t, out, ReadOptions{})
	if len(again.Rows) != 2 {
		t.Errorf("the rejects file must import again as a roster, read %d rows", len(again.Rows))
	}
	if wrote, _ := WriteRejects(filepath.Join(t.TempDir(), "none.xlsx"), &Plan{}); wrote {
		t.Error("no rejected rows, no file")
	}
}

func TestWriteTemplate(t *testing.T) {
	out := filepath.Join(t.TempDir(), "模板.xlsx")
	if err := WriteTemplate(out); err != nil {
		t.Fatal(err)
	}
	rf := mustRead(t, out, ReadOptions{})
	if len(rf.Sheets) != 2 || rf.Sheets[0].Mapping.Count() != len(Fields) || rf.Sheets[1].Skipped == "" {
		t.Fatalf("template headers must all be recognised and the notes sheet skipped: %+v", rf.Sheets)
	}
	f, _ := excelize.OpenFile(out)
	defer f.Close()
	id, _ := f.GetCellStyle("党员花名册", "E2")
	st, _ := f.GetStyle(id)
	if st.CustomNumFmt == nil || *st.CustomNumFmt != "@" {
		t.Errorf("the ID column must be text-formatted before anyone types: %+v", st)
	}
	if h, _ := f.GetCellValue("党员花名册", "E1"); h != "*公民身份号码" {
		t.Errorf("required headers are marked: %q", h)
	}
}
