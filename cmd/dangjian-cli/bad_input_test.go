package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Bad input taken silently: a name of thousands of characters and a phone of 32 767 digits
// were imported as they came, and a CSV whose lines end in "\r" alone was read as 识别 0 行
// with exit 0. Now the long fields are rejected rows with a reason at their column, and the
// "\r" lines are read as lines.
func TestOverlongFieldsAndCarriageReturnLines(t *testing.T) {
	db := demoDB(t)
	book := writeSheet(t, "超长.xlsx", [][]any{
		{"姓名", "公民身份号码", "所在党支部", "入党日期", "联系电话"},
		{strings.Repeat("长", 5000), testID(1980, 1), "新建的党支部", "2005-07-01", ""},
		{"电话长", testID(1981, 2), "新建的党支部", "2006-07-01", strings.Repeat("1", 32767)},
		{"正常人", testID(1982, 3), "新建的党支部", "2006-07-01", "13905511234"},
		{"支部名长", testID(1985, 6), strings.Repeat("支", 5000), "2006-07-01", ""},
	})
	s := importJSON(t, "-db", db, "import", "roster", book, "-json", "-create-branches")
	if s.Imported != 1 || s.Rejected != 3 {
		t.Fatalf("want the three overlong rows rejected and 正常人 imported: %+v", s)
	}
	if orgs, _, _ := cli(t, "-db", db, "orgs"); strings.Contains(orgs, "支支支") {
		t.Error("a branch of a 5000-character name was created")
	}
	cols := map[string]bool{}
	for _, e := range s.Errors {
		cols[e.Column] = true
		if !strings.Contains(e.Message, "超过上限") {
			t.Errorf("row %d: %q, want a reason saying the field is too long", e.Row, e.Message)
		}
	}
	if !cols["姓名"] || !cols["联系电话"] || !cols["所在党支部"] {
		t.Errorf("the reasons name the columns %v, want 姓名, 联系电话 and 所在党支部", cols)
	}

	// Classic Mac line ends: "\r" alone.
	csv := "姓名,公民身份号码,所在党支部,入党日期\r" + "回车甲," + testID(1983, 4) + ",新建的党支部,2007-07-01\r" + "回车乙," + testID(1984, 5) + ",新建的党支部,2008-07-01\r"
	path := filepath.Join(t.TempDir(), "回车.csv")
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	s = importJSON(t, "-db", db, "import", "roster", path, "-json")
	if s.Rows != 2 || s.Imported != 2 {
		t.Fatalf("a CSV with \\r line ends: %+v, want 2 rows imported", s)
	}
	if out, _, _ := cli(t, "-db", db, "members", "-q", "回车乙"); !strings.Contains(out, "回车乙") {
		t.Errorf("回车乙 not in the roster: %q", out)
	}
}
