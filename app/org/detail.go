package org

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/setup"
	"dangjian/app/ui"
	"dangjian/data"
)

// The detail pane of the 组织机构 screen: what the selected organisation is, what the rules
// find wrong with it, its committee and its members.

func heading(text string) fyne.CanvasObject {
	return container.NewVBox(widget.NewSeparator(), widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
}

// showDetail rebuilds the pane for the selected organisation.
func (o *Screen) showDetail() {
	o.enableActions()
	o.detail.RemoveAll()
	x, ok := o.byID[o.selected]
	if !ok && len(o.kids[0]) == 0 {
		// No 党委 yet (the first-start form was cancelled): nothing can be built or imported
		// under nothing, so the way to begin is here, not only at the next start.
		intro := ui.NewWrapLabel("这个数据库还没有党委（根组织）。请先设置研究院：填写研究院名称和党委全称、简称，然后就可以导入组织机构表和花名册。")
		o.detail.Add(intro)
		o.detail.Add(container.NewHBox(&widget.Button{Text: "设置研究院…", Icon: theme.SettingsIcon(), Importance: widget.HighImportance, OnTapped: func() { setup.ShowFirstStart(o.wb, nil) }}))
		o.detail.Refresh()
		return
	}
	if !ok {
		o.detail.Add(widget.NewLabel("在左侧选择一个党组织，查看它的依托单位、支委会、党员和需要注意的问题。"))
		o.detail.Refresh()
		return
	}
	title := widget.NewLabelWithStyle(x.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	o.detail.Add(title)
	o.detail.Add(o.facts(x))
	if x.ParentID == 0 && x.Live() {
		// The root's names are the institute's profile: what printed titles say.
		o.detail.Add(container.NewHBox(&widget.Button{Text: "编辑研究院信息", Icon: theme.DocumentCreateIcon(), OnTapped: func() { setup.ShowEdit(o.wb) }}))
	}
	o.detail.Add(o.findingsBox(x))
	if x.IsTemporary() {
		o.detail.Add(o.tempMembersBox(x))
	}
	o.detail.Add(o.committeeBox(x))
	o.detail.Add(o.membersBox(x))
	o.detail.Refresh()
}

// facts is the organisation's record as label–value rows.
func (o *Screen) facts(x data.Org) fyne.CanvasObject {
	grid := container.New(layout.NewFormLayout())
	row := func(k, v string) {
		if v == "" {
			v = "—"
		}
		grid.Add(widget.NewLabelWithStyle(k, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		val := ui.NewWrapLabel(v)
		grid.Add(val)
	}
	row("组织类别", fmt.Sprintf("%s（%d）", data.TypeName(x.TypeCode), x.TypeCode))
	if p, ok := o.byID[x.ParentID]; ok {
		row("上级组织", p.Name)
	}
	row("依托单位", x.UnitName)
	row("单位类型", x.UnitKind)
	row("成立日期", ui.DayText(x.Founded))
	if !x.Live() {
		row("撤销日期", ui.DayText(x.Abolished))
	}
	if x.IsTemporary() {
		row("承担任务", x.Mission)
		row("任务起止", ui.DayText(x.MissionStart)+" 至 "+orDash(ui.DayText(x.MissionEnd)))
		row("集体承诺书", orDash(ui.DayText(x.PledgeSigned))+" 签订")
	}
	return grid
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// committeeBox shows the current term (overdue in red) and its sitting members.
func (o *Screen) committeeBox(x data.Org) fyne.CanvasObject {
	box := container.NewVBox(heading(committeeTitle(x)))
	terms, err := o.wb.Store.Terms(context.Background(), x.ID)
	if err != nil {
		box.Add(ui.Colored("读取支委会失败："+ui.MessageText(err), widget.DangerImportance))
		return box
	}
	if len(terms) == 0 || !terms[0].ActualEnd.IsZero() {
		box.Add(widget.NewLabel("尚未设立" + committeeTitle(x) + "（“换届”可开始新一届）"))
		return box
	}
	t := terms[0]
	today := o.wb.Store.Today()
	box.Add(widget.NewLabel(fmt.Sprintf("本届自 %s 起，应于 %s 前换届（第 %d 届）", ui.DayText(t.Start), ui.DayText(t.DueEnd), len(terms))))
	if t.Overdue(today) {
		box.Add(ui.Colored(fmt.Sprintf("已逾期 %d 天未换届", int(today.Sub(t.DueEnd).Hours()/24)), widget.DangerImportance))
	}
	seats := container.New(layout.NewFormLayout())
	n := 0
	for _, st := range t.Seats {
		if !st.Current(today) {
			continue
		}
		n++
		st := st
		seats.Add(widget.NewLabelWithStyle(st.Role, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		name := st.Name
		if st.Backbone {
			name += "（科研骨干）"
		}
		end := &widget.Button{Text: "免职", Importance: widget.LowImportance, OnTapped: func() { o.endSeat(st) }}
		seats.Add(container.NewHBox(widget.NewLabel(name), widget.NewLabel("自 "+orDash(ui.DayText(st.From))), layout.NewSpacer(), end))
	}
	if n == 0 {
		box.Add(widget.NewLabel("本届没有在任支委（“任命”可添加）"))
	}
	box.Add(seats)
	return box
}

// committeeTitle names the committee of x as the office does: a branch's 支部委员会, a
// 党委's 党委委员会, a 党总支's 总支委员会.
func committeeTitle(x data.Org) string {
	switch x.TypeCode {
	case data.TypeCommittee:
		return "党委委员会"
	case data.TypeGeneralBranch:
		return "总支委员会"
	}
	return "支部委员会"
}

// membersBox lists the branch's members in normal standing; a 党委 shows its total.
func (o *Screen) membersBox(x data.Org) fyne.CanvasObject {
	if !x.IsBranch() || x.IsTemporary() {
		return container.NewVBox(heading(fmt.Sprintf("党员（下属支部合计 %d 人）", o.subtreeCount(x.ID))))
	}
	ms, err := o.wb.Store.Members(context.Background(), data.MemberFilter{BranchID: x.ID, Status: data.StatusNormal})
	if err != nil {
		return ui.Colored("读取党员失败："+ui.MessageText(err), widget.DangerImportance)
	}
	full := 0
	names := container.NewGridWithColumns(4)
	for _, m := range ms {
		text := m.Name
		if m.Category == data.CategoryProbation {
			text += "（预备）"
		} else {
			full++
		}
		names.Add(widget.NewLabel(text))
	}
	head := fmt.Sprintf("党员 %d 人（正式党员 %d 人，预备党员 %d 人）", len(ms), full, len(ms)-full)
	return container.NewVBox(heading(head), names)
}

// tempMembersBox lists who is seconded to a temporary branch, from which home branch, when.
func (o *Screen) tempMembersBox(x data.Org) fyne.CanvasObject {
	box := container.NewVBox()
	tms, err := o.wb.Store.TempMembers(context.Background(), x.ID)
	if err != nil {
		return ui.Colored("读取临时党员失败："+ui.MessageText(err), widget.DangerImportance)
	}
	box.Add(heading(fmt.Sprintf("临时党支部党员 %d 人（组织关系仍在原支部）", len(tms))))
	grid := container.New(layout.NewFormLayout())
	for _, tm := range tms {
		tm := tm
		grid.Add(widget.NewLabelWithStyle(tm.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		span := strings.TrimSpace(orDash(ui.DayText(tm.From)) + " 至 " + orDash(ui.DayText(tm.To)))
		out := &widget.Button{Text: "移出", Importance: widget.LowImportance, OnTapped: func() { o.removeTempMember(x, tm) }}
		grid.Add(container.NewHBox(widget.NewLabel("原支部："+tm.Home), widget.NewLabel(span), layout.NewSpacer(), out))
	}
	box.Add(grid)
	return box
}
