package eval

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/data"
	"dangjian/data/criteria"
)

// The ballot form starts from the counts already entered for the category chosen, Enter in a
// count saves, and the status line says what was saved.
func TestEvalBallotFormLoadsCountsAndSubmitsOnEnter(t *testing.T) {
	wb, v, o := resultsInShell(t, "财务处")
	round := v.sn.Round.ID
	if err := criteria.SetBallots(context.Background(), wb.Store, round, o.ID, criteria.BallotCount{Category: "管理人员", Satisfied: 9, Basic: 4, Unsatisfied: 2, Unknown: 1}); err != nil {
		t.Fatal(err)
	}
	v.ballots()
	sel := apptest.FindAll[*widget.Select](wb.Window.Canvas().Overlays().Top())[0]
	sel.SetSelected("管理人员")
	fields := topEntries(t, wb)
	var got []string
	for _, f := range fields {
		got = append(got, f.Text)
	}
	if strings.Join(got, ",") != "9,4,2,1" {
		t.Fatalf("管理人员 form shows %v, want the counts entered: 9,4,2,1", got)
	}
	fields[1].SetText("")
	test.Type(fields[1], "6")
	pressEnter(t, wb, fields[1])
	formClosed(t, wb, "Enter did not submit the ballot form")
	b, _ := criteria.OrganBallots(context.Background(), wb.Store, round, o.ID)
	if want := (criteria.BallotCount{Category: "管理人员", Satisfied: 9, Basic: 6, Unsatisfied: 2, Unknown: 1}); b["管理人员"] != want {
		t.Errorf("saved %+v, want %+v", b["管理人员"], want)
	}
	if s := wb.Shell.Status(); !strings.Contains(s, "已保存") || !strings.Contains(s, "财务处") || !strings.Contains(s, "基本满意 6") {
		t.Errorf("status line %q should confirm the ballots saved", s)
	}
}

// Enter submits the veto and the override forms; an override without a reason is refused and
// changes nothing.
func TestEvalVetoAndOverrideSubmitOnEnter(t *testing.T) {
	wb, v, o := resultsInShell(t, "资产处")
	v.veto()
	f := topEntries(t, wb)[0]
	test.Type(f, "test veto reason")
	pressEnter(t, wb, f)
	if v.sn.Vetoes[o.ID] != "test veto reason" {
		t.Fatalf("after Enter the veto is %q", v.sn.Vetoes[o.ID])
	}

	selectOrgan(t, v, "人事处")
	before, _ := criteria.Overrides(context.Background(), wb.Store, v.sn.Round.ID)
	v.override()
	top := wb.Window.Canvas().Overlays().Top()
	apptest.FindAll[*widget.Select](top)[0].SetSelectedIndex(0)
	fs := apptest.EntriesOf(top)
	test.Type(fs[0], "5")
	pressEnter(t, wb, fs[1])
	// refused without a reason: the form stays open with the value typed, the reason in red
	refusedInPlace(t, wb, "理由")
	if fs[0].Text != "5" {
		t.Errorf("the refused form lost the value typed: %q", fs[0].Text)
	}
	after, _ := criteria.Overrides(context.Background(), wb.Store, v.sn.Round.ID)
	if len(after) != len(before) {
		t.Fatalf("a refused override changed the overrides: %d → %d", len(before), len(after))
	}
	test.Type(fs[1], "test reason 2")
	pressEnter(t, wb, fs[1])
	formClosed(t, wb, "the override form stayed open after it was saved")
	after, _ = criteria.Overrides(context.Background(), wb.Store, v.sn.Round.ID)
	if len(after) != len(before)+1 {
		t.Fatalf("Enter with a reason saved %d overrides, want %d", len(after), len(before)+1)
	}
	log, _ := wb.Store.AuditLog(context.Background(), data.AuditFilter{Text: "test reason 2"})
	if len(log) != 1 || !strings.Contains(wb.Shell.Status(), "人事处") {
		t.Errorf("override audit %v, status %q", log, wb.Shell.Status())
	}
}

// A locked round refuses a score at the first keystroke; unlocking needs a reason, Enter
// submits it, and the reason is in the audit.
func TestEvalLockRefusesThenUnlockWithReason(t *testing.T) {
	wb, e := evalInShell(t)
	r, _ := e.current()
	if err := criteria.Lock(context.Background(), wb.Store, r.ID, "考评定稿"); err != nil {
		t.Fatal(err)
	}
	wb.Changed()
	g := e.grid
	wb.Window.Canvas().Focus(g)
	test.Type(g, "5")
	if g.editing || !strings.Contains(e.status.Text, "锁定") || e.status.Importance != widget.DangerImportance {
		t.Fatalf("typing into a locked round: editing %v, status %q", g.editing, e.status.Text)
	}
	e.toggleLock()
	f := topEntries(t, wb)[0]
	if c := wb.Window.Canvas().Focused(); c == nil {
		t.Error("the reason field should have the keyboard when the unlock dialog opens")
	}
	pressEnter(t, wb, f) // empty: refused in the form, which stays open
	if cur, _ := e.current(); !cur.Locked {
		t.Fatal("unlocked without a reason")
	}
	refusedInPlace(t, wb, "解锁须填写理由")
	test.Type(f, "test reason 1")
	pressEnter(t, wb, f)
	if cur, _ := e.current(); cur.Locked {
		t.Fatal("Enter with a reason did not unlock")
	}
	log, _ := wb.Store.AuditLog(context.Background(), data.AuditFilter{Text: "test reason 1"})
	if len(log) != 1 || log[0].Action != "解锁考评轮次" {
		t.Errorf("audit for the unlock: %+v", log)
	}
	if !strings.Contains(wb.Shell.Status(), "已解锁") {
		t.Errorf("status %q", wb.Shell.Status())
	}
}

// The new-round form adds the weights up as they are typed and a set that does not make 100
// is refused; the set offered follows the year typed.
func TestEvalNewRoundWeights(t *testing.T) {
	wb, e := evalInShell(t)
	n := len(e.rounds)
	e.newRound()
	top := wb.Window.Canvas().Overlays().Top()
	fs := apptest.EntriesOf(top)
	year, weights := fs[0], fs[1:]
	set := apptest.FindAll[*widget.Select](top)[0]
	year.SetText("2024")
	if !strings.HasPrefix(set.Selected, "2024") {
		t.Errorf("year 2024 offers set %q", set.Selected)
	}
	year.SetText("2026")
	weights[2].SetText("40")
	if !strings.Contains(strings.Join(apptest.Texts(top), " "), "合计 110，应为 100") {
		t.Errorf("the form should show the weights add up to 110: %v", apptest.Texts(top))
	}
	pressEnter(t, wb, weights[2])
	refusedInPlace(t, wb, "110")
	if year.Text != "2026" || weights[2].Text != "40" {
		t.Errorf("the refused form lost what was typed: year %q, weight %q", year.Text, weights[2].Text)
	}
	apptest.Tap(t, wb.Window, "取消")
	formClosed(t, wb, "取消 did not close the new-round form")
	if rs, _ := criteria.Rounds(context.Background(), wb.Store); len(rs) != n {
		t.Fatalf("a refused round was created: %d rounds, want %d", len(rs), n)
	}
}
