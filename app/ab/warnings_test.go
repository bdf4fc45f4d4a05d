package ab

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
	"dangjian/data/abpost"
)

// In a 1024×700 window, beside the rail of the five screens, every warning under 今日/本周值守
// is drawn whole, however long its sentence.
func TestABWarningsAreNotCut(t *testing.T) {
	wb := apptest.Demo(t, fyne.NewSize(1024, 700))
	// Real catalogues name items at length; the gap's sentence then outgrows one line.
	items, err := abpost.Items(context.Background(), wb.Store, abpost.ItemFilter{Query: "科研项目申报审核"}, wb.Store.Today())
	if err != nil || len(items) != 1 {
		t.Fatalf("demo item: %v %v", items, err)
	}
	items[0].Name = "国家自然科学基金及重点研发计划项目申报材料形式审查与报送"
	if err := abpost.SaveItem(context.Background(), wb.Store, &items[0], wb.Store.Today(), "测试"); err != nil {
		t.Fatal(err)
	}
	var a *Screen
	screens := []ui.Screen{}
	for _, title := range []string{"组织机构", "党员花名册", "AB岗", "模范机关", "备份与日志"} {
		screens = append(screens, ui.Screen{Title: title, Build: func() fyne.CanvasObject { return widget.NewLabel(title) }})
	}
	screens[2].Build = func() fyne.CanvasObject { a = Open(wb); return a.root }
	wb.Shell = ui.NewShell(wb.Window, screens)
	wb.Shell.Show(2)
	a.tabs.SelectIndex(2)
	ws := a.cov.cov.Warnings
	if len(ws) == 0 {
		t.Fatal("the demo has no warnings to show")
	}
	shown := 0
	for _, l := range apptest.FindAll[*widget.Label](a.cov.root) {
		for _, w := range ws {
			if strings.Contains(l.Text, w.Message) {
				shown++
				if d := apptest.Drawn(l); strings.ReplaceAll(d, " ", "") != strings.ReplaceAll(l.Text, " ", "") {
					t.Errorf("warning drawn as %q, it says %q", d, l.Text)
				}
			}
		}
	}
	if shown < len(ws) {
		t.Errorf("%d of %d warnings on screen", shown, len(ws))
	}
}
