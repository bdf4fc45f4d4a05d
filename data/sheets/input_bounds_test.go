package sheets

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The holiday table goes through the same bounds as every other reader.
func TestHolidayTableIsBounded(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "节假日.xlsx")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "大表.xlsx")
	if err := os.WriteFile(huge, []byte("PK\x03\x04"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 2<<30); err != nil {
		t.Fatal(err)
	}
	for path, say := range map[string]string{zero: "不是普通文件", huge: "超过可导入的上限"} {
		if _, _, err := ReadHolidays(path); !IsRefused(err) || !strings.Contains(err.Error(), say) {
			t.Errorf("%s: %v; want a refusal saying %q", filepath.Base(path), err, say)
		}
	}
}
