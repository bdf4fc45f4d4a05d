package sheets

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
)

// A branch's roster is titled after the branch and holds its members only, whichever front end
// exports it: the naming lives here, not in the window and the command line each.
func TestExportRosterOfOneBranchIsTitledAfterIt(t *testing.T) {
	s := demoStore(t)
	o, err := s.OrgByName(context.Background(), "科研处党支部")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := s.Members(context.Background(), data.MemberFilter{BranchID: o.ID})
	out := filepath.Join(t.TempDir(), "支部.xlsx")
	n, err := ExportRoster(context.Background(), s, data.MemberFilter{BranchID: o.ID}, out, ExportOptions{}, nil)
	if err != nil || n != len(want) || n == 0 {
		t.Fatalf("ExportRoster = %d, %v; want %d", n, err, len(want))
	}
	f := openBook(t, out)
	title, _ := f.GetCellValue(f.GetSheetName(0), "A1")
	if !strings.HasPrefix(title, "科研处党支部党员花名册") || !strings.Contains(title, "身份证号已隐去") {
		t.Errorf("title %q", title)
	}
}
