package ab

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/data/abpost"
)

// The absence picker lists the holders of A/B posts first (an absence matters only for them)
// and says beside each which posts they hold.
func TestAbsencePickerListsPostHoldersFirstWithTheirPosts(t *testing.T) {
	wb, a := abOpen(t, fyne.NewSize(1200, 760))
	first := a.cat.all[0]
	showAbsenceForm(wb, abpost.Absence{})
	apptest.Tap(t, wb.Window, "点击选择人员…")
	top := wb.Window.Canvas().Overlays().Top()
	lists := apptest.FindAll[*widget.List](top)
	if len(lists) != 1 {
		t.Fatalf("no person list in the picker: %v", apptest.Texts(top))
	}
	rows := apptest.FindAll[*widget.Label](lists[0])
	if len(rows) == 0 || !strings.Contains(rows[0].Text, "岗：") {
		t.Fatalf("the first person listed holds no post: %q", rows[0].Text)
	}
	test.Type(apptest.EntriesOf(top)[0], first.AName)
	if !apptest.Shows(top, first.AName) || !apptest.Shows(top, "A岗："+first.Name) {
		t.Fatalf("%s's line does not say A岗：%s: %v", first.AName, first.Name, apptest.Texts(top))
	}
}

// The absence form's empty dates show no example date in grey.
func TestAbsenceFormDatesShowNoExampleDate(t *testing.T) {
	wb, _ := abOpen(t, fyne.NewSize(1200, 760))
	showAbsenceForm(wb, abpost.Absence{})
	for _, e := range apptest.EntriesOf(wb.Window.Canvas().Overlays().Top()) {
		if strings.ContainsAny(e.PlaceHolder, "0123456789") {
			t.Errorf("a field of the absence form shows %q while empty", e.PlaceHolder)
		}
	}
}
