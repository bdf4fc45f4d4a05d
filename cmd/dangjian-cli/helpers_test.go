package main

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data/civil"
	"dangjian/data/idcard"
)

// writeSheet writes rows to the first sheet of a new workbook named name in a temporary
// folder, as an office would type a roster, and returns its path.
func writeSheet(t *testing.T, name string, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	for i, r := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", ref, &r)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// testID is a valid ID number of a man born on 3 March of year, the seq-th of that day.
func testID(year, seq int) string {
	return idcard.Make("340104", civil.Date(year, time.March, 3), seq, true)
}
