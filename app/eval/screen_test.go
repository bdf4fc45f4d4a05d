package eval

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
	"dangjian/data/criteria"
)

func evalWorkbench(t *testing.T) (*ui.Workbench, fyne.Window) {
	t.Helper()
	wb := apptest.DemoWorkbench(t, time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC), fyne.NewSize(1100, 700))
	return wb, wb.Window
}

// Typing in the grid saves as a spreadsheet does, moves with Enter and Tab, and refuses a
// score above the max at once without moving.
func TestEvalScoreGridKeyboard(t *testing.T) {
	wb, w, g := gridFocused(t)
	sn := g.sn
	if sn.Round.Year != 2025 || g.group.Name != "考评组" {
		t.Fatalf("grid shows %d %s, want the current round's 考评组", sn.Round.Year, g.group.Name)
	}
	// go to 院办公室 (row 6), 理论武装 (col 1): not yet scored by the 考评组
	for range 5 {
		g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	test.Type(g, "7")
	g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab}) // saves 7, moves to 贯彻落实 (max 9)
	test.Type(g, "12")
	g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // refused: stays put
	if g.row != 5 || g.col != 1 {
		t.Errorf("after a refused score the cursor moved to %d,%d", g.row, g.col)
	}
	test.Type(g, "8.5")
	g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	after, _ := criteria.Load(context.Background(), wb.Store, sn.Round.ID)
	o := sn.Round.Organs[5]
	inds := sn.Set.Indicators()
	got := func(i int) (float64, bool) {
		sc, ok := after.Scores[criteria.CellKey{Organ: o.ID, Indicator: inds[i].ID, Group: g.group.ID}]
		return sc.Points, ok
	}
	if p, ok := got(0); !ok || p != 7 {
		t.Errorf("理论武装 = %v %v, typed 7", p, ok)
	}
	if p, ok := got(1); !ok || p != 8.5 {
		t.Errorf("贯彻落实 = %v %v, typed 12 (refused) then 8.5", p, ok)
	}
	apptest.SaveScreenshot(t, "eval_scores", w.Content(), fyne.NewSize(1100, 520), "部门 \\ 指标", "贯彻落实 9", "院办公室 · 贯彻落实：8.5 分，已保存")
}

func TestEvalResultsAndCriteriaScreens(t *testing.T) {
	_, w, e := evalShown(t)
	e.tabs.SelectIndex(1)
	if n := len(e.results.res); n != 6 || e.results.res[0].Organ.Name != "科研处" {
		t.Errorf("results: %d rows, first %s; want six departments led by 科研处", n, e.results.res[0].Organ.Name)
	}
	if !strings.Contains(e.results.titles.Text, "★ 科研处") {
		t.Errorf("模范机关 list %q should name 科研处", e.results.titles.Text)
	}
	// every header reads whole: "群众测评（30%）" was cut to "群众测评（30…"
	seen := 0
	for _, l := range apptest.FindAll[*widget.Label](e.results.table) {
		for _, h := range e.results.head {
			if l.Text == h && l.TextStyle.Bold {
				seen++
				if l.Size().Width < headerWidth(h) {
					t.Errorf("header %q is %.0f wide, needs %.0f", h, l.Size().Width, headerWidth(h))
				}
			}
		}
	}
	if seen < 6 {
		t.Fatalf("found %d header cells on screen, want the visible ones of %v", seen, e.results.head)
	}
	apptest.SaveScreenshot(t, "eval_results", w.Content(), fyne.NewSize(1100, 560), "被考评单位", "总分", "102.86（基础分 99.36 + 加分 3.5）", "优秀")
	e.tabs.SelectIndex(2)
	ed := e.criteria
	if !strings.Contains(ed.warn.Text, "权重合计 100") {
		t.Fatalf("the default set should add up: %v", ed)
	}
	ed.set.Dimensions[0].Indicators[0].Max = 10
	ed.check()
	if !strings.Contains(ed.warn.Text, "政治过硬") || !strings.Contains(ed.sums[0].Text, "27") {
		t.Errorf("a changed max should show at once: %q / %q", ed.warn.Text, ed.sums[0].Text)
	}
	ed.set.Dimensions[0].Indicators[0].Max = 8
	ed.check()
	apptest.SaveScreenshot(t, "eval_criteria", w.Content(), fyne.NewSize(1100, 700), "一级指标", "添加二级指标", "复制为新年度")
}

// Shift+Tab moves left, as in a spreadsheet, and saves what was typed.
func TestEvalScoreGridShiftTab(t *testing.T) {
	_, _, g := gridFocused(t)
	g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if g.col != 2 {
		t.Fatalf("two Tabs: column %d, want 2", g.col)
	}
	g.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if g.col != 1 {
		t.Fatalf("Shift+Tab: column %d, want 1", g.col)
	}
	g.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if g.col != 2 {
		t.Fatalf("Tab after Shift was let go: column %d, want 2", g.col)
	}
}

// A veto re-ranks the table; the selection stays on the vetoed department, so the next action
// does not fall on whoever moved into its row.
func TestEvalResultsSelectionFollowsTheDepartment(t *testing.T) {
	wb, _, e := evalShown(t)
	e.tabs.SelectIndex(1)
	v := e.results
	row := -1
	for i, r := range v.res {
		if r.Organ.Name == "人事处" {
			row = i
		}
	}
	if row != 1 {
		t.Fatalf("人事处 is on row %d, want 1 (second) in the demo", row)
	}
	v.table.Select(widget.TableCellID{Row: row + 1, Col: 1})
	o, _ := v.selected()
	if err := criteria.SetVeto(context.Background(), wb.Store, v.sn.Round.ID, o.ID, "发生学术不端", false); err != nil {
		t.Fatal(err)
	}
	wb.Changed()
	got, ok := v.selected()
	if !ok || got.Name != "人事处" {
		t.Fatalf("after the veto the selection is on %q, want 人事处", got.Name)
	}
	if v.res[v.sel].Grade != criteria.Fail {
		t.Fatalf("selected row grade %q, want %s", v.res[v.sel].Grade, criteria.Fail)
	}
}
