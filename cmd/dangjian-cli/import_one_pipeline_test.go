package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/sheets"
)

// One roster file through the window's way (the wizard's plan, with every unknown branch to be
// created under the 党委, then its commit), the command line's -dry-run and its real import:
// the same counts and reasons, the dry run writes nothing, and both imports leave the same
// members in the same branches.
func TestOneRosterThroughWindowDryRunAndImport(t *testing.T) {
	window, cliDB := demoDB(t), demoDB(t)
	file := editedRoster(t, cliDB)
	if a, b := memberRows(t, window), memberRows(t, cliDB); !reflect.DeepEqual(a, b) {
		t.Fatal("the two demo databases differ before the import")
	}
	before := memberRows(t, cliDB)

	plan := windowImport(t, window, file)
	want := summary{File: file, Rows: plan.Rows(), Imported: plan.New, Updated: plan.Updated, Unchanged: plan.Unchanged, Rejected: plan.Rejected}
	if want.Imported != 2 || want.Updated != 1 || want.Rejected != 1 || want.Unchanged < 300 {
		t.Fatalf("the file should give every outcome: %+v %v", want, plan.Errors())
	}

	dry := importJSON(t, "-db", cliDB, "import", "roster", file, "-json", "-dry-run", "-create-branches")
	if !reflect.DeepEqual(memberRows(t, cliDB), before) {
		t.Error("the dry run changed the database")
	}
	real := importJSON(t, "-db", cliDB, "import", "roster", file, "-json", "-create-branches")
	for name, got := range map[string]summary{"dry run": dry, "import": real} {
		errs := got.Errors
		got.Errors = nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s counts %+v, the window's %+v", name, got, want)
		}
		if len(errs) != 1 || errs[0].Row != plan.Errors()[0].Row || errs[0].Message != plan.Errors()[0].Message {
			t.Errorf("%s reasons %+v, the window's %+v", name, errs, plan.Errors())
		}
	}
	if a, b := memberRows(t, window), memberRows(t, cliDB); !reflect.DeepEqual(a, b) {
		t.Errorf("the window's import and the command line's stored different members")
	}
	for _, db := range []string{window, cliDB} {
		s, err := data.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		bs, err := s.Batches(context.Background())
		s.Close()
		if err != nil || len(bs) != 1 || bs[0].Kind != sheets.BatchKind || bs[0].Summary != "新增 2 人，更新 1 人，无变化 "+fmt.Sprint(want.Unchanged)+" 人，未导入 1 行，新建支部 1 个" {
			t.Errorf("%s: one batch with the one summary, got %+v %v", filepath.Base(db), bs, err)
		}
	}
}

// windowImport is what the import wizard does: windowPlan, then the commit.
func windowImport(t *testing.T, db, file string) *sheets.Plan {
	t.Helper()
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	plan := windowPlan(t, s, file)
	if _, err := sheets.CommitImport(context.Background(), s, plan, nil); err != nil {
		t.Fatal(err)
	}
	return plan
}

// windowPlan is the wizard's plan: read, plan, choose to create every unknown branch under the
// 党委, plan again.
func windowPlan(t *testing.T, s *data.Store, file string) *sheets.Plan {
	t.Helper()
	rf, err := sheets.ReadRoster(context.Background(), file, sheets.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	plan, err := sheets.PlanImport(context.Background(), s, rf, nil)
	if err != nil {
		t.Fatal(err)
	}
	root, err := sheets.RootOrg(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	choices := sheets.BranchChoices{}
	for _, u := range plan.Unknown {
		choices[u.Name] = sheets.BranchChoice{CreateUnder: root.ID}
	}
	if plan, err = sheets.PlanImport(context.Background(), s, rf, choices); err != nil {
		t.Fatal(err)
	}
	return plan
}

// editedRoster is the demo roster as exported, with one member's phone changed, two new members
// of a branch the store does not have and one row with a broken ID number.
func editedRoster(t *testing.T, db string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "花名册.xlsx")
	if _, e, code := cli(t, "-db", db, "export", "roster", path); code != 0 {
		t.Fatalf("export: %s", e)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	head := slices.IndexFunc(rows, func(r []string) bool { return slices.Contains(r, "姓名") })
	col := func(name string) int {
		c := slices.Index(rows[head], name)
		if c < 0 {
			t.Fatalf("no column %s in %v", name, rows[head])
		}
		return c + 1
	}
	set := func(row, c int, v string) {
		ref, _ := excelize.CoordinatesToCellName(c, row)
		if err := f.SetCellStr(sheet, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	set(head+2, col("联系电话"), "13900001111")
	for i, r := range [][3]string{{"新甲", testID(1980, 1), "2005-07-01"}, {"新乙", testID(1981, 2), "2006-07-01"}, {"号码坏", "3401041980", "2006-07-01"}} {
		line := len(rows) + 1 + i
		set(line, col("姓名"), r[0])
		set(line, col("公民身份号码"), r[1])
		set(line, col("所在党支部"), "新建的党支部")
		set(line, col("入党日期"), r[2])
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	return path
}

// memberRows are the stored members as a person checks them: every field but the row ids.
func memberRows(t *testing.T, db string) []string {
	t.Helper()
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, err := s.Members(context.Background(), data.MemberFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(ms))
	for i, m := range ms {
		m.Person.ID, m.PersonID, m.Membership.ID, m.BranchID, m.UnitID = 0, 0, 0, 0, 0
		b, _ := json.Marshal(m)
		out[i] = string(b)
	}
	slices.Sort(out)
	return out
}
