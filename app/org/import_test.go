package org

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"dangjian/app/apptest"
	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/civil"
	"dangjian/data/idcard"
)

// orgSheet writes an office's 基层党组织基本情况一览表 with the given rows under its header.
func orgSheet(t *testing.T, rows ...[]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	all := append([][]any{{"序号", "党组织名称", "组织类别", "上级党组织", "依托单位"}}, rows...)
	for i, r := range all {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "基层党组织基本情况一览表.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// setUpInstitute gives an empty workbench its root 党委, as the first-start form does, and
// opens the 组织机构 screen on it.
func setUpInstitute(t *testing.T) (*ui.Workbench, fyne.Window, *Screen) {
	t.Helper()
	wb, w := apptest.EmptyWorkbench(t)
	if _, err := wb.Store.SetUp(context.Background(), data.Profile{Institute: "某某研究院", CommitteeName: "中共某某研究院委员会", CommitteeShort: "院党委"}); err != nil {
		t.Fatal(err)
	}
	o := Open(wb)
	w.SetContent(o.root)
	osWaitCheck(t, o)
	return wb, w, o
}

// openImport reads path and waits for the preview dialog, as 导入 → choosing the file does.
func openImport(t *testing.T, w fyne.Window, o *Screen, path string) fyne.CanvasObject {
	t.Helper()
	o.importOrgs(path)
	apptest.WaitFor(t, "the import preview", func() bool {
		return apptest.Button(w, "撤销本次导入") != nil || strings.HasPrefix(buttonText(w, "导入（"), "导入（")
	})
	return w.Canvas().Overlays().Top()
}

func buttonText(w fyne.Window, prefix string) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	for _, b := range apptest.FindAll[*widget.Button](top) {
		if strings.HasPrefix(b.Text, prefix) {
			return b.Text
		}
	}
	return ""
}

func TestOrgImportPreviewImportTreeAndUndo(t *testing.T) {
	wb, w, o := setUpInstitute(t)
	path := orgSheet(t,
		[]any{1, "稳态强磁场实验室党支部", "党支部", "强磁场中心党总支", "稳态强磁场实验室"},
		[]any{2, "强磁场中心党总支", "党总支", "", "强磁场科学中心"},
		[]any{3, "科研处党支部", "631", "", "科研处"},
	)
	top := openImport(t, w, o, path)
	if !apptest.Shows(top, "共 3 行：新增 3") || !apptest.Shows(top, "＋ 第 2 行 稳态强磁场实验室党支部 — 新增，隶属“强磁场中心党总支”") {
		t.Fatalf("preview shows %v", apptest.Texts(top))
	}
	if orgs, _ := wb.Store.Orgs(context.Background()); len(orgs) != 1 {
		t.Fatalf("the preview wrote %d organisations", len(orgs)-1)
	}
	apptest.Tap(t, w, buttonText(w, "导入（"))
	apptest.WaitFor(t, "the import", func() bool { return apptest.Button(w, "撤销本次导入") != nil })

	// The tree: the branch under its 党总支 under the 党委, each with its headcount.
	gen := osSelect(t, o, "强磁场中心党总支")
	lab := osSelect(t, o, "稳态强磁场实验室党支部")
	if lab.ParentID != gen.ID || gen.ParentID != o.kids[0][0] {
		t.Errorf("hierarchy: lab under %d, 党总支 %d under %d", lab.ParentID, gen.ID, gen.ParentID)
	}
	tree := strings.Join(apptest.Texts(o.tree), "\n")
	for _, want := range []string{"中共某某研究院委员会", "强磁场中心党总支", "稳态强磁场实验室党支部", "科研处党支部", "0 人"} {
		if !strings.Contains(tree, want) {
			t.Errorf("tree lacks %q:\n%s", want, tree)
		}
	}

	apptest.Tap(t, w, "撤销本次导入")
	apptest.Tap(t, w, "确定")
	apptest.WaitFor(t, "the undo", func() bool { orgs, _ := wb.Store.Orgs(context.Background()); return len(orgs) == 1 })
	apptest.WaitFor(t, "the tree to reload", func() bool { return !apptest.Shows(o.tree, "科研处党支部") })
}

func TestOrgImportPreviewShowsABadRowWithItsReason(t *testing.T) {
	_, w, o := setUpInstitute(t)
	path := orgSheet(t,
		[]any{1, "好支部", "党支部", "", ""},
		[]any{2, "孤儿支部", "党支部", "不存在的党总支", ""},
	)
	top := openImport(t, w, o, path)
	var red []string
	for _, l := range apptest.FindAll[*widget.Label](top) {
		if l.Importance == widget.DangerImportance {
			red = append(red, l.Text)
		}
	}
	if len(red) != 1 || !strings.Contains(red[0], "第 3 行 孤儿支部") || !strings.Contains(red[0], "不存在的党总支") {
		t.Errorf("red lines %q; want the orphan's row with its reason", red)
	}
	if b := apptest.Button(w, "导出错误行…"); b == nil || b.Disabled() {
		t.Error("导出错误行 is not offered for the rejected row")
	}
}

// After the org sheet and the members, each node counts the members under it: the branch its
// own, the 党总支 its branches', the 党委 everyone.
func TestOrgImportTreeCountsTheMembersUnderEachNode(t *testing.T) {
	wb, w, o := setUpInstitute(t)
	openImport(t, w, o, orgSheet(t,
		[]any{1, "稳态强磁场实验室党支部", "党支部", "强磁场中心党总支", ""},
		[]any{2, "极端条件实验室党支部", "党支部", "强磁场中心党总支", ""},
		[]any{3, "强磁场中心党总支", "党总支", "", ""},
	))
	apptest.Tap(t, w, buttonText(w, "导入（"))
	apptest.WaitFor(t, "the import", func() bool { return apptest.Button(w, "撤销本次导入") != nil })
	for i, branch := range []string{"稳态强磁场实验室党支部", "稳态强磁场实验室党支部", "极端条件实验室党支部"} {
		b, err := wb.Store.OrgByName(context.Background(), branch)
		if err != nil {
			t.Fatal(err)
		}
		m := data.Member{
			Person:     data.Person{Name: fmt.Sprintf("党员%d", i), IDNumber: idcard.Make("340104", civil.Date(1980, 1, 1), 10+i, true)},
			Membership: data.Membership{BranchID: b.ID, Category: data.CategoryFull, Joined: civil.Date(2005, 1, 1), Full: civil.Date(2006, 1, 1)},
		}
		if err := wb.Store.SaveMember(context.Background(), &m); err != nil {
			t.Fatal(err)
		}
	}
	wb.Changed(ui.Members)
	texts := apptest.Texts(o.tree)
	count := func(name string) string {
		for i, s := range texts {
			if s == name && i+1 < len(texts) {
				return texts[i+1]
			}
		}
		return "(not shown)"
	}
	for name, want := range map[string]string{"中共某某研究院委员会": "3 人", "强磁场中心党总支": "3 人", "稳态强磁场实验室党支部": "2 人", "极端条件实验室党支部": "1 人"} {
		if got := count(name); got != want {
			t.Errorf("%s shows %s; want %s", name, got, want)
		}
	}
}

// 导出 writes the tree in the import's columns: read back into the same database, every row is
// 无变化.
func TestOrgExportReadsBackUnchanged(t *testing.T) {
	wb := apptest.Demo(t, fyne.NewSize(1100, 700))
	w := wb.Window
	o := Open(wb)
	w.SetContent(o.root)
	path := filepath.Join(t.TempDir(), "组织机构.xlsx")
	o.exportOrgsTo(path)
	apptest.WaitFor(t, "the export", func() bool { return apptest.Button(w, "打开所在文件夹") != nil })
	apptest.Tap(t, w, "关闭")
	top := openImport(t, w, o, path)
	orgs, _ := wb.Store.Orgs(context.Background())
	if want := fmt.Sprintf("共 %d 行：新增 0　更新 0　无变化 %d　不导入 0", len(orgs), len(orgs)); !apptest.Shows(top, want) {
		t.Errorf("reading the export back shows %v; want %q", apptest.Texts(top), want)
	}
}
