package sheets

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzReadOrgs feeds the organisation-sheet reader random bytes and damaged workbooks, as
// FuzzReadRoster does the roster reader: it must never panic, whatever it refuses it refuses
// with a RefusedError, and every row it keeps has a name or a reason.
func FuzzReadOrgs(f *testing.F) {
	dir := f.TempDir()
	good := writeBook(f, filepath.Join(dir, "seed.xlsx"), sheetSpec{name: "一览表", rows: [][]any{
		{"基层党组织基本情况一览表"},
		{"党组织名称", "组织类别", "上级党组织", "依托单位", "成立时间", "简称"},
		{"甲总支", "621", "", "甲中心", d(1995, 3, 1), "甲"},
		{"甲一支部", "党支部", "甲总支", "甲实验室", "2001.07", ""},
		{"甲二支部", "631 党支部", nil, "乙实验室", 38000.5, ""},
		{"注：上级党组织空白的，视为院党委直属"},
	}, merges: [][2]string{{"C4", "C5"}}})
	b, _ := os.ReadFile(good)
	f.Add(b)
	f.Add(b[:len(b)*2/3])
	f.Add(flipInside(b))
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0})
	f.Add([]byte("PK\x03\x04garbage"))
	f.Add(withDeclaredSize(f, b, "docProps/core.xml", 2492765332))
	capMinimizing()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "f.xlsx")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		var of *OrgFile
		if !boundedRead(t, len(data), func() (err error) {
			of, err = ReadOrgs(context.Background(), p)
			return err
		}) {
			return
		}
		for _, r := range of.Rows {
			if len(r.Errors) == 0 && (r.Name == "" || utf8.RuneCountInString(r.Name) > maxOrgField) {
				t.Fatalf("a row without a usable name must carry a reason: %+v", r)
			}
		}
	})
}
