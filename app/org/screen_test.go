package org

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/demo"
)

func osOpen(t *testing.T, size fyne.Size) (*ui.Workbench, *Screen) {
	t.Helper()
	wb := apptest.Demo(t, size)
	o := Open(wb)
	wb.Window.SetContent(o.root)
	osWaitCheck(t, o)
	return wb, o
}

// osWaitCheck waits for the background rule check started last.
func osWaitCheck(t *testing.T, o *Screen) {
	t.Helper()
	apptest.Settle(t, "rule check", o.Settled())
}

// osAction selects the organisation named name and taps the button; it returns the dialog that
// opens.
func osAction(t *testing.T, o *Screen, name, button string) fyne.CanvasObject {
	t.Helper()
	osSelect(t, o, name)
	test.Tap(o.buttons[button])
	return o.wb.Window.Canvas().Overlays().Top()
}

// osNewTerm starts a new committee term (换届) of the branch named name, as confirmed in its
// dialog, and waits for the rule check after it.
func osNewTerm(t *testing.T, o *Screen, name string) data.Org {
	t.Helper()
	x := osSelect(t, o, name)
	test.Tap(o.buttons["换届"])
	apptest.Tap(t, o.wb.Window, "换届")
	osWaitCheck(t, o)
	return x
}

// osNewEmptyBranch makes a branch 空支部 under 院机关党委 through the form, as a person does; it
// is selected after.
func osNewEmptyBranch(t *testing.T, o *Screen) {
	t.Helper()
	test.Type(apptest.EntriesOf(osAction(t, o, "院机关党委", "新建组织"))[0], "空支部")
	apptest.Tap(t, o.wb.Window, "保存")
}

func osSelect(t *testing.T, o *Screen, name string) data.Org {
	t.Helper()
	for _, x := range o.orgs {
		if x.Name == name {
			o.selectOrg(x.ID)
			if o.selected != x.ID {
				t.Fatalf("selecting %s in the tree did not select it", name)
			}
			return x
		}
	}
	t.Fatalf("no organisation %s", name)
	return data.Org{}
}

func TestOrgTreeShowsBranchesCountsAndTemporaryMark(t *testing.T) {
	_, o := osOpen(t, fyne.NewSize(1280, 1300))
	texts := strings.Join(apptest.Texts(o.tree), "\n")
	for _, want := range []string{"院机关党委", "人事处党支部", "稳态强磁场实验室党支部", "高分卫星载荷发射任务临时党支部 〔临时〕"} {
		if !strings.Contains(texts, want) {
			t.Errorf("the tree does not show %q", want)
		}
	}
	if strings.Contains(texts, "人事处党支部 〔临时〕") {
		t.Error("a standing branch is marked temporary")
	}
	ms, _ := o.wb.Store.Members(context.Background(), data.MemberFilter{Status: data.StatusNormal})
	// The root 党委 counts every member in normal standing, its branches' and below.
	if !strings.Contains(texts, strconv.Itoa(len(ms))+" 人") {
		t.Errorf("no node shows the institute's total of %d members", len(ms))
	}
}

func TestOrgDetailShowsOverdueCommitteeAndFindings(t *testing.T) {
	_, o := osOpen(t, fyne.NewSize(1280, 900))
	x := osSelect(t, o, "人事处党支部")
	ms, _ := o.wb.Store.Members(context.Background(), data.MemberFilter{BranchID: x.ID, Status: data.StatusNormal})
	heads := fmt.Sprintf("党员 %d 人", len(ms))
	for _, want := range []string{"依托单位", "人事处", "行政机构", "支部委员会", "书记", "已逾期", "【问题】本届支委会应于", heads} {
		if !apptest.Shows(o.detail, want) {
			t.Errorf("the detail of 人事处党支部 does not show %q", want)
		}
	}
	var overdue *widget.Label
	for _, l := range apptest.FindAll[*widget.Label](o.detail) {
		if strings.HasPrefix(l.Text, "已逾期") {
			overdue = l
		}
	}
	if overdue == nil || overdue.Importance != widget.DangerImportance {
		t.Error("the overdue term is not marked red")
	}
	// A temporary branch shows its mission, pledge and seconded members with their home branch.
	osSelect(t, o, "高分卫星载荷发射任务临时党支部")
	for _, want := range []string{"承担任务", "集体承诺书", "临时党支部党员 9 人", "精密测量实验室党支部"} {
		if !apptest.Shows(o.detail, want) {
			t.Errorf("the temporary branch's detail does not show %q", want)
		}
	}
}

func TestOrgAbolishRefusedWhileMembersRemain(t *testing.T) {
	wb, o := osOpen(t, fyne.NewSize(1280, 900))
	x := osSelect(t, o, "人事处党支部")
	ms, _ := wb.Store.Members(context.Background(), data.MemberFilter{BranchID: x.ID, Status: data.StatusNormal})
	// The refusal comes at once, before the user types a date and a reason for nothing.
	test.Tap(o.buttons["撤销"])
	top := wb.Window.Canvas().Overlays().Top()
	if len(apptest.EntriesOf(top)) != 0 || !apptest.Shows(top, fmt.Sprintf("该支部还有 %d 名党员", len(ms))) || !apptest.Shows(top, "转接") {
		t.Fatalf("abolishing a branch with members is not refused up front with the way out: %v", apptest.Texts(top))
	}
	if y, _ := wb.Store.Org(context.Background(), x.ID); !y.Live() {
		t.Fatal("the branch was abolished although members remain")
	}
	top.Hide()
	// A committee with branches under it is refused the same way.
	if top := osAction(t, o, "院机关党委", "撤销"); !apptest.Shows(top, "下面还有") {
		t.Fatalf("abolishing a committee with branches: %v", apptest.Texts(top))
	}
}

func TestOrgAbolishEmptyBranchAsksForReason(t *testing.T) {
	wb, o := osOpen(t, fyne.NewSize(1280, 900))
	osNewEmptyBranch(t, o)
	id := o.selected
	test.Tap(o.buttons["撤销"])
	top := wb.Window.Canvas().Overlays().Top()
	es := apptest.EntriesOf(top)
	if len(es) != 2 {
		t.Fatalf("the abolish dialog has %d entries, want date and reason", len(es))
	}
	apptest.Tap(t, wb.Window, "撤销")
	if !apptest.Shows(top, "请填写撤销原因") {
		t.Fatal("abolishing without a reason was not refused in the dialog")
	}
	test.Type(es[1], "机构调整")
	apptest.Tap(t, wb.Window, "撤销")
	if y, _ := wb.Store.Org(context.Background(), id); y.Live() {
		t.Fatal("the empty branch was not abolished")
	}
}

func TestOrgFormRefusesFutureFounding(t *testing.T) {
	wb, o := osOpen(t, fyne.NewSize(1280, 900))
	before := len(o.orgs)
	test.Tap(o.buttons["新建组织"])
	top := wb.Window.Canvas().Overlays().Top()
	es := apptest.EntriesOf(top)
	test.Type(es[0], "未来党支部")
	founded := es[len(es)-1]
	founded.SetText("2030-01-01")
	apptest.Tap(t, wb.Window, "保存")
	if !apptest.Shows(top, "成立日期不能晚于今天") {
		t.Fatalf("a founding date in the future was not refused: %v", apptest.Texts(top))
	}
	if orgs, _ := wb.Store.Orgs(context.Background()); len(orgs) != before {
		t.Fatal("the organisation was saved with a future founding date")
	}
}

// "请填写党组织名称" goes as soon as the person has typed the name.
func TestOrgFormNameMessageClearsWhenFilled(t *testing.T) {
	wb, o := osOpen(t, fyne.NewSize(1280, 900))
	test.Tap(o.buttons["新建组织"])
	top := wb.Window.Canvas().Overlays().Top()
	apptest.Tap(t, wb.Window, "保存")
	if !apptest.Shows(top, "请填写党组织名称") {
		t.Fatalf("saving without a name: %v", apptest.Texts(top))
	}
	test.Type(apptest.EntriesOf(top)[0], "新建党支部")
	if apptest.Shows(top, "请填写党组织名称") {
		t.Fatal("请填写党组织名称 still shows after the name was typed")
	}
}

// The detail pane starts at its top for every branch picked, not where the last one was left.
func TestOrgDetailStartsAtTheTopForAnotherBranch(t *testing.T) {
	_, o := osOpen(t, fyne.NewSize(1280, 700))
	var branches []data.Org
	for _, x := range o.orgs {
		if x.IsBranch() && o.counts[x.ID] > 5 {
			branches = append(branches, x)
		}
	}
	o.tree.Select(strconv.FormatInt(branches[0].ID, 10))
	o.detailBox.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -400)})
	if o.detailBox.Offset.Y == 0 {
		t.Fatal("the detail of a large branch does not scroll")
	}
	o.tree.Select(strconv.FormatInt(branches[1].ID, 10))
	if y := o.detailBox.Offset.Y; y != 0 {
		t.Fatalf("the next branch's detail opens scrolled down by %v", y)
	}
}

// The tree opens the root and the committees under it, so branches show without a click;
// a node the user folds stays folded across reloads.
func TestOrgTreeOpensTopTwoLevelsAndKeepsFolds(t *testing.T) {
	wb, o := osOpen(t, fyne.NewSize(1280, 1300))
	var root, committee data.Org
	for _, x := range o.orgs {
		if x.ParentID == 0 {
			root = x
		}
	}
	for _, x := range o.orgs {
		if x.ParentID == root.ID && x.Name == "院机关党委" {
			committee = x
		}
	}
	uid := strconv.FormatInt(committee.ID, 10)
	if !o.tree.IsBranchOpen(strconv.FormatInt(root.ID, 10)) || !o.tree.IsBranchOpen(uid) {
		t.Fatal("the root and its committees are not open at start")
	}
	if !apptest.Shows(o.tree, "人事处党支部") {
		t.Fatal("the branches under a committee are not visible at start")
	}
	o.tree.CloseBranch(uid)
	wb.Changed()
	osWaitCheck(t, o)
	if o.tree.IsBranchOpen(uid) {
		t.Error("a reload reopened the committee the user folded")
	}
}

// A tree built on an empty store opens its top levels when the demo arrives later.
func TestOrgTreeOpensWhenOrganisationsArriveLater(t *testing.T) {
	wb, w := apptest.EmptyWorkbench(t)
	w.Resize(fyne.NewSize(1280, 1300))
	s := wb.Store
	o := Open(wb)
	w.SetContent(o.root)
	if err := demo.Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	wb.Changed()
	osWaitCheck(t, o)
	if !apptest.Shows(o.tree, "人事处党支部") {
		t.Fatalf("after the demo loaded the tree shows only %v", apptest.Texts(o.tree))
	}
}

// The root shows the institute-wide findings (no organisation of their own) and a summary.
func TestOrgRootShowsInstituteFindings(t *testing.T) {
	_, o := osOpen(t, fyne.NewSize(1280, 1300))
	for _, x := range o.orgs {
		if x.ParentID == 0 {
			osSelect(t, o, x.Name)
		}
	}
	var wide []data.Finding
	for _, f := range o.findings {
		if f.OrgID == 0 {
			wide = append(wide, f)
		}
	}
	if len(wide) == 0 {
		t.Fatal("the demo has no institute-wide finding to show")
	}
	text := strings.Join(apptest.Texts(o.detail), "\n")
	if strings.Contains(text, "未发现问题") {
		t.Fatalf("the root says nothing was found: %s", text)
	}
	if !strings.Contains(text, wide[0].Message) || !strings.Contains(text, wide[0].Subject) {
		t.Errorf("the root does not show %q", wide[0].Message)
	}
	if !strings.Contains(text, fmt.Sprintf("全院共 %d 个问题", osProblems(o.findings))) {
		t.Errorf("the root has no summary of all findings: %s", text)
	}
	// Long lines wrap: the pane must not grow wider than the window and crush the tree.
	if w := o.detail.MinSize().Width; w > 600 {
		t.Errorf("the root's detail needs %.0f px of width; long lines do not wrap", w)
	}
	// An empty branch says so in the normal text colour, not in hard-to-read bright green.
	osNewEmptyBranch(t, o)
	osWaitCheck(t, o)
	for _, l := range apptest.FindAll[*widget.Label](o.detail) {
		if l.Text == "未发现问题" && l.Importance == widget.SuccessImportance {
			t.Error("未发现问题 is still bright green")
		}
	}
	// Issue 13: an empty branch is not "without problems" — it says it has nobody yet.
	if apptest.Shows(o.detail, "未发现问题") || !apptest.Shows(o.detail, "尚未编入党员") {
		t.Errorf("an empty branch does not say it has nobody yet: %v", apptest.Texts(o.detail))
	}
}

func osProblems(fs []data.Finding) int {
	n := 0
	for _, f := range fs {
		if f.Severity == "问题" {
			n++
		}
	}
	return n
}

func TestOrgNewTermAppointAndNewBranch(t *testing.T) {
	wb, o := osOpen(t, fyne.NewSize(1280, 900))
	osNewTerm(t, o, "人事处党支部")
	if apptest.Shows(o.detail, "已逾期") || !apptest.Shows(o.detail, "本届没有在任支委") {
		t.Fatalf("after 换届 the detail still shows the old term: %v", apptest.Texts(o.detail))
	}
	staff, _ := wb.Store.Members(context.Background(), data.MemberFilter{BranchID: o.selected, Limit: 1})
	test.Tap(o.buttons["任命"])
	top := wb.Window.Canvas().Overlays().Top()
	search := apptest.EntriesOf(top)[0]
	test.Type(search, staff[0].Name)
	list := osList(top)
	if list == nil || list.Length() == 0 {
		t.Fatal("typing a name in the person picker found nobody")
	}
	list.Select(0)
	for _, s := range osSelects(top) {
		s.SetSelected("书记")
	}
	apptest.Tap(t, wb.Window, "任命")
	apptest.WaitFor(t, "the new secretary in the committee", func() bool {
		return apptest.Shows(o.detail, staff[0].Name) && !apptest.Shows(o.detail, "本届没有在任支委")
	})

	test.Tap(o.buttons["新建组织"])
	top = wb.Window.Canvas().Overlays().Top()
	es := apptest.EntriesOf(top)
	test.Type(es[0], "新材料实验室党支部")
	apptest.Tap(t, wb.Window, "保存")
	if !strings.Contains(strings.Join(apptest.Texts(o.detail), ""), "新材料实验室党支部") {
		t.Fatal("the new branch is not selected after saving")
	}
	if y := o.byID[o.selected]; y.ParentID == 0 || y.TypeCode != data.TypeBranch {
		t.Errorf("new branch saved as %+v", y)
	}
}

func osList(o fyne.CanvasObject) *widget.List {
	if ls := apptest.FindAll[*widget.List](o); len(ls) > 0 {
		return ls[0]
	}
	return nil
}

func osSelects(o fyne.CanvasObject) []*widget.Select { return apptest.FindAll[*widget.Select](o) }

func TestScreenshotOrgTree(t *testing.T) {
	_, o := osOpen(t, fyne.NewSize(1280, 800))
	osSelect(t, o, "人事处党支部")
	apptest.SaveScreenshot(t, "org_tree", o.root, fyne.NewSize(1280, 800), "华东物质科学研究院党委", "386 人", "人事处党支部", "成立日期")
}

func TestOrgSecondMembersToTemporaryBranch(t *testing.T) {
	wb, o := osOpen(t, fyne.NewSize(1280, 900))
	osSelect(t, o, "高分卫星载荷发射任务临时党支部")
	if !apptest.Shows(o.detail, "临时党支部党员 9 人") {
		t.Fatalf("demo temporary branch: %v", apptest.Texts(o.detail))
	}
	test.Tap(o.buttons["编入党员"])
	top := wb.Window.Canvas().Overlays().Top()
	apptest.Choose(t, osSelects(top)[0], "人事处党支部")
	checks := osChecks(top)
	if len(checks) < 2 {
		t.Fatalf("the member list shows %d members of 人事处党支部", len(checks))
	}
	test.Tap(checks[0])
	test.Tap(checks[1])
	apptest.Tap(t, wb.Window, "编入")
	// The detail is rebuilt when the rule check in the background finishes.
	apptest.WaitFor(t, "the detail to show 11 seconded members", func() bool {
		return apptest.Shows(o.detail, "临时党支部党员 11 人") && apptest.Shows(o.detail, "原支部：人事处党支部")
	})
}

func osChecks(o fyne.CanvasObject) []*widget.Check { return apptest.FindAll[*widget.Check](o) }

// On the 院党委 overview a finding about a branch opens that branch when clicked.
func TestOrgRootFindingOpensItsBranch(t *testing.T) {
	_, o := osOpen(t, fyne.NewSize(1280, 1300))
	var root data.Org
	for _, x := range o.orgs {
		if x.ParentID == 0 {
			root = osSelect(t, o, x.Name)
		}
	}
	var target data.Finding
	for _, f := range o.subtreeFindings(root) {
		if f.OrgID != 0 && f.OrgID != root.ID {
			target = f
			break
		}
	}
	if target.OrgID == 0 {
		t.Fatal("the demo has no finding about a branch")
	}
	var row fyne.Tappable
	for _, l := range apptest.FindAll[*findingLink](o.detail) {
		if strings.Contains(l.Text, target.OrgName+"："+target.Message) {
			row = l
			break
		}
	}
	if row == nil {
		t.Fatalf("the finding %q is not a clickable line on the overview", target.Message)
	}
	row.Tapped(&fyne.PointEvent{})
	if o.selected != target.OrgID || !apptest.Shows(o.detail, target.OrgName) {
		t.Fatalf("clicking the finding selected %d, want %s (%d)", o.selected, target.OrgName, target.OrgID)
	}
}

// A branch just created, with nobody in it yet, is not reported 未发现问题.
func TestOrgEmptyBranchIsNotReportedWithoutProblems(t *testing.T) {
	wb, o := osOpen(t, fyne.NewSize(1280, 900))
	x := data.Org{ParentID: o.kids[0][0], TypeCode: data.TypeBranch, Name: "新建党支部", Founded: wb.Store.Today()}
	if err := wb.Store.SaveOrg(context.Background(), &x); err != nil {
		t.Fatal(err)
	}
	wb.Changed(ui.Orgs)
	osWaitCheck(t, o)
	osSelect(t, o, "新建党支部")
	if apptest.Shows(o.detail, "未发现问题") || !apptest.Shows(o.detail, "尚未编入党员") {
		t.Fatalf("the empty branch's detail says %v", apptest.Texts(o.detail))
	}
}

// The 换届 dialog's sentence keeps "3年" together: with spaces around the number the line broke
// between 3 and 年.
func TestOrgNewTermSentenceKeepsTheNumberWithItsUnit(t *testing.T) {
	_, o := osOpen(t, fyne.NewSize(1280, 900))
	if top := osAction(t, o, "人事处党支部", "换届"); !apptest.Shows(top, "新一届支委会任期3年") {
		t.Fatalf("the 换届 dialog says %v", apptest.Texts(top))
	}
}

// The committee picker lists the branch's own members first and says 无匹配 when nothing
// matches what was typed.
func TestCommitteePickerRanksOwnMembersAndSaysNoMatch(t *testing.T) {
	wb, o := osOpen(t, fyne.NewSize(1280, 900))
	x := osNewTerm(t, o, "人事处党支部")
	test.Tap(o.buttons["任命"])
	top := wb.Window.Canvas().Overlays().Top()
	own := map[string]bool{}
	ms, _ := wb.Store.Members(context.Background(), data.MemberFilter{BranchID: x.ID})
	for _, m := range ms {
		own[m.Name] = true
	}
	lists := apptest.FindAll[*widget.List](top)
	rows := apptest.FindAll[*widget.Label](lists[0])
	if len(rows) == 0 || !own[strings.SplitN(rows[0].Text, " · ", 2)[0]] {
		t.Fatalf("the first person offered, %q, is not a member of %s", rows[0].Text, x.Name)
	}
	test.Type(apptest.EntriesOf(top)[0], "查无此人")
	if !apptest.Shows(top, "无匹配") {
		t.Fatalf("nothing matches and the picker says %v", apptest.Texts(top))
	}
}
