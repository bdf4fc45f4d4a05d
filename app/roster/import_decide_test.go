package roster

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/data"
	"dangjian/data/civil"
	"dangjian/data/idcard"
)

// A file with no category column and two old members without 转正日期: the preview marks both
// 需确认 with a choice, and each is stored as the office chose.
func TestImportWizardStoresTheChosenCategory(t *testing.T) {
	wb := importWorkbench(t)
	ms, _ := wb.Store.Members(context.Background(), data.MemberFilter{})
	branch := ms[0].BranchName
	id := func(seq int) string { return idcard.Make("340104", civil.Date(1975, 5, 5), seq, true) }
	w := wizardOnFile(t, wb, xlsxOf(t, "无类别.xlsx", [][]any{
		{"姓名", "公民身份号码", "所在支部", "入党时间"},
		{"老同志甲", id(11), branch, "2010-07-01"},
		{"老同志乙", id(13), branch, "2012-07-01"},
	}))
	test.Tap(w.next)
	if w.page != pagePreview {
		t.Fatalf("page %d, want preview", w.page)
	}
	marks := 0
	for _, s := range apptest.Texts(w.root) {
		if strings.HasPrefix(s, "需确认 Sheet1 第") {
			marks++
		}
	}
	choices := apptest.FindAll[*widget.RadioGroup](w.root)
	if marks != 2 || len(choices) != 2 {
		t.Fatalf("%d 需确认 marks and %d choices; want 2 and 2: %v", marks, len(choices), apptest.Texts(w.root))
	}
	if choices[0].Selected != data.CategoryProbation {
		t.Errorf("the choice starts at %q; want 预备党员, what is stored without an answer", choices[0].Selected)
	}
	choices[0].SetSelected(data.CategoryFull) // 老同志甲 is 正式党员; 老同志乙 stays 预备党员

	test.Tap(w.next) // 导入
	wizardImported(t, w)
	if w.page != pageDone {
		t.Fatalf("page %d after the import, want done", w.page)
	}
	got := map[string]string{}
	ms, _ = wb.Store.Members(context.Background(), data.MemberFilter{})
	for _, m := range ms {
		got[m.Name] = m.Category
	}
	if got["老同志甲"] != data.CategoryFull || got["老同志乙"] != data.CategoryProbation {
		t.Errorf("stored 老同志甲 %q, 老同志乙 %q; want 正式党员 and 预备党员", got["老同志甲"], got["老同志乙"])
	}
}

// The wizard re-plans at once when the file names a branch the store lacks (it is created by
// default); the members without category and 转正日期 (all three joined over a year ago) must
// still be asked about after it. Before, the first plan's guess was read back as the file's
// own, and only the new branch's member, first planned after the re-plan, was asked.
func TestImportWizardStillAsksAfterARePlan(t *testing.T) {
	wb := importWorkbench(t)
	ms, _ := wb.Store.Members(context.Background(), data.MemberFilter{})
	id := func(seq int) string { return idcard.Make("340104", civil.Date(1975, 5, 5), seq, true) }
	w := wizardOnFile(t, wb, xlsxOf(t, "无类别.xlsx", [][]any{
		{"姓名", "公民身份号码", "所在支部", "入党时间"},
		{"老同志甲", id(11), ms[0].BranchName, "2010-07-01"},
		{"老同志乙", id(13), ms[0].BranchName, "2012-07-01"},
		{"新支部的人", id(15), "量子材料联合党支部", "2024-07-01"},
	}))
	wizardWait(t, w)
	test.Tap(w.next)
	if choices := apptest.FindAll[*widget.RadioGroup](w.root); len(choices) != 3 {
		t.Fatalf("after the re-plan %d members are asked about, want all 3: %v", len(choices), apptest.Texts(w.root))
	}
}
