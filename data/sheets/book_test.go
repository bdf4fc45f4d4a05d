package sheets

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestPrintSetupAndSaveAtomic(t *testing.T) {
	f := excelize.NewFile()
	st, err := NewStyles(f)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("Sheet1", "A1", "标题")
	f.SetCellStyle("Sheet1", "A1", "A1", st.Title)
	if err := PrintSetup(f, "Sheet1", true, "$1:$2"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "导出 测试.xlsx")
	if err := SaveAtomic(f, path); err != nil {
		t.Fatal(err)
	}
	g := openBook(t, path)
	pl, _ := g.GetPageLayout("Sheet1")
	if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 9 {
		t.Errorf("page layout = %+v, want A4 landscape", pl)
	}
	names := g.GetDefinedName()
	found := false
	for _, n := range names {
		if n.Name == "_xlnm.Print_Titles" {
			found = true
		}
	}
	if !found {
		t.Error("print titles not set")
	}
}
