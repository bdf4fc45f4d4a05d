package setup_test

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/org"
	"dangjian/app/setup"
)

func TestFirstStartSetsUpTheInstituteAndTheTreeShowsIt(t *testing.T) {
	wb, w := apptest.EmptyWorkbench(t)
	o := org.Open(wb)
	w.SetContent(o.Root())
	demoLoaded := false
	f := setup.ShowFirstStart(wb, func() { demoLoaded = true })
	test.Type(&f.Institute.Entry, "某某研究院")
	test.Type(&f.CommitteeName.Entry, "中共某某研究院委员会")
	test.Type(&f.CommitteeShort.Entry, "院党委")
	apptest.Tap(t, w, "建立")

	if w.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stays open after 建立: %v", apptest.Texts(w.Canvas().Overlays().Top()))
	}
	if demoLoaded {
		t.Error("建立 loaded the demo")
	}
	if !apptest.Shows(o.Root(), "中共某某研究院委员会") {
		t.Errorf("the tree does not show the new 党委: %v", apptest.Texts(o.Root()))
	}
	p, err := wb.Store.Profile(context.Background())
	if err != nil || p.RootID == 0 || p.Institute != "某某研究院" || p.CommitteeShort != "院党委" {
		t.Errorf("stored profile %+v, %v", p, err)
	}
}

func TestFirstStartRefusalStaysInTheFormInRed(t *testing.T) {
	wb, w := apptest.EmptyWorkbench(t)
	f := setup.ShowFirstStart(wb, func() {})
	test.Type(&f.Institute.Entry, "某某研究院")
	apptest.Tap(t, w, "建立") // no 党委全称

	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the form closed on a refusal")
	}
	red := f.FieldError("CommitteeName")
	if !red.Visible() || !strings.Contains(red.Text, "党委全称") || red.Importance != widget.DangerImportance {
		t.Errorf("no red line under 党委全称: %q visible %v", red.Text, red.Visible())
	}
	test.Type(&f.CommitteeName.Entry, "中共某某研究院委员会")
	if red.Visible() || f.Dialog.Msg.Visible() {
		t.Error("the red lines stay while the field is being corrected")
	}
	if f.Institute.Text != "某某研究院" {
		t.Errorf("what was typed is lost: %q", f.Institute.Text)
	}
	if p, _ := wb.Store.Profile(context.Background()); p.RootID != 0 {
		t.Errorf("a refused form created a root: %+v", p)
	}
}

func TestFirstStartOffersTheDemo(t *testing.T) {
	wb, w := apptest.EmptyWorkbench(t)
	loaded := false
	setup.ShowFirstStart(wb, func() { loaded = true })
	apptest.Tap(t, w, "载入演示研究院")
	if !loaded || w.Canvas().Overlays().Top() != nil {
		t.Errorf("载入演示研究院: loaded %v, form still open %v", loaded, w.Canvas().Overlays().Top() != nil)
	}
}

func TestEditProfileRenamesTheRoot(t *testing.T) {
	wb := apptest.Demo(t, fyne.NewSize(1100, 700))
	f := setup.ShowEdit(wb)
	f.CommitteeShort.SetText("")
	test.Type(&f.CommitteeShort.Entry, "研究院党委")
	apptest.Tap(t, wb.Window, "保存")
	if p, _ := wb.Store.Profile(context.Background()); p.CommitteeShort != "研究院党委" {
		t.Errorf("short name stored %q", p.CommitteeShort)
	}
}

// The first-start form cancelled, the 组织机构 screen offers it again; the tree then shows the
// new 党委.
func TestOrgScreenWithoutARootOffersTheSetUp(t *testing.T) {
	wb, w := apptest.EmptyWorkbench(t)
	o := org.Open(wb)
	w.SetContent(o.Root())
	apptest.Tap(t, w, "设置研究院…")
	top := w.Canvas().Overlays().Top()
	if top == nil || apptest.FindButton(top, "载入演示研究院") != nil {
		t.Fatal("设置研究院… opens no form, or one offering the demo on a screen that cannot load it")
	}
	entries := apptest.EntriesOf(top)
	if len(entries) != 3 {
		t.Fatalf("%d fields; want 研究院名称, 党委全称, 党委简称", len(entries))
	}
	test.Type(entries[1], "中共某某研究院委员会")
	apptest.Tap(t, w, "建立")
	if !apptest.Shows(o.Root(), "中共某某研究院委员会") || apptest.Button(w, "设置研究院…") != nil {
		t.Errorf("after 建立 the screen shows %v", apptest.Texts(o.Root()))
	}
}
