package eval

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/data"
	"dangjian/data/criteria"
)

// A refused ballot stays in its form with the counts typed; correcting the count saves.
func TestEvalBallotRefusalStaysInTheForm(t *testing.T) {
	wb, v, o := resultsInShell(t, "科研处")
	v.ballots()
	fields := topEntries(t, wb)
	for i, n := range []string{"12", "3", "-1", "0"} {
		fields[i].SetText(n)
	}
	pressEnter(t, wb, fields[2])
	refusedInPlace(t, wb, "不小于 0 的整数")
	if fields[0].Text != "12" {
		t.Errorf("the refused form lost the counts typed: %q", fields[0].Text)
	}
	fields[2].SetText("1")
	pressEnter(t, wb, fields[2])
	formClosed(t, wb, "the corrected ballot form did not close")
	b, _ := criteria.OrganBallots(context.Background(), wb.Store, v.sn.Round.ID, o.ID)
	if got := b[criteria.BallotCategories[0]]; got.Satisfied != 12 || got.Unsatisfied != 1 {
		t.Errorf("saved %+v, want 满意 12 不满意 1", got)
	}
}

// Copying a set to a year that has one is refused inside the copy form, naming the year; another
// year then copies.
func TestEvalCopySetToTakenYearRefused(t *testing.T) {
	wb, e := evalInShell(t)
	e.tabs.SelectIndex(2)
	c := e.criteria
	before, _ := criteria.Sets(context.Background(), wb.Store)
	taken := before[len(before)-1].Year
	c.copy()
	year := topEntries(t, wb)[0]
	year.SetText("")
	test.Type(year, strconv.Itoa(taken))
	pressEnter(t, wb, year)
	refusedInPlace(t, wb, strconv.Itoa(taken)+" 年度已有指标体系")
	if after, _ := criteria.Sets(context.Background(), wb.Store); len(after) != len(before) {
		t.Fatalf("a refused copy made a set: %d → %d", len(before), len(after))
	}
	year.SetText("2031")
	pressEnter(t, wb, year)
	formClosed(t, wb, "the copy form stayed open after copying to a free year")
	if after, _ := criteria.Sets(context.Background(), wb.Store); len(after) != len(before)+1 || after[0].Year != 2031 {
		t.Fatalf("copy to 2031: sets %+v", after)
	}
}

// 撤销修正 shows only for an indicator that has an override, asks first, removes it so the
// computed value counts again, and the removal is in the audit.
func TestEvalOverrideCanBeRemoved(t *testing.T) {
	wb, v, o := resultsInShell(t, "人事处")
	var inds []criteria.Indicator
	for _, in := range v.sn.Set.Indicators() {
		if in.FromData() {
			inds = append(inds, in)
		}
	}
	if len(inds) < 2 {
		t.Fatalf("the default set should have computed indicators, has %d", len(inds))
	}
	p := 1.0
	if err := criteria.Override(context.Background(), wb.Store, v.sn.Round.ID, o.ID, inds[0].ID, &p, "test override"); err != nil {
		t.Fatal(err)
	}
	wb.Changed()
	computed := v.sn.Values[[2]int64{o.ID, inds[0].ID}].Points

	v.override()
	top := wb.Window.Canvas().Overlays().Top()
	sel := apptest.FindAll[*widget.Select](top)[0]
	sel.SetSelectedIndex(1)
	if apptest.FindButton(top, "撤销修正") != nil {
		t.Error("撤销修正 is offered for an indicator without an override")
	}
	sel.SetSelectedIndex(0)
	test.Tap(apptest.FindButton(top, "撤销修正"))
	confirm := wb.Window.Canvas().Overlays().Top()
	if confirm == top || !apptest.Shows(confirm, inds[0].Name) {
		t.Fatalf("撤销修正 should ask first, naming the indicator; shows %v", apptest.Texts(confirm))
	}
	if ov, _ := criteria.Overrides(context.Background(), wb.Store, v.sn.Round.ID); len(ov) != 1 {
		t.Fatal("the override went before the confirmation")
	}
	test.Tap(apptest.FindButton(confirm, "确定"))
	formClosed(t, wb, "the override form stayed open after the removal")
	if ov, _ := criteria.Overrides(context.Background(), wb.Store, v.sn.Round.ID); len(ov) != 0 {
		t.Fatalf("overrides left after 撤销修正: %v", ov)
	}
	if got := v.sn.Values[[2]int64{o.ID, inds[0].ID}]; got.Override != nil || got.Final() != computed {
		t.Errorf("after the removal %s counts %v, want the computed %v", inds[0].Name, got.Final(), computed)
	}
	log, _ := wb.Store.AuditLog(context.Background(), data.AuditFilter{Text: inds[0].Name})
	found := false
	for _, l := range log {
		found = found || l.Action == "撤销修正计算值"
	}
	if !found || !strings.Contains(wb.Shell.Status(), "已撤销") {
		t.Errorf("audit %+v, status %q", log, wb.Shell.Status())
	}
}
