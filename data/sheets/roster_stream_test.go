package sheets

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"testing"

	"dangjian/data/internal/sqldb"

	"dangjian/data"
)

// The streaming import must do exactly what the wizard's plan and commit do.

// messyBook is a workbook of three rosters and a notes sheet: an office's messy sheet (title,
// spaced headers, merged branch, dates and IDs typed every way, notes under the data), a sheet
// meeting stored members again (unchanged, update, duplicate, unknown branch, invalid), and a
// sheet per branch named only by the sheet.
func messyBook(t *testing.T, dir string, same, upd data.Member) string {
	zhang := mkID(1985, 3, 12, 11, true)
	li := mkID(1990, 7, 1, 22, false)
	newID := mkID(1990, 1, 1, 3, false)
	return writeBook(t, filepath.Join(dir, "某所党员花名册.xlsx"),
		sheetSpec{name: "填表说明", rows: [][]any{{"1. 身份证号设为文本"}}},
		sheetSpec{
			name: "花名册",
			rows: [][]any{
				{"XX研究所党员花名册"},
				{"序号", "姓  名", "性\u3000别", "公民身份\n号码", "*所在党支部", "出生年月", "入党时间", "转正时间", "党员身份", "手机"},
				{1.0, " 张  三 ", "男", "  " + zhang + " ", "第一党支部", d(1985, 3, 12), "2010-06-30", "2011/7/1", "正式", 13905511234.0},
				{2.0, "李四", "女", li, nil, "1990.07", "2015年6月", "", "预备", "139-0551-2222"},
				{},
				{3.0, "丢位", "男", 340104198005050000.0, nil, "", "2005-01-01", "2006-01-01", "正式", ""},
				{4.0, "老证", "男", "340104750102123", "第二党支部", "1975.01.02", "1998年7月1日", "1999年7月1日", "正式", ""},
				{"填表人：", nil, "审核人："},
			},
			merges:  [][2]string{{"E3", "E6"}},
			dateFmt: 31,
		},
		sheetSpec{name: "Sheet1", rows: [][]any{
			planHeader,
			{"无支部", "男", mkID(1985, 1, 1, 4, true), "", "正式", "2010-01-01", "", "", ""},
			{"老甲", "", same.IDNumber, "第一党支部", "", "", "", "", ""},
			{"老乙", "", upd.IDNumber, "第二党支部", "", "2005-07-01", "", "", "研究生"},
			{"新丙", "女", newID, "第一党支部", "预备", "2025-01-01", "", "13911112222", ""},
			{"重复", "女", newID, "第一党支部", "预备", "2025-01-01", "", "", ""},
			{"怪支部", "男", mkID(1985, 1, 1, 5, true), "第九党支部", "正式", "2010-01-01", "", "", ""},
			{"又怪", "男", mkID(1985, 1, 1, 7, true), "第九党支部", "正式", "2010-01-01", "", "", ""},
			{"太早", "男", mkID(2000, 1, 1, 6, true), "第一党支部", "正式", "2010-01-01", "", "", ""},
			{"张三", "男", zhang, "第一党支部", "", "", "", "", ""},
		}},
		sheetSpec{name: "第八党支部", rows: [][]any{
			{"姓名", "证件号码", "人员类别", "入党日期", "转正日期"},
			{"八一", mkID(1980, 1, 1, 81, true), "正式", "2005-07-01", "2006-07-01"},
			{"八二", mkID(1980, 1, 1, 82, false), "正式", "2005-07-01", ""},
		}},
	)
}

// seededStore is a store with the two members messyBook meets again.
func seededStore(t *testing.T) (*data.Store, data.Member, data.Member) {
	s := openStore(t)
	same := seedMember(t, s, "老甲", mkID(1980, 1, 1, 1, true), "第一党支部")
	upd := seedMember(t, s, "老乙", mkID(1981, 1, 1, 2, true), "第一党支部")
	return s, same, upd
}

// roster is what a user sees of the store after an import: each member's fields and branch,
// and the branches.
func roster(t *testing.T, s *data.Store) []string {
	t.Helper()
	ms, err := s.Members(context.Background(), data.MemberFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%s %s %s %s %s %s %s %s %s %s", m.IDNumber, m.Name, m.Gender, data.DateText(m.Birth), m.BranchName,
			m.Category, data.DateText(m.Joined), data.DateText(m.Full), m.Phone, m.Education))
	}
	orgs, _ := s.Orgs(context.Background())
	for _, o := range orgs {
		out = append(out, "org "+o.Name)
	}
	sort.Strings(out)
	return out
}

func TestImportRosterMatchesPlanAndCommit(t *testing.T) {
	for _, create := range []bool{false, true} {
		t.Run(fmt.Sprintf("create=%v", create), func(t *testing.T) {
			a, same, upd := seededStore(t)
			b, _, _ := seededStore(t)
			path := messyBook(t, t.TempDir(), same, upd)

			// The wizard's way, with the command line's choice for unknown branches.
			rf := mustRead(t, path, ReadOptions{})
			p := mustPlan(t, a, rf, nil)
			if create {
				root, _ := RootOrg(context.Background(), a)
				choices := BranchChoices{}
				for _, u := range p.Unknown {
					choices[u.Name] = BranchChoice{CreateUnder: root.ID}
				}
				p = mustPlan(t, a, rf, choices)
			}
			batchA, err := CommitImport(context.Background(), a, p, nil)
			if err != nil {
				t.Fatal(err)
			}

			res, err := ImportRoster(context.Background(), b, path, ImportOptions{CreateBranches: create})
			if err != nil {
				t.Fatal(err)
			}
			want := p.Counts()
			if res.Counts != want || res.Rows != p.Rows() || res.New+res.Updated+res.Unchanged+res.Rejected != res.Rows {
				t.Errorf("counts: streaming %+v of %d rows, plan %+v of %d", res.Counts, res.Rows, want, p.Rows())
			}
			if want.New < 4 || want.Updated != 1 || want.Unchanged != 1 || want.Rejected < 4 {
				t.Errorf("the workbook should give every outcome: %+v %v", want, p.Errors())
			}
			if !reflect.DeepEqual(res.Errors(), p.Errors()) {
				t.Errorf("errors differ:\nstreaming %v\nplan      %v", res.Errors(), p.Errors())
			}
			if !reflect.DeepEqual(res.Unknown, p.Unknown) || len(res.Unknown) != 2 {
				t.Errorf("unknown branches: streaming %+v, plan %+v", res.Unknown, p.Unknown)
			}
			if !reflect.DeepEqual(res.File.Notes, rf.Notes) || len(res.File.Rows) != 0 {
				t.Errorf("notes %v (want %v); %d rows kept", res.File.Notes, rf.Notes, len(res.File.Rows))
			}
			if ra, rb := roster(t, a), roster(t, b); !reflect.DeepEqual(ra, rb) {
				t.Errorf("stores differ:\nplan+commit %v\nstreaming   %v", strings.Join(ra, "\n"), strings.Join(rb, "\n"))
			}
			if res.Batch == 0 || batchA == 0 {
				t.Fatalf("batches: streaming %d, commit %d", res.Batch, batchA)
			}
			// The rejects report is the same file either way.
			dir := t.TempDir()
			if _, err := WriteRejects(filepath.Join(dir, "a.xlsx"), p); err != nil {
				t.Fatal(err)
			}
			if _, err := WriteRejects(filepath.Join(dir, "b.xlsx"), res.RejectsPlan()); err != nil {
				t.Fatal(err)
			}
			ra, rb := mustRead(t, filepath.Join(dir, "a.xlsx"), ReadOptions{}), mustRead(t, filepath.Join(dir, "b.xlsx"), ReadOptions{})
			if len(ra.Rows) != p.Rejected || len(rb.Rows) != len(ra.Rows) {
				t.Errorf("rejects reports: %d and %d rows, want %d", len(ra.Rows), len(rb.Rows), p.Rejected)
			}
			// And the streaming import is undone whole, as the wizard's is.
			if err := b.UndoBatch(context.Background(), res.Batch, "测试", nil); err != nil {
				t.Fatal(err)
			}
			if ms, _ := b.Members(context.Background(), data.MemberFilter{}); len(ms) != 2 {
				t.Errorf("undo left %d members, want the 2 stored before", len(ms))
			}
		})
	}
}

// bigRoster writes n new members of 第一党支部 on one sheet, and a second sheet given as rows.
func bigRoster(t *testing.T, path string, n int, second [][]any) string {
	rows := [][]any{planHeader}
	for i := range n {
		rows = append(rows, []any{"某人", "", mkID(1960+i%30, 1+i%12, 1+i%28, i/360, true), "第一党支部", "正式", "2010-01-01", "", "", ""})
	}
	return writeBook(t, path, sheetSpec{name: "第一党支部", rows: rows}, sheetSpec{name: "第二党支部", rows: second})
}

// untouched checks the store holds what it held before a failed import: the members, no batch,
// and no new backup when nothing was written.
func untouched(t *testing.T, s *data.Store, before []string) {
	t.Helper()
	if after := roster(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("a failed import changed the store: %d lines, was %d", len(after), len(before))
	}
	if bs, _ := s.Batches(context.Background()); len(bs) != 0 {
		t.Errorf("a failed import left a batch: %+v", bs)
	}
}

// A file refused after thousands of rows were already written, a refused -rejects file and a
// cancel mid-way all leave the database as it was.
func TestImportRosterFailuresChangeNothing(t *testing.T) {
	s, _, _ := seededStore(t)
	before := roster(t, s)
	dir := t.TempDir()
	goroutines := runtime.NumGoroutine()
	// No import, failed or not, leaves its reader or writer goroutine behind.
	defer noGoroutinesLeft(t, goroutines)
	second := [][]any{
		planHeader,
		{"乙一", "", mkID(1970, 1, 1, 1, true), "第二党支部", "正式", "2010-01-01", "", "", ""},
		{"乙二", "", mkID(1970, 1, 1, 2, true), "第二党支部", "正式", "2010-01-01", "", "", ""},
	}
	good := bigRoster(t, filepath.Join(dir, "good.xlsx"), 3000, second)

	// The second sheet damaged: a row number past Excel's last row.
	broken := filepath.Join(dir, "broken.xlsx")
	os.WriteFile(broken, rewritePart(t, good, "xl/worksheets/sheet2.xml", func(x string) string {
		return strings.Replace(x, `<row r="3"`, `<row r="1048577"`, 1)
	}), 0o600)
	_, err := ImportRoster(context.Background(), s, broken, ImportOptions{})
	var re *RefusedError
	if !errors.As(err, &re) || re.Code != RefuseTruncated || !strings.Contains(re.Message, "第二党支部") {
		t.Fatalf("want the damaged sheet refused, got %v", err)
	}
	untouched(t, s, before)

	// A refused file before any row: no backup either.
	backups, _ := s.Backups()
	if _, err := ImportRoster(context.Background(), s, filepath.Join(dir, "没有.xlsx"), ImportOptions{}); !errors.As(err, &re) {
		t.Fatalf("a missing file must be refused, got %v", err)
	}
	if after, _ := s.Backups(); len(after) != len(backups) {
		t.Errorf("a refused file took a backup")
	}

	// Refused at the very end, every row written: the -rejects file cannot be written.
	_, err = ImportRoster(context.Background(), s, good, ImportOptions{BeforeCommit: func(r *ImportResult) error {
		if r.New != 3002 {
			t.Errorf("before the commit: %+v", r.Counts)
		}
		return errors.New("无法写入错误行文件")
	}})
	if err == nil || !strings.Contains(err.Error(), "错误行文件") {
		t.Fatalf("the BeforeCommit error must end the import: %v", err)
	}
	untouched(t, s, before)

	// Cancelled half-way through the read, with rows already written.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err = ImportRoster(ctx, s, good, ImportOptions{Read: ReadOptions{Progress: func(n int) {
		if n >= 2000 {
			cancel()
		}
	}}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	untouched(t, s, before)

	// The same file imports whole when nothing goes wrong.
	res, err := ImportRoster(context.Background(), s, good, ImportOptions{})
	if err != nil || res.New != 3002 || res.Batch == 0 {
		t.Fatalf("import: %+v %v", res, err)
	}
	if ms, _ := s.Members(context.Background(), data.MemberFilter{}); len(ms) != 3004 {
		t.Errorf("want 3004 members, got %d", len(ms))
	}
	// The undo records are written chunk by chunk with their after-images: undo still
	// refuses once a member of the first chunk was edited, and undoes the whole file after.
	m, err := s.MemberByIDNumber(context.Background(), mkID(1960, 1, 1, 0, true))
	if err != nil {
		t.Fatal(err)
	}
	sqldb.Of(s).Pool().Exec(`UPDATE person SET phone='13700000000' WHERE id=?`, m.Person.ID)
	if err := s.UndoBatch(context.Background(), res.Batch, "", nil); err == nil {
		t.Fatal("undo must refuse after a member of the batch was edited")
	}
	sqldb.Of(s).Pool().Exec(`UPDATE person SET phone='' WHERE id=?`, m.Person.ID)
	if err := s.UndoBatch(context.Background(), res.Batch, "", nil); err != nil {
		t.Fatal(err)
	}
	if after := roster(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("undo left %d lines, want the %d of before", len(after), len(before))
	}
}

// rewritePart returns the .xlsx at path with one part's XML changed by edit.
func rewritePart(t *testing.T, path, part string, edit func(string) string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, f := range zr.File {
		r, _ := f.Open()
		body, _ := io.ReadAll(r)
		r.Close()
		if f.Name == part {
			found = true
			body = []byte(edit(string(body)))
		}
		w, _ := zw.Create(f.Name)
		w.Write(body)
	}
	if err := zw.Close(); err != nil || !found {
		t.Fatalf("rewrite %s: %v (found %v)", part, err, found)
	}
	return out.Bytes()
}
