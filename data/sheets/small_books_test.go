package sheets

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The AB catalogue, the holiday table and the organisation list are read only from .xlsx: a
// CSV given to any of them is refused in one sentence that names the table to save as .xlsx.
func TestSmallBooksRefuseACSVNamingTheTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "目录.csv")
	if err := os.WriteFile(path, []byte("部门,服务事项\n科研处,科研项目申报审核\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for what, read := range map[string]func() error{
		"AB岗目录":  func() error { _, err := ReadABCatalogue(ctx, path); return err },
		"节假日表":   func() error { _, _, err := ReadHolidays(path); return err },
		"党组织一览表": func() error { _, err := ReadOrgs(ctx, path); return err },
	} {
		var re *RefusedError
		if err := read(); !errors.As(err, &re) || re.Code != RefuseNotSpreadsheet ||
			!strings.Contains(re.Message, "“目录.csv”不是 .xlsx 工作簿") || !strings.Contains(re.Message, what+"请用 Excel 或 WPS 另存为 .xlsx") {
			t.Errorf("%s: %v, want a refusal naming %s", what, err, what)
		}
	}
}
