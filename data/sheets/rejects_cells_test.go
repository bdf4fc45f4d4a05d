package sheets

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A cell holding U+001F (the unit separator the reader once joined a row's cells with) shifted
// every later cell of its row one column to the right in the 错误行 file: the office would
// correct the wrong column. Every cell must come back in its own column, as typed.
func TestRejectsKeepCellsInTheirColumns(t *testing.T) {
	s := openStore(t)
	// A CSV carries the character as it is (excelize writes it into a workbook as U+FFFD).
	path := filepath.Join(t.TempDir(), "第一党支部.csv")
	if err := os.WriteFile(path, []byte("姓名,身份证号,入党日期,备注\n坏号,3401041980\x1f0101001,2005-01-01,备\x1f注\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, f := rejectsOf(t, s, path)
	rows, _ := f.GetRows(f.GetSheetName(0))
	if len(rows) != 2 {
		t.Fatalf("want header + 1 rejected row, got %q", rows)
	}
	got := rows[1]
	if len(got) != 5 || got[0] != "坏号" || !strings.HasPrefix(got[1], "3401041980") || !strings.HasSuffix(got[1], "0101001") ||
		got[2] != "2005-01-01" || !strings.HasPrefix(got[3], "备") || !strings.HasSuffix(got[3], "注") || rows[0][4] != "错误提示" {
		t.Errorf("the rejected row came back as %q, want its cells in their own columns then the reason", got)
	}
}
