package ab

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dangjian/app/apptest"
	"dangjian/app/ui"
	"dangjian/data/abpost"
	"dangjian/data/civil"
)

// abTopTexts is what a person reads in the topmost dialog.
func abTopTexts(wb *ui.Workbench) string {
	return strings.Join(apptest.Texts(wb.Window.Canvas().Overlays().Top()), "\n")
}

func TestAbsenceFormSavesAndWarnsOfTheGap(t *testing.T) {
	wb, a := abOpen(t, fyne.NewSize(1200, 760))
	first := a.cat.all[0] // 科研处·科研项目申报审核: its A is away 12/1–12/3
	showAbsenceForm(wb, abpost.Absence{PersonID: first.BID, From: civil.Date(2026, 12, 1), To: civil.Date(2026, 12, 2), Kind: "出差"})
	apptest.Tap(t, wb.Window, "保存")
	got := abTopTexts(wb)
	if !strings.Contains(got, "科研项目申报审核") || !strings.Contains(got, "12月1日") || !strings.Contains(got, "12月2日") {
		t.Fatalf("the warning should name the item and both gap days, got:\n%s", got)
	}
	if a.cov.cov.GapDays() != 3 {
		t.Fatalf("coverage not reloaded: %d gap days, want 3", a.cov.cov.GapDays())
	}
}

func TestAbsenceFormRefusesOverlap(t *testing.T) {
	wb, a := abOpen(t, fyne.NewSize(1200, 760))
	first := a.cat.all[0]
	showAbsenceForm(wb, abpost.Absence{PersonID: first.AID, From: civil.Date(2026, 12, 3), To: civil.Date(2026, 12, 4), Kind: "请假"})
	apptest.Tap(t, wb.Window, "保存")
	if got := abTopTexts(wb); !strings.Contains(got, "重叠") {
		t.Fatalf("want the overlap message in the form, got:\n%s", got)
	}
	if n := len(a.abs.table.rows); n != 5 {
		t.Fatalf("refused absence changed the list: %d", n)
	}
}

func TestItemFormRefusesSameAandB(t *testing.T) {
	wb, a := abOpen(t, fyne.NewSize(1200, 800))
	it := a.cat.all[0]
	it.BID = it.AID
	showABItemForm(wb, it, a.cat.depts)
	apptest.Tap(t, wb.Window, "保存")
	if got := abTopTexts(wb); !strings.Contains(got, "A岗和B岗不能是同一个人") {
		t.Fatalf("want the A=B message, got:\n%s", got)
	}
}

func TestScreenshotABImportPreview(t *testing.T) {
	size := fyne.NewSize(1200, 720)
	wb, a := abOpen(t, size)
	plan := &abpost.ImportPlan{Rows: []abpost.PlannedRow{
		{ImportRow: abpost.ImportRow{Line: 3}, Action: abpost.ImportNew, Item: abpost.Item{Dept: "科研处", Name: "科研项目结题验收", AName: "吴华志", BName: "孙悦"}, NewB: true},
		{ImportRow: abpost.ImportRow{Line: 4}, Action: abpost.ImportUpdate, Item: abpost.Item{Dept: "财务处", Name: "差旅费报销", AName: "郭涛", BName: "潘思磊"}, Changes: []string{"办理时限", "所需材料"}},
		{ImportRow: abpost.ImportRow{Line: 5}, Action: abpost.ImportRejected, Item: abpost.Item{Dept: "人事处", Name: "在职证明开具", AName: "王芳", BName: "王芳"}, Errors: []string{"A岗和B岗都是“王芳”，A岗和B岗必须是两个人；请另填B岗"}},
	}, New: 1, Updated: 1, Rejected: 1, NewPersons: []abpost.NewPerson{{Name: "孙悦", Dept: "科研处"}}}
	a.showPreview(plan)
	if got := abTopTexts(wb); !strings.Contains(got, "将新建人员") || !strings.Contains(got, "不导入 1") {
		t.Fatalf("preview:\n%s", got)
	}
	apptest.SaveScreenshot(t, "ab_import_preview", abPreviewContent(plan), fyne.NewSize(980, 300), "将新建人员", "不导入 1")
}

func TestCalendarDialogAddsAHoliday(t *testing.T) {
	wb, a := abOpen(t, fyne.NewSize(1200, 760))
	before := a.cov.cov.Summary().ServiceDays
	a.showABCalendar()
	top := wb.Window.Canvas().Overlays().Top()
	entries := apptest.EntriesOf(top)
	entries[0].SetText("2026-12-01")
	apptest.Tap(t, wb.Window, "添加")
	if got := a.cov.cov.Summary().ServiceDays; got != before-1 {
		t.Fatalf("service days %d after adding a holiday, want %d", got, before-1)
	}
	if !strings.Contains(abTopTexts(wb), "2026-12-01（周二）") {
		t.Fatalf("the list should show the day:\n%s", abTopTexts(wb))
	}
}

// The picker says when it shows only the first 200 of the people, and Enter chooses the one
// person a search leaves.
func TestPersonPickerSaysWhenCutAndEnterChoosesTheOne(t *testing.T) {
	wb, _ := abOpen(t, fyne.NewSize(1200, 760))
	persons, err := wb.Store.Persons(context.Background())
	if err != nil || len(persons) <= ui.PersonsShown {
		t.Fatalf("the demo has %d persons (%v); the test needs more than %d", len(persons), err, ui.PersonsShown)
	}
	p := newABPersonPicker(wb, persons, 0, "A岗")
	p.open(wb, "A岗")
	got := abTopTexts(wb)
	if !strings.Contains(got, "显示前 200 人，请输入姓名缩小范围") || strings.Contains(got, "找到 200 人") {
		t.Fatalf("with %d persons the picker should say it shows the first 200, got:\n%s", len(persons), got)
	}
	// a name only one person has
	counts := map[string]int{}
	for _, x := range persons {
		counts[x.Name]++
	}
	var one string
	var id int64
	for _, x := range persons {
		if counts[x.Name] == 1 && len([]rune(x.Name)) == 3 {
			if n, _ := p.search.Find(x.Name); len(n) == 1 {
				one, id = x.Name, x.ID
				break
			}
		}
	}
	if one == "" {
		t.Fatal("no unique name in the demo")
	}
	test.Type(p.search.Search, one)
	if got := abTopTexts(wb); !strings.Contains(got, "找到 1 人") {
		t.Fatalf("after typing %s: %s", one, got)
	}
	p.search.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.id != id || !strings.HasPrefix(p.button.Text, one) {
		t.Fatalf("Enter chose %d %q, want %d %s", p.id, p.button.Text, id, one)
	}
	if wb.Window.Canvas().Overlays().Top() != nil {
		t.Fatal("the picker stayed open after Enter chose the person")
	}
}
