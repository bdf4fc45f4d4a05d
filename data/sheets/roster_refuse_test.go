package sheets

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Every file roster-sheets.md says to refuse is refused whole, with its own reason.
func TestRefusedFiles(t *testing.T) {
	dir := t.TempDir()
	good := writeBook(t, filepath.Join(dir, "good.xlsx"), sheetSpec{name: "第一党支部", rows: [][]any{
		{"姓名", "身份证号", "入党日期"}, {"甲", mkID(1980, 1, 1, 1, true), "2005-01-01"},
	}})
	whole, _ := os.ReadFile(good)

	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	encrypted := filepath.Join(dir, "locked.xlsx")
	{
		f := excelize.NewFile()
		f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "身份证号"})
		if err := f.SaveAs(encrypted, excelize.Options{Password: "123456"}); err != nil {
			t.Fatal(err)
		}
	}
	cfb := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, bytes.Repeat([]byte{0}, 504)...)
	cfb = append(cfb, utf16le("Workbook")...)
	empty := filepath.Join(dir, "empty.xlsx")
	{
		f := excelize.NewFile()
		f.SaveAs(empty)
	}
	noRoster := writeBook(t, filepath.Join(dir, "notes.xlsx"), sheetSpec{name: "Sheet1", rows: [][]any{
		{"会议记录"}, {"时间", "地点", "主持人"}, {"2025-01-01", "会议室", "某某"},
	}})

	cases := []struct {
		path, code, want string
	}{
		{write("csv-named.xlsx", []byte("姓名,身份证号\n甲,1\n")), RefuseNotSpreadsheet, "内容却是文本"},
		{write("truncated.xlsx", whole[:len(whole)/2]), RefuseTruncated, "不完整"},
		{write("zero.xlsx", nil), RefuseTruncated, "0 字节"},
		{encrypted, RefuseEncrypted, "设有打开密码"},
		{write("old.xls", cfb), RefuseOldFormat, "请另存为 .xlsx 后再导入"},
		{write("wps.et", cfb), RefuseOldFormat, "请另存为 .xlsx 后再导入"},
		{write("renamed-xls.xlsx", cfb), RefuseOldFormat, "请另存为 .xlsx 后再导入"},
		{empty, RefuseEmpty, "是空的"},
		{noRoster, RefuseNoRoster, "没有找到花名册"},
		{filepath.Join(dir, "missing.xlsx"), RefuseUnreadable, "无法打开"},
	}
	for _, c := range cases {
		_, err := ReadRoster(context.Background(), c.path, ReadOptions{})
		var re *RefusedError
		if !errors.As(err, &re) {
			t.Errorf("%s: want a refusal, got %v", filepath.Base(c.path), err)
			continue
		}
		if re.Code != c.code || !strings.Contains(re.Message, c.want) || !strings.Contains(re.Message, filepath.Base(c.path)) {
			t.Errorf("%s: got %s %q, want %s containing %q and the file name", filepath.Base(c.path), re.Code, re.Message, c.code, c.want)
		}
		if strings.Contains(re.Message, "zip:") || strings.Contains(re.Message, "excelize") {
			t.Errorf("%s: a Go error string leaked: %q", filepath.Base(c.path), re.Message)
		}
	}
	if _, err := ReadRoster(context.Background(), good, ReadOptions{Sheet: "没有这张表"}); err == nil || !strings.Contains(err.Error(), "没有名为") {
		t.Errorf("an unknown -sheet must be refused, got %v", err)
	}
}

// CSV as Excel saves it: UTF-8 with and without BOM, GBK on Chinese Windows, UTF-16 "Unicode
// text" with tabs; an ID that Excel showed as 3.40104E+17 before saving is refused per row.
func TestReadCSVEncodings(t *testing.T) {
	id := mkID(1983, 9, 9, 9, false)
	text := "姓名,性别,身份证号,所在党支部,入党日期,人员类别\r\n" +
		"周九,女," + id + ",第一党支部,2009年7月1日,正式\r\n" +
		"吴十,男,3.40104E+17,第一党支部,2009-07-01,正式\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	utf16 := []byte{0xFF, 0xFE}
	utf16 = append(utf16, utf16le(strings.ReplaceAll(text, ",", "\t"))...)
	dir := t.TempDir()
	for name, b := range map[string][]byte{
		"utf8.csv":  []byte(text),
		"bom.csv":   append([]byte{0xEF, 0xBB, 0xBF}, text...),
		"gbk.csv":   []byte(gbk),
		"utf16.txt": utf16,
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o600)
		rf := mustRead(t, p, ReadOptions{})
		if len(rf.Rows) != 2 {
			t.Errorf("%s: want 2 rows, got %d", name, len(rf.Rows))
			continue
		}
		m := rf.Rows[0].Member
		if m.Name != "周九" || m.IDNumber != id || m.BranchName != "第一党支部" || !m.Joined.Equal(d(2009, 7, 1)) {
			t.Errorf("%s: read %+v", name, m)
		}
		if e := rf.Rows[1].Errors; len(e) != 1 || e[0].Code != CodeIDLostDigits {
			t.Errorf("%s: a scientific-notation ID must be rejected as lost digits: %+v", name, e)
		}
	}
}
