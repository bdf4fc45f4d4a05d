package sheets

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/civil"
	"dangjian/data/idcard"
	"dangjian/data/storetest"
)

// Fixtures: real .xlsx files written the way offices' files look, and a small store.

// sheetSpec is one worksheet of a generated workbook. Cells are written as given: a string is
// text, a float64 a number, a time.Time a real date in the format of dateFmt (an Excel
// built-in format id; 31, 57 and 58 are the CJK ones excelize cannot format).
type sheetSpec struct {
	name    string
	rows    [][]any
	merges  [][2]string
	dateFmt int
	hidden  []int // 1-based rows to hide
}

func writeBook(t testing.TB, path string, sheets ...sheetSpec) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, sp := range sheets {
		if i == 0 {
			f.SetSheetName("Sheet1", sp.name)
		} else if _, err := f.NewSheet(sp.name); err != nil {
			t.Fatal(err)
		}
		fmtID := sp.dateFmt
		if fmtID == 0 {
			fmtID = 14
		}
		dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: fmtID})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range sp.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(sp.name, ref, v); err != nil {
					t.Fatal(err)
				}
				if _, ok := v.(time.Time); ok {
					f.SetCellStyle(sp.name, ref, ref, dateStyle)
				}
			}
		}
		for _, m := range sp.merges {
			if err := f.MergeCell(sp.name, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
		for _, r := range sp.hidden {
			f.SetRowVisible(sp.name, r, false)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

var testToday = time.Date(2025, 6, 1, 9, 0, 0, 0, time.Local)

// openStore is a store with a root committee and two branches.
func openStore(t testing.TB) *data.Store {
	t.Helper()
	s := storetest.Open(t, testToday)
	ctx := context.Background()
	root := &data.Org{TypeCode: data.TypeCommittee, Name: "测试研究院党委"}
	if err := s.SaveOrg(ctx, root); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"第一党支部", "第二党支部"} {
		if err := s.SaveOrg(ctx, &data.Org{ParentID: root.ID, TypeCode: data.TypeBranch, Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func mkID(y, m, d, seq int, male bool) string {
	return idcard.Make("340104", civil.Date(y, time.Month(m), d), seq, male)
}

func mustRead(t testing.TB, path string, opt ReadOptions) *RosterFile {
	t.Helper()
	rf, err := ReadRoster(context.Background(), path, opt)
	if err != nil {
		t.Fatalf("ReadRoster(%s): %v", filepath.Base(path), err)
	}
	return rf
}

func mustPlan(t testing.TB, s *data.Store, rf *RosterFile, c BranchChoices) *Plan {
	t.Helper()
	p, err := PlanImport(context.Background(), s, rf, c)
	if err != nil {
		t.Fatal(err)
	}
	if p.New+p.Updated+p.Unchanged+p.Rejected != p.Rows() {
		t.Fatalf("counts %d+%d+%d+%d do not add up to %d rows", p.New, p.Updated, p.Unchanged, p.Rejected, p.Rows())
	}
	return p
}

// rejectsOf plans the roster file at path against s and writes its 错误行 file, which must
// have rows; it returns the file's path and the file opened, closed when the test ends.
func rejectsOf(t testing.TB, s *data.Store, path string) (string, *excelize.File) {
	t.Helper()
	p := mustPlan(t, s, mustRead(t, path, ReadOptions{}), nil)
	out := filepath.Join(t.TempDir(), "错误行.xlsx")
	if wrote, err := WriteRejects(out, p); err != nil || !wrote {
		t.Fatalf("WriteRejects: %v %v", wrote, err)
	}
	return out, openBook(t, out)
}

// openBook opens the workbook at path as Excel would, closed when the test ends.
func openBook(t testing.TB, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// rowByName finds the read row of a person.
func rowByName(t testing.TB, rf *RosterFile, name string) *Row {
	t.Helper()
	for _, r := range rf.Rows {
		if r.Member.Name == name {
			return r
		}
	}
	t.Fatalf("no row for %s; rows: %d", name, len(rf.Rows))
	return nil
}

func d(y, m, dd int) time.Time { return civil.Date(y, time.Month(m), dd) }

// noGoroutinesLeft fails the test when, after a moment to finish, more goroutines run than the
// base counted before it started: a reader or writer an import left behind.
func noGoroutinesLeft(t testing.TB, base int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > base && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > base {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines left behind:\n%s", n-base, buf[:runtime.Stack(buf, true)])
	}
}
