package roster

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"dangjian/app/apptest"
	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/civil"
	"dangjian/data/idcard"
	"dangjian/data/sheets"
)

func importWorkbench(t *testing.T) *ui.Workbench {
	t.Helper()
	wb := apptest.DemoWorkbench(t, time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC), fyne.NewSize(1100, 720))
	// The roster in a shell, as the main window has it: the wizard reports in the status line.
	wb.Shell = ui.NewShell(wb.Window, []ui.Screen{{Title: "党员花名册", Build: func() fyne.CanvasObject { return New(wb) }}})
	EnableDrop(wb)
	return wb
}

// Fyne's own file dialogs speak Chinese whatever the system locale (here "C" or English).
func TestFileDialogWordsAreChinese(t *testing.T) {
	for en, zh := range map[string]string{"Open": "打开", "Cancel": "取消", "Save": "保存", "File": "文件", "OK": "确定"} {
		if got := lang.L(en); got != zh {
			t.Errorf("lang.L(%q) = %q, want %q", en, got, zh)
		}
	}
}

// wizardFile: a known member with a new phone, two new members of a branch the store lacks,
// and a row whose ID lost its digits in Excel.
func wizardFile(t *testing.T, s *data.Store) string {
	ms, _ := s.Members(context.Background(), data.MemberFilter{})
	known := ms[0]
	id := func(seq int) string { return idcard.Make("340104", civil.Date(1988, 8, 8), seq, seq%2 == 1) }
	return xlsxOf(t, "新花名册.xlsx", [][]any{
		{"研究所党员花名册"},
		{"序号", "姓 名", "公民身份号码", "所在支部", "入党时间", "手机"},
		{1, known.Name, known.IDNumber, known.BranchName, "", "13800001111"},
		{2, "新同志甲", id(1), "量子材料联合党支部", "2015年7月", ""},
		{3, "新同志乙", id(2), "量子材料联合党支部", "2016-07-01", ""},
		{4, "号码丢位", 340104198808080000.0, "量子材料联合党支部", "2016-07-01", ""},
	})
}

// xlsxOf saves rows as the first sheet of a new .xlsx called name, as an office would.
func xlsxOf(t *testing.T, name string, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	for i, r := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", ref, &r); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// The wizard from the file to the done page, with a screenshot of each page (make screenshots
// runs the tests with Screenshot in their name).
func TestImportWizardEndToEndScreenshots(t *testing.T) {
	wb := importWorkbench(t)
	before, _ := wb.Store.Members(context.Background(), data.MemberFilter{})
	w := wizardOn(t, wb)
	wizardWait(t, w) // the unknown branch is planned as new by default
	size := fyne.NewSize(920, 560)
	apptest.SaveScreenshot(t, "import-wizard-mapping", w.root, size, "第 1 步", "*公民身份号码", "下一步")

	test.Tap(w.next)
	if w.page != pagePreview {
		t.Fatalf("page %d, want preview", w.page)
	}
	apptest.SaveScreenshot(t, "import-wizard-preview", w.root, size, "共 4 行：新增 2", "后几位已丢失")
	// The rows of the branch the store lacks count as new (created by default), not rejected
	// for a choice the user has not been asked yet; every reason is shown whole.
	if !apptest.Shows(w.body, "新增 2　更新 1") || !apptest.Shows(w.body, "后几位已丢失") {
		t.Errorf("preview: %q", apptest.Texts(w.body))
	}
	lines := 0
	for _, l := range wizardLabels(w.body) {
		if strings.HasPrefix(l.Text, "✗") {
			lines++
			if l.Truncation != fyne.TextTruncateOff || l.Wrapping == fyne.TextWrapOff {
				t.Errorf("a preview line is cut off: %q", l.Text)
			}
		}
	}
	if lines != 1 {
		t.Errorf("the preview lists %d rejected rows, want 1", lines)
	}
	test.Tap(w.next)
	if w.page != pageBranches {
		t.Fatalf("page %d, want the unknown branches", w.page)
	}
	wizardWait(t, w)
	apptest.SaveScreenshot(t, "import-wizard-branches", w.root, size, "第 3 步", "导入（新增 2，更新 1）")
	if w.plan.New != 2 || w.plan.Rejected != 1 {
		t.Fatalf("creating the new branch by default should import both new members: %+v", w.plan)
	}
	test.Tap(w.next) // 导入
	wizardImported(t, w)
	if w.page != pageDone || w.batchID == 0 {
		t.Fatalf("import did not finish: page %d batch %d", w.page, w.batchID)
	}
	apptest.SaveScreenshot(t, "import-wizard-done", w.root, size, "已导入：新增 2 人", "撤销本次导入")
	after, _ := wb.Store.Members(context.Background(), data.MemberFilter{})
	if len(after) != len(before)+2 {
		t.Errorf("want 2 more members, got %d → %d", len(before), len(after))
	}
	if m, _ := wb.Store.MemberByIDNumber(context.Background(), before[0].IDNumber); m.Phone != "13800001111" {
		t.Errorf("the update did not land: %q", m.Phone)
	}
	if err := wb.Store.UndoBatch(context.Background(), w.batchID, "测试", nil); err != nil {
		t.Fatal(err)
	}
	if again, _ := wb.Store.Members(context.Background(), data.MemberFilter{}); len(again) != len(before) {
		t.Errorf("undo left %d members, want %d", len(again), len(before))
	}
}

// wizardOn plans wizardFile for wb's store and opens the wizard on the plan, as the file
// dialog would.
func wizardOn(t *testing.T, wb *ui.Workbench) *importWizard {
	t.Helper()
	return wizardOnFile(t, wb, wizardFile(t, wb.Store))
}

// wizardOnFile reads and plans the roster at path for wb's store and opens the wizard on the
// plan, as choosing the file in the dialog does.
func wizardOnFile(t *testing.T, wb *ui.Workbench, path string) *importWizard {
	t.Helper()
	rf, err := sheets.ReadRoster(context.Background(), path, sheets.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	plan, err := sheets.PlanImport(context.Background(), wb.Store, rf, nil)
	if err != nil {
		t.Fatal(err)
	}
	return newImportWizard(wb, plan)
}

// wizardWait waits for the background re-plan started last.
func wizardWait(t *testing.T, w *importWizard) {
	t.Helper()
	if w.replanned == nil {
		t.Fatal("no re-plan was started")
	}
	select {
	case <-w.replanned:
	case <-time.After(10 * time.Second):
		t.Fatal("the re-plan did not finish within 10 s")
	}
}

// wizardImported waits for the import started last to end.
func wizardImported(t *testing.T, w *importWizard) {
	t.Helper()
	if w.imported == nil {
		t.Fatal("no import was started")
	}
	apptest.Settle(t, "import", w.imported)
}

// Changing a column choice re-plans through RunLong (off the main goroutine, with its
// progress dialog on a big file), and the preview then follows the new mapping.
func TestImportWizardRemapReplansInBackground(t *testing.T) {
	wb := importWorkbench(t)
	w := wizardOn(t, wb)
	plan := w.plan // the plan read from the file; the default branch choice re-plans it
	wizardWait(t, w)
	w.show()
	var phone *widget.Select
	for i, f := range sheets.Fields {
		if f == sheets.FieldPhone {
			phone = w.selects[i]
		}
	}
	if phone == nil || phone.SelectedIndex() == 0 {
		t.Fatal("the 手机 column was not guessed")
	}
	updatedBefore := plan.Updated
	phone.SetSelectedIndex(0) // （不导入）
	wizardWait(t, w)
	if w.busy || w.next.Disabled() {
		t.Fatal("the wizard stays busy after the re-plan")
	}
	if w.plan == plan || w.plan.Updated != updatedBefore-1 {
		t.Fatalf("without the phone column the known member should be unchanged: updated %d → %d", updatedBefore, w.plan.Updated)
	}
	if !apptest.Shows(w.body, "（已改）") {
		t.Error("the mapping page does not mark the changed field")
	}
}

func TestRosterExportFormSaysWhatItHolds(t *testing.T) {
	wb := importWorkbench(t)
	orgs, _ := wb.Store.Orgs(context.Background())
	var branch data.Org
	for _, o := range orgs {
		if o.IsBranch() {
			branch = o
			break
		}
	}
	f := newRosterExportForm(wb, data.MemberFilter{BranchID: branch.ID, Category: data.CategoryProbation})
	if !strings.Contains(f.scope.Text, branch.Name) || !strings.Contains(f.scope.Text, "预备党员") {
		t.Errorf("scope: %q", f.scope.Text)
	}
	if f.fullIDs.Checked {
		t.Error("full ID numbers must be opt-in")
	}
	apptest.SaveScreenshot(t, "roster-export-dialog", widget.NewForm(f.items...), fyne.NewSize(620, 260), "当前筛选：", "另存空白导入模板…")
}

// wizardLabels finds every label under o, inside scrolls and other widgets too.
func wizardLabels(o fyne.CanvasObject) []*widget.Label { return apptest.FindAll[*widget.Label](o) }
