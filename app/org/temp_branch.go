package org

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
)

// Seconding members to a temporary mission branch (编入党员) and ending it (移出). Their home
// branch does not change: the temporary branch holds them beside it, from–to.

// tempPick is the 编入党员 dialog's state: members of the chosen home branch with a tick each.
type tempPick struct {
	home    *widget.Select
	search  *ui.EscapeEntry
	list    *widget.List
	members []data.Member
	shown   []data.Member
	ticked  map[int64]bool
	count   *widget.Label
	from    *ui.DayEntry
	to      *ui.DayEntry
}

func (o *Screen) addTempMembers() {
	x, ok := o.byID[o.selected]
	if !ok || x.TypeCode != data.TypeTempBranch {
		return
	}
	p := &tempPick{ticked: map[int64]bool{}, search: ui.NewEscapeEntry(), count: widget.NewLabel("已选 0 人")}
	p.search.SetPlaceHolder("按姓名筛选")
	p.search.OnChanged = func(string) { p.filter() }
	names, ids := ui.OrgChoices(o.orgs, ui.StandingBranch)
	p.home = widget.NewSelect(names, func(s string) {
		ms, err := o.wb.Store.Members(context.Background(), data.MemberFilter{BranchID: ids[s], Status: data.StatusNormal})
		if err != nil {
			o.wb.ShowError("读取党员失败", err)
			return
		}
		p.members = ms
		p.filter()
	})
	p.home.PlaceHolder = "先选择党员所在的党支部"
	p.list = widget.NewList(func() int { return len(p.shown) },
		func() fyne.CanvasObject { return widget.NewCheck("某某某（预备党员）", nil) },
		func(i widget.ListItemID, c fyne.CanvasObject) {
			m := p.shown[i]
			ch := c.(*widget.Check)
			ch.OnChanged = nil
			ch.Text = m.Name + "（" + m.Category + "）"
			ch.SetChecked(p.ticked[m.PersonID])
			ch.OnChanged = func(on bool) {
				p.ticked[m.PersonID] = on
				p.recount()
			}
		})
	today := o.wb.Store.Today()
	p.from, p.to = ui.NewDayEntry(ui.MaxDay(today, x.MissionStart)), ui.NewDayEntry(x.MissionEnd)
	top := container.NewVBox(p.home, p.search)
	bottom := container.NewVBox(p.count, widget.NewForm(widget.NewFormItem("编入日期", p.from), widget.NewFormItem("截止日期", p.to)))
	body := container.NewBorder(top, bottom, nil, nil, p.list)
	ui.FormDialog(o.wb, "编入党员 · "+x.Name, body, "编入", fyne.NewSize(560, 620), func() error {
		var picked []int64
		for id, on := range p.ticked {
			if on {
				picked = append(picked, id)
			}
		}
		if len(picked) == 0 {
			return errors.New("请至少勾选一名党员")
		}
		from, err := ui.DayField("编入日期", p.from, ui.DayRequired)
		if err != nil {
			return err
		}
		to, err := ui.DayField("截止日期", p.to, ui.DayOptional)
		if err != nil {
			return err
		}
		if !to.IsZero() && to.Before(from) {
			return errors.New("截止日期不能早于编入日期")
		}
		if err := o.wb.Store.AddTempMembers(context.Background(), x.ID, picked, from, to); err != nil {
			return err
		}
		o.wb.Changed(ui.Orgs, ui.Members)
		o.wb.Notify("已向 %s 编入 %d 名党员", x.Name, len(picked))
		return nil
	})
}

func (p *tempPick) filter() {
	q := data.SearchText(p.search.Text)
	p.shown = p.shown[:0]
	for _, m := range p.members {
		if data.NameMatches(m.Name, q) {
			p.shown = append(p.shown, m)
		}
	}
	p.list.Refresh()
}

func (p *tempPick) recount() {
	n := 0
	for _, on := range p.ticked {
		if on {
			n++
		}
	}
	p.count.SetText(fmt.Sprintf("已选 %d 人（可换一个党支部继续勾选）", n))
}

// removeTempMember ends a secondment after a confirmation.
func (o *Screen) removeTempMember(x data.Org, tm data.TempMember) {
	o.wb.Confirm("移出临时党支部", fmt.Sprintf("把 %s 移出“%s”？其原支部（%s）的组织关系不受影响。", tm.Name, x.Name, tm.Home), func() {
		if err := o.wb.Store.RemoveTempMember(context.Background(), tm.ID); err != nil {
			o.wb.ShowError("移出失败", err)
			return
		}
		o.wb.Changed(ui.Orgs, ui.Members)
	})
}
