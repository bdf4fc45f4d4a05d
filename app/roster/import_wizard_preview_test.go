package roster

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/data"
	"dangjian/data/civil"
	"dangjian/data/idcard"
)

// noisyRoster is a file whose few real problems sit among many mild notes: 40 members whose
// 入党时间 has only year and month, 2 whose 出生日期 disagrees with the ID number, 2 with a
// wrong check digit, 1 with a month 13, and one known member with a new phone.
func noisyRoster(t *testing.T, s *data.Store) (path, warnedID string) {
	t.Helper()
	ms, _ := s.Members(context.Background(), data.MemberFilter{})
	known, branch := ms[0], ms[0].BranchName
	id := func(seq int) string { return idcard.Make("340104", civil.Date(1986, 6, 6), seq, seq%2 == 1) }
	rows := [][]any{
		{"序号", "姓名", "性别", "出生日期", "公民身份号码", "所在党支部", "人员类别", "入党时间", "手机"},
		{1, known.Name, "", "", known.IDNumber, known.BranchName, "", "", "13800002222"},
	}
	add := func(name, birth, id, joined string) {
		rows = append(rows, []any{len(rows), name, "", birth, id, branch, "正式党员", joined, ""})
	}
	for i := 1; i <= 40; i++ {
		add(fmt.Sprintf("年月%02d", i), "", id(i), "2010年7月")
	}
	add("生日不符甲", "1986-01-01", id(41), "2010-07-01")
	add("生日不符乙", "1987-06-06", id(42), "2010-07-01")
	for _, seq := range []int{43, 44} {
		good := id(seq)
		bad := good[:17] + map[bool]string{true: "1", false: "2"}[good[17] != '1']
		add(fmt.Sprintf("错号%d", seq), "", bad, "2010-07-01")
	}
	add("月份十三", "", id(45), "2010-13-01")
	return xlsxOf(t, "支部花名册.xlsx", rows), id(41)
}

// A person opens the wizard on a roster with 40 mild notes and 5 real problems: the preview
// heads the rejections and warnings with their counts and shows their rows; the 40 notes take
// one line, folded; 只看错误 leaves only the rejections and warnings; the table shows the rows
// as stored, masked, and scrolls to the last row with the keyboard.
func TestImportPreviewGroupsNotesByKind(t *testing.T) {
	wb := importWorkbench(t)
	path, warnedID := noisyRoster(t, wb.Store)
	w := wizardOnFile(t, wb, path)
	wb.Window.Resize(fyne.NewSize(1024, 700))
	w.show()
	test.Tap(w.next)
	if w.page != pagePreview {
		t.Fatalf("page %d, want the preview", w.page)
	}
	for _, want := range []string{
		"共 46 行：新增 42　更新 1　无变化 0　不导入 3",
		"拒收 3 行", "身份证号有误：2 行", "“入党时间”日期无法识别或不存在：1 行",
		"警告 2 行", "出生日期与身份证号不符，已按身份证号取：2 行",
		"提示 40 行", "入党时间：只有年月，按该月1日计：40 行",
		"更新 1 人", "更新“联系电话”：1 行",
	} {
		if !apptest.Shows(w.body, want) {
			t.Errorf("the preview does not show %q: %q", want, apptest.Texts(w.body))
		}
	}
	// The rejected and warned rows are shown; the 40 notes stay folded under their heading.
	for _, want := range []string{"错号43 — “公民身份号码”", "月份十三 — “入党时间”", "生日不符甲 — 出生日期 1986-01-01 与身份证号不符"} {
		if !apptest.Shows(w.body, want) {
			t.Errorf("the row %q is not shown: %q", want, apptest.Texts(w.body))
		}
	}
	if apptest.Shows(w.body, "年月01 —") {
		t.Error("the 40 year-month notes are spread out instead of folded under their kind")
	}
	if cut := apptest.OffCanvas(wb.Window.Canvas().Overlays().Top(), wb.Window.Canvas().Size()); len(cut) > 0 {
		t.Errorf("at 1024×700 the preview cuts: %v", cut)
	}

	only := apptest.FindAll[*widget.Check](w.body)
	if len(only) != 1 || !strings.HasPrefix(only[0].Text, "只看错误") {
		t.Fatalf("no 只看错误 check: %v", apptest.Texts(w.body))
	}
	test.Tap(only[0])
	if !apptest.Shows(w.body, "拒收 3 行") || !apptest.Shows(w.body, "警告 2 行") {
		t.Errorf("只看错误 hides the errors: %q", apptest.Texts(w.body))
	}
	if apptest.Shows(w.body, "按该月1日计") || apptest.Shows(w.body, "更新 1 人") {
		t.Errorf("只看错误 still shows the notes and updates: %q", apptest.Texts(w.body))
	}

	// The table of the rows as stored, with 只看错误: the five rows, the rejected marked with
	// their reason, the ID numbers masked as in the roster.
	w.tabs.SelectIndex(1)
	if w.tabs.Selected().Text != "入库预览（只看错误：5 行）" {
		t.Errorf("the table tab reads %q", w.tabs.Selected().Text)
	}
	if cut := apptest.OffCanvas(wb.Window.Canvas().Overlays().Top(), wb.Window.Canvas().Size()); len(cut) > 0 {
		t.Errorf("at 1024×700 the table tab cuts: %v", cut)
	}
	shown := strings.Join(apptest.Texts(w.table.table), "\n")
	for _, want := range []string{"错号43", "不导入", "生日不符甲", "1986-06-06", idcard.Mask(warnedID), "月份十三"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the table does not show %q:\n%s", want, shown)
		}
	}
	if strings.Contains(shown, warnedID) || strings.Contains(shown, "年月01") {
		t.Errorf("the table shows a full ID number or a row 只看错误 leaves out:\n%s", shown)
	}

	// All 46 rows: ↓ to the last and Enter shows its whole text below the table.
	test.Tap(only[0])
	w.tabs.SelectIndex(1)
	if len(w.table.rows) != 46 {
		t.Fatalf("the table has %d rows, want 46", len(w.table.rows))
	}
	wb.Window.Canvas().Focus(w.table.table)
	for range 46 {
		w.table.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	w.table.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !strings.Contains(w.table.detail.Text, "月份十三（不导入）") || !strings.Contains(w.table.detail.Text, "月份 13 不存在") {
		t.Errorf("Enter on the last row shows %q", w.table.detail.Text)
	}
	if shown := strings.Join(apptest.Texts(w.table.table), "\n"); !strings.Contains(shown, "月份十三") || strings.Contains(shown, "年月01") {
		t.Errorf("the table did not scroll to the last row:\n%s", shown)
	}
}

// The preview of noisyRoster as a person sees it: the remarks by kind, with 只看错误, and the
// table of the rows as stored.
func TestScreenshotImportWizardPreview(t *testing.T) {
	wb := importWorkbench(t)
	path, _ := noisyRoster(t, wb.Store)
	w := wizardOnFile(t, wb, path)
	test.Tap(w.next)
	size := fyne.NewSize(920, 620) // the wizard's dialog
	apptest.SaveScreenshot(t, "import-wizard-preview-groups", w.root, size, "拒收 3 行", "提示 40 行")
	test.Tap(apptest.FindAll[*widget.Check](w.body)[0])
	apptest.SaveScreenshot(t, "import-wizard-preview-errors", w.root, size, "拒收 3 行", "警告 2 行")
	w.tabs.SelectIndex(1)
	apptest.SaveScreenshot(t, "import-wizard-preview-table", w.root, size, "导入结果", "不导入")
}

// owip's 历史党员导入样表 gives only 出生年月 (1986-08): the ID number completes the day, so
// the preview has two hints and nothing to check — 只看错误 says so — and the table shows
// the whole date as it will be stored.
func TestImportPreviewOfARealTemplateWithBirthMonths(t *testing.T) {
	path := "../../../shared/corpus/real-rosters/owip_member_history_filled.xlsx"
	if _, err := os.Stat(path); err != nil {
		t.Skip("corpus folder ../shared/corpus/real-rosters absent")
	}
	wb := importWorkbench(t)
	w := wizardOnFile(t, wb, path)
	wizardWait(t, w) // its branch 离退休第一党支部 is new: created by default
	w.show()
	test.Tap(w.next)
	if !apptest.Shows(w.body, "提示 2 行") || !apptest.Shows(w.body, "出生年月：只有年月，已按身份证号补全日：2 行") || apptest.Shows(w.body, "警告") {
		t.Errorf("the preview of 出生年月 rows: %q", apptest.Texts(w.body))
	}
	test.Tap(apptest.FindAll[*widget.Check](w.body)[0]) // 只看错误
	if !apptest.Shows(w.body, "没有不导入或需核对的行。") {
		t.Errorf("只看错误 over a clean file shows %q", apptest.Texts(w.body))
	}
	test.Tap(apptest.FindAll[*widget.Check](w.body)[0])
	w.tabs.SelectIndex(1)
	if shown := strings.Join(apptest.Texts(w.table.table), "\n"); !strings.Contains(shown, "吴佳琪") || !strings.Contains(shown, "1986-08-21") {
		t.Errorf("the table of the rows as stored:\n%s", shown)
	}
	wb.Window.Canvas().Focus(w.table.table)
	for range colBranch { // → along the row to 所在党支部
		w.table.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if shown := strings.Join(apptest.Texts(w.table.table), "\n"); !strings.Contains(shown, "离退休第一党支部（新建）") {
		t.Errorf("→ to 所在党支部 shows:\n%s", shown)
	}
}
