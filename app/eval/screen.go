package eval

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data/criteria"
)

// Screen is the 模范机关 screen: the criteria editor, and per round the score-entry grid,
// the results and the 模范机关 list, with the print and import actions in a bar on top.
type Screen struct {
	wb       *ui.Workbench
	rounds   []criteria.RoundInfo
	roundSel *widget.Select
	groupSel *widget.Select
	lockBtn  *widget.Button
	status   *widget.Label
	sn       *criteria.Snapshot
	grid     *scoreGrid
	results  *resultsView
	criteria *criteriaEditor
	tabs     *container.AppTabs
}

// New builds the 模范机关 screen.
func New(wb *ui.Workbench) fyne.CanvasObject {
	_, o := buildEvalScreen(wb)
	return o
}

// buildEvalScreen is New keeping the parts tests drive.
func buildEvalScreen(wb *ui.Workbench) (*Screen, fyne.CanvasObject) {
	e := &Screen{wb: wb, status: widget.NewLabel("")}
	e.grid = newScoreGrid(wb)
	e.grid.onMessage = e.say
	e.grid.onSaved = func() { e.results.load(e.sn) }
	e.results = newResultsView(wb)
	e.criteria = newCriteriaEditor(wb)
	e.roundSel = widget.NewSelect(nil, func(string) { e.loadRound() })
	e.groupSel = widget.NewSelect(nil, func(string) { e.showGroup() })
	e.roundSel.PlaceHolder, e.groupSel.PlaceHolder = "（无考评轮次）", "（无）"
	e.lockBtn = widget.NewButtonWithIcon("锁定", theme.VisibilityOffIcon(), e.toggleLock)
	// Two rows, the round and its printed output: on one row the print buttons ran off a
	// 1024-wide window (结果汇总 and 导入评分表 were cut).
	rounds := container.NewHBox(
		widget.NewLabel("考评轮次"), fixed(e.roundSel, 300),
		widget.NewButtonWithIcon("新建轮次", theme.ContentAddIcon(), e.newRound),
		e.lockBtn,
	)
	prints := container.NewHBox(
		widget.NewButtonWithIcon("打印考评表", theme.DocumentPrintIcon(), func() { e.print("sheets", false) }),
		widget.NewButtonWithIcon("空白表", theme.DocumentIcon(), func() { e.print("sheets", true) }),
		widget.NewButtonWithIcon("测评表", theme.ListIcon(), func() { e.print("ballot", false) }),
		widget.NewButtonWithIcon("结果汇总", theme.FileIcon(), func() { e.print("results", false) }),
		widget.NewButtonWithIcon("导入评分表", theme.UploadIcon(), e.importSheets),
	)
	scores := container.NewBorder(container.NewHBox(widget.NewLabel("考评主体"), fixed(e.groupSel, 160),
		widget.NewLabel("方向键、回车、Tab／Shift+Tab 移动；直接输入分数；Delete 清除；灰色为数据计算项")), e.status, nil, nil, e.grid)
	e.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("评分录入", theme.DocumentCreateIcon(), scores),
		container.NewTabItemWithIcon("考评结果", theme.GridIcon(), e.results.object()),
		container.NewTabItemWithIcon("指标体系", theme.SettingsIcon(), e.criteria.object()),
	)
	wb.OnChange(ui.Eval|ui.Orgs|ui.Members|ui.AB, e.reload) // computed indicators read all three
	e.reload()
	if wb.Shell != nil {
		wb.Shell.WhenLeft(func() { e.say("", false) }) // a refused score is about this visit only
	}
	return e, container.NewBorder(container.NewVBox(rounds, prints), nil, nil, nil, e.tabs)
}

func (e *Screen) say(msg string, isError bool) {
	e.status.SetText(msg)
	if isError {
		e.status.Importance = widget.DangerImportance
	} else {
		e.status.Importance = widget.MediumImportance
	}
	e.status.Refresh()
}

// reload re-reads the list of rounds (after an import, a new round, a restore …).
func (e *Screen) reload() {
	rs, err := criteria.Rounds(context.Background(), e.wb.Store)
	if err != nil {
		e.wb.ShowError("无法读取考评轮次", err)
		return
	}
	e.rounds = rs
	var names []string
	for _, r := range rs {
		names = append(names, roundLabel(r))
	}
	cur := e.roundSel.Selected
	e.roundSel.Options = names
	e.criteria.reload()
	if len(names) == 0 {
		e.roundSel.ClearSelected()
		e.say("还没有考评轮次：点“新建轮次”开始", false)
		return
	}
	for _, n := range names {
		if n == cur {
			e.roundSel.SetSelected(cur)
			e.loadRound()
			return
		}
	}
	e.roundSel.SetSelected(names[0])
}

func roundLabel(r criteria.RoundInfo) string {
	if r.Locked {
		return r.Name + "（已锁定）"
	}
	return r.Name
}

func (e *Screen) current() (criteria.RoundInfo, bool) {
	i := e.roundSel.SelectedIndex()
	if i < 0 || i >= len(e.rounds) {
		return criteria.RoundInfo{}, false
	}
	return e.rounds[i], true
}

func (e *Screen) loadRound() {
	r, ok := e.current()
	if !ok {
		return
	}
	sn, err := criteria.Load(context.Background(), e.wb.Store, r.ID)
	if err != nil {
		e.wb.ShowError("无法读取考评轮次", err)
		return
	}
	e.sn = sn
	var groups []string
	for _, g := range sn.Round.ScoreGroups() {
		groups = append(groups, fmt.Sprintf("%s（%s%%）", g.Name, criteria.FormatPoints(g.Weight)))
	}
	e.groupSel.Options = groups
	if e.groupSel.SelectedIndex() < 0 || e.groupSel.SelectedIndex() >= len(groups) {
		if len(groups) > 0 {
			e.groupSel.SetSelectedIndex(min(1, len(groups)-1)) // 考评组 first: it is what gets typed in
		}
	} else {
		e.showGroup()
	}
	e.groupSel.Refresh()
	if sn.Round.Locked {
		e.lockBtn.SetText("解锁")
	} else {
		e.lockBtn.SetText("锁定")
	}
	e.results.load(sn)
}

func (e *Screen) showGroup() {
	i := e.groupSel.SelectedIndex()
	if e.sn == nil || i < 0 {
		return
	}
	e.grid.Load(e.sn, e.sn.Round.ScoreGroups()[i])
	if e.sn.Round.Locked {
		e.say("本轮已锁定，只能查看；如需修改请先解锁并填写理由", false)
	} else {
		e.say("", false)
	}
}
