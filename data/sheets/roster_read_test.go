package sheets

import (
	"path/filepath"
	"strings"
	"testing"
)

// A roster as an office keeps it: title, filing line, header on row 3 with spaces, a line
// break and "*" inside, extra columns, the branch merged down, dates in every spelling, IDs
// typed every way, blank rows, a hidden row, and notes and signatures under the data.
func TestReadMessyRoster(t *testing.T) {
	zhang := mkID(1985, 3, 12, 11, true)
	li := mkID(1990, 7, 1, 22, false)
	wang := mkID(1978, 11, 30, 33, true)
	old15 := "340104" + "750102" + "123" // 15-digit, male (3 is odd)
	zhao := mkID(1988, 1, 5, 44, false)
	lower := strings.ToLower(zhao)
	sun := mkID(1992, 2, 2, 55, true)
	fullWidth := toFullWidth(sun[:6]) + " " + sun[6:]
	lost := mkID(1980, 5, 5, 66, true)
	lostNum := 340104198005050000.0 // what Excel keeps of an 18-digit ID typed as a number
	path := writeBook(t, filepath.Join(t.TempDir(), "某所党员花名册.xlsx"), sheetSpec{
		name: "花名册",
		rows: [][]any{
			{"XX研究所党员花名册"},
			{"填报单位：XX研究所党委", nil, nil, nil, "填报日期：2025年5月"},
			{"序号", "姓  名", "性\u3000别", "公民身份\n号码", "*所在党支部", "出生年月", "入党时间", "转正时间", "党员身份", "手机", "籍贯", "备注"},
			{1.0, " 张  三 ", "男", "  " + zhang + " ", "第一党支部", d(1985, 3, 12), "2010-06-30", "2011/7/1", "正式", 13905511234.0, "安徽", ""},
			{2.0, "李四", "女", li, nil, "1990.07", "2015年6月", "", "预备", "139-0551-2222", "", ""},
			{},
			{3.0, "王五", "男", wang, nil, "1978/11/30", "20000701", "200107", "正式党员", "0551-65591234", "", ""},
			{4.0, "老证", "男", old15, "第二党支部", "1975.01.02", "1998年7月1日", "1999年7月1日", "正式", "", "", ""},
			{5.0, "赵六", "女", lower, nil, "", d(2012, 5, 4), d(2013, 5, 4), "正式", "", "", ""},
			{6.0, "孙七", "男", fullWidth, nil, "", "2016-01-01", "2017-01-01", "正式", "139 0551 3333", "", ""},
			{7.0, "丢位", "男", lostNum, nil, "", "2005-01-01", "2006-01-01", "正式", "", "", ""},
			{8.0},
			{"注意事项：1. 身份证号请设为文本格式"},
			{"填表人：", nil, "审核人："},
			{9.0, "不该导入", "男", mkID(1970, 1, 1, 1, true), "第一党支部", "", "1995-01-01", "", "正式"},
		},
		merges:  [][2]string{{"A1", "L1"}, {"E4", "E7"}, {"A13", "L13"}},
		dateFmt: 31,
		hidden:  []int{9},
	})
	rf := mustRead(t, path, ReadOptions{})
	if len(rf.Sheets) != 1 || rf.Sheets[0].HeaderRow != 3 {
		t.Fatalf("header should be found on row 3, got %+v", rf.Sheets)
	}
	if n := len(rf.Rows); n != 7 {
		t.Fatalf("want 7 member rows (blank, 序号-only and rows under the notes left out), got %d", n)
	}
	z := rowByName(t, rf, "张三")
	if z.Member.IDNumber != zhang || !z.Member.Birth.Equal(d(1985, 3, 12)) || !z.Member.Joined.Equal(d(2010, 6, 30)) ||
		!z.Member.Full.Equal(d(2011, 7, 1)) || z.Member.Category != "正式党员" || z.Member.Phone != "13905511234" || z.Line != 4 {
		t.Errorf("张三 read wrong: %+v line %d", z.Member, z.Line)
	}
	l := rowByName(t, rf, "李四")
	if l.Member.BranchName != "第一党支部" {
		t.Errorf("merged branch not filled down: %q", l.Member.BranchName)
	}
	if !l.Member.Joined.Equal(d(2015, 6, 1)) || l.Member.Category != "预备党员" || l.Member.Phone != "139-0551-2222" {
		t.Errorf("李四 read wrong: %+v", l.Member)
	}
	if !strings.Contains(strings.Join(NoteTexts(l.Notes), "；"), "按该月1日计") {
		t.Errorf("a year-month date must be noted, notes: %v", l.Notes)
	}
	w := rowByName(t, rf, "王五")
	if w.Member.BranchName != "第一党支部" || !w.Member.Joined.Equal(d(2000, 7, 1)) || !w.Member.Full.Equal(d(2001, 7, 1)) {
		t.Errorf("王五 read wrong: %+v", w.Member)
	}
	o := rowByName(t, rf, "老证")
	if len(o.Member.IDNumber) != 18 || o.Member.BranchName != "第二党支部" || !o.Member.Birth.Equal(d(1975, 1, 2)) {
		t.Errorf("15-digit ID not converted: %+v", o.Member)
	}
	zh := rowByName(t, rf, "赵六")
	if zh.Member.IDNumber != zhao || !zh.Member.Joined.Equal(d(2012, 5, 4)) || zh.Member.BranchName != "第二党支部" {
		t.Errorf("赵六 (lower-case x, CJK date format 31, branch carried from the row above): %+v", zh.Member)
	}
	if s := rowByName(t, rf, "孙七"); s.Member.IDNumber != sun || s.Member.Phone != "13905513333" {
		t.Errorf("full-width ID / spaced phone: %+v", s.Member)
	}
	lr := rowByName(t, rf, "丢位")
	if len(lr.Errors) != 1 || lr.Errors[0].Code != CodeIDLostDigits || !strings.Contains(lr.Errors[0].Message, "文本格式") ||
		lr.Errors[0].Column != "公民身份号码" || lr.Errors[0].Row != 11 || lr.Errors[0].Sheet != "花名册" {
		t.Errorf("an ID stored as a number must be rejected with the fix: %+v", lr.Errors)
	}
	if lr.Member.IDNumber == lost {
		t.Error("a lost-digit ID must never be guessed back")
	}
}

func TestReadCJKDateFormats(t *testing.T) {
	for _, fmtID := range []int{14, 31, 57, 58} {
		path := writeBook(t, filepath.Join(t.TempDir(), "d.xlsx"), sheetSpec{name: "第一党支部", dateFmt: fmtID, rows: [][]any{
			{"姓名", "身份证号", "入党日期"},
			{"甲", mkID(1980, 1, 1, 1, true), d(2003, 4, 5)},
		}})
		rf := mustRead(t, path, ReadOptions{})
		if got := rf.Rows[0].Member.Joined; !got.Equal(d(2003, 4, 5)) {
			t.Errorf("number format %d: joined read as %v", fmtID, got)
		}
		if rf.Rows[0].Member.BranchName != "第一党支部" {
			t.Errorf("branch should come from the sheet name, got %q", rf.Rows[0].Member.BranchName)
		}
	}
}

// Two header rows: a group row with 姓名 merged down, sub-headers under 党籍信息.
func TestReadTwoHeaderRows(t *testing.T) {
	id := mkID(1980, 2, 3, 7, false)
	path := writeBook(t, filepath.Join(t.TempDir(), "two.xlsx"), sheetSpec{name: "Sheet1", rows: [][]any{
		{"党员信息统计表"},
		{"姓名", "身份证号码", "基本信息", nil, "党籍信息", nil, "所属支部"},
		{nil, nil, "民族", "学历", "入党日期", "转正日期"},
		{"钱八", id, "汉", "研究生", "2001-07-01", "2002-07-01", "第二党支部"},
	}, merges: [][2]string{{"A2", "A3"}, {"B2", "B3"}, {"C2", "D2"}, {"E2", "F2"}, {"G2", "G3"}}})
	rf := mustRead(t, path, ReadOptions{})
	if len(rf.Rows) != 1 {
		t.Fatalf("the sub-header row must not be read as a member: %d rows", len(rf.Rows))
	}
	m := rf.Rows[0].Member
	if m.Name != "钱八" || m.Ethnicity != "汉族" || m.Education != "研究生" || !m.Joined.Equal(d(2001, 7, 1)) ||
		!m.Full.Equal(d(2002, 7, 1)) || m.BranchName != "第二党支部" {
		t.Errorf("two header rows mapped wrong: %+v", m)
	}
}

// One sheet per branch with the branch only in the sheet name, a 说明 sheet and a 统计 sheet.
func TestReadSheetPerBranch(t *testing.T) {
	row := func(name string, seq int) []any {
		return []any{name, mkID(1980, 1, 1, seq, true), "正式", "2005-07-01", "2006-07-01"}
	}
	hdr := []any{"姓名", "证件号码", "人员类别", "入党日期", "转正日期"}
	path := writeBook(t, filepath.Join(t.TempDir(), "per.xlsx"),
		sheetSpec{name: "填表说明", rows: [][]any{{"1. 每个支部一张表"}, {"2. 身份证号设为文本"}}},
		sheetSpec{name: "第一党支部", rows: [][]any{hdr, row("甲一", 1), row("甲二", 2)}},
		sheetSpec{name: "第二党支部", rows: [][]any{hdr, row("乙一", 3)}},
		sheetSpec{name: "统计", rows: [][]any{{"支部", "人数"}, {"第一党支部", 2.0}}},
	)
	rf := mustRead(t, path, ReadOptions{})
	if len(rf.Rows) != 3 {
		t.Fatalf("want 3 rows, got %d", len(rf.Rows))
	}
	if b := rowByName(t, rf, "乙一").Member.BranchName; b != "第二党支部" {
		t.Errorf("branch from sheet name: %q", b)
	}
	notes := strings.Join(rf.Notes, "\n")
	if !strings.Contains(notes, "填表说明") || !strings.Contains(notes, "统计") {
		t.Errorf("skipped sheets must be noted: %q", notes)
	}
	only := mustRead(t, path, ReadOptions{Sheet: "第二党支部"})
	if len(only.Rows) != 1 {
		t.Errorf("-sheet should read one sheet, got %d rows", len(only.Rows))
	}
}

// Branch blocks: a heading row per branch, blank rows between, the header repeated.
func TestReadBranchBlocks(t *testing.T) {
	path := writeBook(t, filepath.Join(t.TempDir(), "blocks.xlsx"), sheetSpec{name: "全体党员", rows: [][]any{
		{"姓名", "身份证号", "入党日期"},
		{"第一党支部（2人）"},
		{"甲", mkID(1980, 1, 1, 1, true), "2005-01-01"},
		{"乙", mkID(1980, 1, 1, 2, true), "2005-01-01"},
		{},
		{"第二党支部（1人）"},
		{"姓名", "身份证号", "入党日期"},
		{"丙", mkID(1980, 1, 1, 3, true), "2005-01-01"},
		{"合计", "3人"},
	}})
	rf := mustRead(t, path, ReadOptions{})
	if len(rf.Rows) != 3 || rowByName(t, rf, "乙").Member.BranchName != "第一党支部" || rowByName(t, rf, "丙").Member.BranchName != "第二党支部" {
		t.Fatalf("block headings should name the branch: %d rows", len(rf.Rows))
	}
}

func toFullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '!' && r <= '~' {
			r += 0xFEE0
		}
		b.WriteRune(r)
	}
	return b.String()
}
