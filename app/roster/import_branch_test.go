package roster

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"dangjian/app/apptest"
	"dangjian/data/civil"
	"dangjian/data/idcard"
)

// A sheet that writes 科研处支部 means the existing 科研处党支部: the wizard suggests merging
// into it, says why, and the members land there — no second branch is created unless the
// person picks 新建.
func TestImportWizardSuggestsTheBranchWrittenShort(t *testing.T) {
	wb := importWorkbench(t)
	orgsBefore, _ := wb.Store.Orgs(context.Background())
	rows := [][]any{
		{"姓名", "公民身份号码", "所在支部", "入党时间"},
		{"新同志丙", idcard.Make("340104", civil.Date(1990, 1, 2), 3, true), "科研处支部", "2016-07-01"},
		{"新同志丁", idcard.Make("340104", civil.Date(1991, 3, 4), 4, false), "科研处支部", "2017-07-01"},
	}
	w := wizardOnFile(t, wb, xlsxOf(t, "花名册.xlsx", rows))
	wizardWait(t, w)
	test.Tap(w.next) // preview
	if !apptest.Shows(w.body, "已建议并入对应的支部") {
		t.Errorf("the preview does not say the branch is merged: %v", apptest.Texts(w.body))
	}
	test.Tap(w.next) // the unknown branches
	if w.page != pageBranches {
		t.Fatalf("page %d, want the unknown branches", w.page)
	}
	if !apptest.Shows(w.body, "建议并入“科研处党支部”") || w.selects[len(w.selects)-1].Selected != "并入已有的“科研处党支部”" {
		t.Fatalf("no suggestion for 科研处支部: %v", apptest.Texts(w.body))
	}
	wizardWait(t, w)
	test.Tap(w.next) // 导入
	wizardImported(t, w)
	if w.page != pageDone {
		t.Fatalf("page %d after the import, want done", w.page)
	}
	m, err := wb.Store.MemberByIDNumber(context.Background(), rows[1][1].(string))
	if err != nil || m.BranchName != "科研处党支部" {
		t.Fatalf("新同志丙 is in %q (%v), want 科研处党支部", m.BranchName, err)
	}
	if orgsAfter, _ := wb.Store.Orgs(context.Background()); len(orgsAfter) != len(orgsBefore) {
		t.Fatalf("%d organisations after the import, %d before: a second branch was created", len(orgsAfter), len(orgsBefore))
	}
}

// When the person chooses not to import a new branch's rows, the preview says why in the
// window's own terms: the wizard's 第 3 步, never the command line's -create-branches.
func TestImportWizardReasonsNameNoCommandLineFlag(t *testing.T) {
	wb := importWorkbench(t)
	w := wizardOn(t, wb)
	wizardWait(t, w)
	test.Tap(w.next)
	test.Tap(w.next)
	if w.page != pageBranches {
		t.Fatalf("page %d, want the unknown branches", w.page)
	}
	w.selects[len(w.selects)-1].SetSelected("不导入这些行")
	wizardWait(t, w)
	test.Tap(w.back)
	if w.page != pagePreview {
		t.Fatalf("page %d, want the preview", w.page)
	}
	texts := strings.Join(apptest.Texts(w.body), "\n")
	if strings.Contains(texts, "-create-branches") || strings.Contains(texts, "命令行") {
		t.Fatalf("the window names a command-line flag:\n%s", texts)
	}
	if !strings.Contains(texts, "第 3 步") {
		t.Fatalf("the rejected rows do not say where to choose:\n%s", texts)
	}
}
