package org

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
)

// Creating, editing and abolishing party organisations from the 组织机构 screen.

// orgTypes are the organisation kinds the form offers, by their Chinese names.
var orgTypes = []int{data.TypeCommittee, data.TypeGeneralBranch, data.TypeBranch, data.TypeJointBranch, data.TypeTempBranch}

// orgForm is the dialog's fields; tests fill them as a user would.
type orgForm struct {
	name, short, mission              *ui.EscapeEntry
	unit                              *widget.SelectEntry
	kind, typ, parent                 *widget.Select
	founded, mStart, mEnd, pledgeDate *ui.DayEntry
	temp                              *fyne.Container
	parentIDs                         map[string]int64 // the parent choice's text → org id
}

// newParent is where a new organisation goes: under the selection, beside it when a branch is
// selected, under the top committee when nothing is.
func (o *Screen) newParent() int64 {
	parent := o.selected
	if x, ok := o.byID[parent]; ok && x.IsBranch() {
		parent = x.ParentID
	}
	if parent == 0 && len(o.kids[0]) > 0 {
		parent = o.kids[0][0]
	}
	return parent
}

// newOrg creates an organisation under the selection (beside it when a branch is selected).
func (o *Screen) newOrg() {
	o.showOrgForm(data.Org{ParentID: o.newParent(), TypeCode: data.TypeBranch, Founded: o.wb.Store.Today()})
}

// newTempBranch creates a temporary mission branch under the selected committee.
func (o *Screen) newTempBranch() {
	today := o.wb.Store.Today()
	o.showOrgForm(data.Org{ParentID: o.newParent(), TypeCode: data.TypeTempBranch, Founded: today, MissionStart: today})
}

func (o *Screen) editOrg() {
	if x, ok := o.byID[o.selected]; ok {
		o.showOrgForm(x)
	}
}

func (o *Screen) showOrgForm(x data.Org) *orgForm {
	f := o.newOrgForm(x)
	form := widget.NewForm(
		widget.NewFormItem("名称", f.name),
		widget.NewFormItem("简称", f.short),
		widget.NewFormItem("组织类别", f.typ),
		widget.NewFormItem("上级组织", f.parent),
		widget.NewFormItem("依托单位", f.unit),
		widget.NewFormItem("单位类型", f.kind),
		widget.NewFormItem("成立日期", f.founded),
	)
	title := "新建党组织"
	if x.ID != 0 {
		title = "编辑党组织 · " + x.Name
	} else if x.TypeCode == data.TypeTempBranch {
		title = "新建临时党支部"
	}
	check := func() (data.Org, error) {
		y, err := f.read(x, o.wb.Store.Today())
		if err != nil {
			return y, err
		}
		if v := data.ValidateOrg(y, o.wb.Store.Today()); len(v) > 0 {
			return y, v
		}
		return y, nil
	}
	d := ui.FormDialog(o.wb, title, container.NewVScroll(container.NewVBox(form, f.temp)), "保存", fyne.NewSize(620, 560), func() error {
		y, err := check()
		if err != nil {
			return err
		}
		if err := o.wb.Store.SaveOrg(context.Background(), &y); err != nil {
			return err
		}
		o.selected = y.ID
		o.wb.Changed(ui.Orgs, ui.Members)
		o.selectOrg(y.ID)
		o.wb.Notify("已保存党组织 %s", y.Name)
		return nil
	})
	// A refusal on show is re-read as the person corrects the fields, so "请填写党组织名称"
	// goes once the name is there.
	f.name.OnChanged = func(string) {
		if d.Msg.Visible() {
			_, err := check()
			d.Recheck(err)
		}
	}
	o.wb.Window.Canvas().Focus(f.name)
	return f
}

// newOrgForm makes the fields for x; the mission fields show only for a 临时党支部.
func (o *Screen) newOrgForm(x data.Org) *orgForm {
	f := &orgForm{}
	f.name = ui.NewEscapeEntry()
	f.name.SetText(x.Name)
	f.short = ui.NewEscapeEntry()
	f.short.SetText(x.ShortName)
	var typeNames []string
	for _, c := range orgTypes {
		typeNames = append(typeNames, data.TypeName(c))
	}
	f.temp = container.NewVBox()
	f.typ = widget.NewSelect(typeNames, func(s string) {
		if s == data.TypeName(data.TypeTempBranch) {
			f.temp.Show()
		} else {
			f.temp.Hide()
		}
	})
	names, ids := ui.OrgChoices(o.orgs, func(p data.Org) bool { return p.Live() && !p.IsBranch() && p.ID != x.ID })
	f.parentIDs = ids
	f.parent = widget.NewSelect(names, nil)
	f.parent.Selected = ui.LabelFor(ids, x.ParentID)
	var units []string
	if us, err := o.wb.Store.Units(context.Background()); err == nil {
		for _, u := range us {
			units = append(units, u.Name)
		}
	}
	f.unit = widget.NewSelectEntry(units)
	f.unit.SetText(x.UnitName)
	f.kind = widget.NewSelect(data.UnitKinds, nil)
	f.kind.Selected = x.UnitKind
	f.kind.PlaceHolder = "请选择"
	f.parent.PlaceHolder = "请选择"
	f.founded = ui.NewDayEntry(x.Founded)
	f.mission = ui.NewEscapeEntry()
	f.mission.SetText(x.Mission)
	f.mission.SetPlaceHolder("如：某卫星有效载荷发射任务")
	f.mStart, f.mEnd, f.pledgeDate = ui.NewDayEntry(x.MissionStart), ui.NewDayEntry(x.MissionEnd), ui.NewDayEntry(x.PledgeSigned)
	f.temp.Add(widget.NewForm(
		widget.NewFormItem("承担任务", f.mission),
		widget.NewFormItem("任务开始", f.mStart),
		widget.NewFormItem("任务结束", f.mEnd),
		widget.NewFormItem("集体承诺书签订", f.pledgeDate),
	))
	f.typ.SetSelected(data.TypeName(x.TypeCode))
	return f
}

// read is x as the fields now say; the error names the field that is wrong.
func (f *orgForm) read(x data.Org, today time.Time) (data.Org, error) {
	y := x
	y.Name, y.ShortName = strings.TrimSpace(f.name.Text), strings.TrimSpace(f.short.Text)
	for _, c := range orgTypes {
		if data.TypeName(c) == f.typ.Selected {
			y.TypeCode = c
		}
	}
	y.ParentID = f.parentIDs[f.parent.Selected]
	if u := strings.TrimSpace(f.unit.Text); u != x.UnitName || f.kind.Selected != x.UnitKind {
		y.UnitID, y.UnitName, y.UnitKind = 0, u, f.kind.Selected
	}
	var err error
	if y.Founded, err = ui.DayField("成立日期", f.founded, ui.DayOptional); err != nil {
		return y, err
	}
	if y.Founded.After(today) {
		return y, errors.New("成立日期不能晚于今天，请核对")
	}
	if y.IsTemporary() {
		y.Mission = strings.TrimSpace(f.mission.Text)
		if y.MissionStart, err = ui.DayField("任务开始日期", f.mStart, ui.DayOptional); err != nil {
			return y, err
		}
		if y.MissionEnd, err = ui.DayField("任务结束日期", f.mEnd, ui.DayOptional); err != nil {
			return y, err
		}
		if y.PledgeSigned, err = ui.DayField("集体承诺书签订日期", f.pledgeDate, ui.DayOptional); err != nil {
			return y, err
		}
	}
	if y.ParentID == 0 && x.ParentID != 0 {
		return y, errors.New("请选择上级组织")
	}
	return y, nil
}

// abolishOrg asks for the date and the reason, then abolishes; the store refuses while
// members or live sub-organisations remain, and that message is shown as it is.
func (o *Screen) abolishOrg() {
	x, ok := o.byID[o.selected]
	if !ok {
		return
	}
	// Say at once why it cannot be done, before the user types a date and a reason for nothing.
	if n := o.counts[x.ID]; n > 0 && !x.IsTemporary() {
		o.wb.ShowError("不能撤销“"+x.Name+"”", fmt.Errorf("该支部还有 %d 名党员。请先在“党员花名册”中用“转接”把他们转到其他支部，再撤销本支部。", n))
		return
	}
	live := 0
	for _, k := range o.kids[x.ID] {
		if o.byID[k].Live() {
			live++
		}
	}
	if n := live; n > 0 {
		o.wb.ShowError("不能撤销“"+x.Name+"”", fmt.Errorf("它下面还有 %d 个党组织。请先撤销下级组织，或用“编辑”把它们改隶其他上级组织。", n))
		return
	}
	day := ui.NewDayEntry(o.wb.Store.Today())
	reason := widget.NewMultiLineEntry()
	reason.SetPlaceHolder("必填，如：任务完成、机构调整合并")
	intro := ui.NewWrapLabel("撤销后该组织不再出现在组织树中（勾选“显示已撤销”可查看），记录保留。")
	form := widget.NewForm(widget.NewFormItem("撤销日期", day), widget.NewFormItem("原因", reason))
	ui.FormDialog(o.wb, "撤销 · "+x.Name, container.NewVBox(intro, form), "撤销", fyne.NewSize(520, 340), func() error {
		d, err := ui.DayField("撤销日期", day, ui.DayRequired)
		if err != nil {
			return err
		}
		// The store refuses an empty reason with its own sentence: the rule lives there once.
		if err := o.wb.Store.AbolishOrg(context.Background(), x.ID, d, reason.Text); err != nil {
			return err
		}
		o.wb.Changed(ui.Orgs, ui.Members)
		o.wb.Notify("已撤销 %s", x.Name)
		return nil
	})
}
