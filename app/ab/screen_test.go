package ab

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dangjian/app/apptest"
	"dangjian/app/ui"
	"dangjian/data/abpost"
)

// abOpen shows the AB岗 screen over the demo institute (clock pinned to 2026-11-28, a Saturday).
func abOpen(t *testing.T, size fyne.Size) (*ui.Workbench, *Screen) {
	t.Helper()
	wb := apptest.Demo(t, size)
	a := Open(wb)
	wb.Window.SetContent(a.root)
	return wb, a
}

func TestABCatalogueSearchAndDepartmentFilter(t *testing.T) {
	_, a := abOpen(t, fyne.NewSize(1100, 700))
	if len(a.cat.table.rows) != 21 {
		t.Fatalf("catalogue shows %d items, want the 21 of the demo", len(a.cat.table.rows))
	}
	a.cat.dept.SetSelected("财务处")
	if len(a.cat.table.rows) != 3 {
		t.Fatalf("财务处 shows %d items, want 3", len(a.cat.table.rows))
	}
	a.cat.dept.SetSelected(abAllDepts)
	test.Type(a.cat.search, "报销")
	if len(a.cat.table.rows) != 1 || a.cat.table.rows[0].Name != "差旅费报销" {
		t.Fatalf("search 报销: %v", a.cat.table.rows)
	}
	if got := a.cat.count.Text; !strings.Contains(got, "显示 1 项") {
		t.Fatalf("count line %q", got)
	}
}

func TestABCoverageShowsTheDemoGap(t *testing.T) {
	wb, a := abOpen(t, fyne.NewSize(1100, 700))
	cov := a.cov.cov
	if cov.GapDays() != 1 || !strings.Contains(a.cov.summary.Text, "空岗 1 事项·日") {
		t.Fatalf("summary %q", a.cov.summary.Text)
	}
	if Badge(wb) != "1" {
		t.Fatalf("rail badge %q, want 1 gap day this week", Badge(wb))
	}
	if cov.Warnings[0].Kind != abpost.WarnGap {
		t.Fatalf("first warning %+v, want the gap", cov.Warnings[0])
	}
}

func TestScreenshotAB(t *testing.T) {
	size := fyne.NewSize(1200, 720)
	_, a := abOpen(t, size)
	apptest.SaveScreenshot(t, "ab_catalogue", a.root, size, "服务事项", "科研项目申报审核", "吴华志")
	a.tabs.SelectIndex(1)
	apptest.SaveScreenshot(t, "ab_absence", a.root, size, "交接说明", "陶芳思", "登记请假/出差")
	a.tabs.SelectIndex(2)
	apptest.SaveScreenshot(t, "ab_coverage", a.root, size, "科研处·科研项目申报审核", "B 吕建晨")
}
