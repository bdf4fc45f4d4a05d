package org

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
)

// Committee actions of the 组织机构 screen: a new term (换届), appointing a person to a seat
// (任命) and ending a seat (免职).

// newTerm opens a new committee term; the store closes the previous one on the same day.
func (o *Screen) newTerm() {
	x, ok := o.byID[o.selected]
	if !ok {
		return
	}
	start := ui.NewDayEntry(o.wb.Store.Today())
	intro := ui.NewWrapLabel(fmt.Sprintf("新一届支委会任期%d年；上一届及其在任支委将于同日结束。换届后请用“任命”选出新一届支委。", data.TermYears))
	form := widget.NewForm(widget.NewFormItem("本届开始日期", start))
	ui.FormDialog(o.wb, "换届 · "+x.Name, container.NewVBox(intro, form), "换届", fyne.NewSize(520, 280), func() error {
		d, err := ui.DayField("本届开始日期", start, ui.DayRequired)
		if err != nil {
			return err
		}
		if _, err := o.wb.Store.StartTerm(context.Background(), x.ID, d); err != nil {
			return err
		}
		o.wb.Changed(ui.Orgs)
		o.wb.Notify("%s 已换届", x.Name)
		return nil
	})
}

// personLine is how the seat picker lists a person: name, unit and what matters for a seat.
func personLine(p data.Person) string {
	parts := []string{p.Name}
	if p.UnitName != "" {
		parts = append(parts, p.UnitName)
	}
	if p.UnitHead {
		parts = append(parts, "负责人")
	}
	if p.Backbone {
		parts = append(parts, "科研骨干")
	}
	return strings.Join(parts, " · ")
}

// appoint gives a person a seat on the current term.
func (o *Screen) appoint() {
	x, ok := o.byID[o.selected]
	if !ok {
		return
	}
	terms, err := o.wb.Store.Terms(context.Background(), x.ID)
	if err != nil {
		o.wb.ShowError("读取支委会失败", err)
		return
	}
	if len(terms) == 0 || !terms[0].ActualEnd.IsZero() {
		o.wb.ShowError("不能任命", errors.New("该组织还没有本届支委会，请先用“换届”开始新一届。"))
		return
	}
	persons, err := o.wb.Store.Persons(context.Background())
	if err != nil {
		o.wb.ShowError("读取人员失败", err)
		return
	}
	pick := ui.NewPersonPicker(persons, personLine)
	// The branch's own members first: a committee is elected from them.
	own := map[int64]bool{}
	if ms, err := o.wb.Store.Members(context.Background(), data.MemberFilter{BranchID: x.ID, Status: data.StatusNormal}); err == nil {
		for _, m := range ms {
			own[m.PersonID] = true
		}
	}
	pick.PutFirst(func(p data.Person) bool { return own[p.ID] })
	pick.OnChosen = func(x data.Person) { pick.Info.SetText("已选：" + personLine(x)) }
	role := widget.NewSelect(data.SeatRoles, nil)
	role.PlaceHolder = "请选择职务"
	from := ui.NewDayEntry(o.wb.Store.Today())
	form := widget.NewForm(widget.NewFormItem("职务", role), widget.NewFormItem("任职日期", from))
	body := container.NewBorder(nil, form, nil, nil, pick.Widget())
	ui.FormDialog(o.wb, "任命支委 · "+x.Name, body, "任命", fyne.NewSize(560, 560), func() error {
		if pick.Chosen.ID == 0 {
			return errors.New("请在列表中选择一个人")
		}
		if role.Selected == "" {
			return errors.New("请选择职务")
		}
		d, err := ui.DayField("任职日期", from, ui.DayRequired)
		if err != nil {
			return err
		}
		if _, err := o.wb.Store.Appoint(context.Background(), terms[0].ID, pick.Chosen.ID, role.Selected, d); err != nil {
			return err
		}
		o.wb.Changed(ui.Orgs)
		o.wb.Notify("已任命 %s 为%s%s", pick.Chosen.Name, x.Name, role.Selected)
		return nil
	})
}

// endSeat ends a seat (免职) on a day, with a reason for the record.
func (o *Screen) endSeat(st data.Seat) {
	to := ui.NewDayEntry(o.wb.Store.Today())
	reason := ui.NewEscapeEntry()
	reason.SetPlaceHolder("如：工作调动、届中调整")
	form := widget.NewForm(widget.NewFormItem("免职日期", to), widget.NewFormItem("原因", reason))
	ui.FormDialog(o.wb, fmt.Sprintf("免去 %s 的%s职务", st.Name, st.Role), form, "免职", fyne.NewSize(480, 260), func() error {
		d, err := ui.DayField("免职日期", to, ui.DayRequired)
		if err != nil {
			return err
		}
		// The store refuses an empty reason with its own sentence: the rule lives there once.
		if err := o.wb.Store.EndSeat(context.Background(), st.ID, d, reason.Text); err != nil {
			return err
		}
		o.wb.Changed(ui.Orgs)
		return nil
	})
}
