package roster

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
)

// Transfers (转出 / 转入 / 内部调动) and roster status changes are their own dated actions
// with a required reason, never a silent edit of the member form: the record keeps the history.

const transferOut = "转出院外"

// memberAction is the dialog of one such action: a date, a choice and a reason.
type memberAction struct {
	wb      *ui.Workbench
	date    *ui.DayEntry
	choice  *widget.Select
	reason  *ui.EscapeEntry
	dateErr *ui.WrapLabel
	choErr  *ui.WrapLabel
	reasErr *ui.WrapLabel
	ok      *widget.Button // the dialog's confirm button (tests tap it)
	// run does the action with the parsed date, the chosen text and the reason.
	run func(day time.Time, choice, reason string) error
}

func newMemberAction(wb *ui.Workbench, title, intro, choiceLabel, reasonHint string, choices []string, run func(time.Time, string, string) error) *memberAction {
	a := &memberAction{wb: wb, run: run, dateErr: ui.NewFieldError(), choErr: ui.NewFieldError(), reasErr: ui.NewFieldError()}
	a.date = ui.NewDayEntry(wb.Store.Today())
	a.choice = widget.NewSelect(choices, nil)
	a.choice.PlaceHolder = "请选择"
	a.reason = ui.NewEscapeMultiLineEntry()
	a.reason.SetPlaceHolder(reasonHint)
	a.reason.SetMinRowsVisible(3)
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	info := ui.NewWrapLabel(intro)
	body := container.NewVBox(info,
		bold("日期"), a.date, a.dateErr,
		bold(choiceLabel), a.choice, a.choErr,
		bold("原因 *"), a.reason, a.reasErr)
	a.ok = ui.FormDialog(wb, title, body, "确定", fyne.NewSize(520, 440), a.submit).OK
	return a
}

// submit checks the fields, each message under its own field, then runs the action; a refusal
// by the store shows in red in the form, which stays open so nothing typed is lost.
func (a *memberAction) submit() error {
	day, err := ui.ParseDay(a.date.Text)
	dateMsg := ""
	if err != nil {
		dateMsg = err.Error()
	} else if day.IsZero() {
		dateMsg = "请填写日期"
	} else if day.After(a.wb.Store.Today()) {
		dateMsg = "日期不能晚于今天"
	}
	ui.SetFieldError(a.dateErr, dateMsg)
	choMsg := ""
	if a.choice.Selected == "" {
		choMsg = "请选择一项"
	}
	ui.SetFieldError(a.choErr, choMsg)
	reasMsg := ""
	if strings.TrimSpace(a.reason.Text) == "" {
		reasMsg = "请填写原因；转接和状态变更都会记入档案"
	}
	ui.SetFieldError(a.reasErr, reasMsg)
	if dateMsg != "" || choMsg != "" || reasMsg != "" {
		return errors.New("请按红字提示补全后再确定")
	}
	if err := a.run(day, a.choice.Selected, strings.TrimSpace(a.reason.Text)); err != nil {
		return err
	}
	a.wb.Changed(ui.Members, ui.Orgs)
	return nil
}

// showTransferDialog moves a member to another branch of the institute or out of it.
func showTransferDialog(wb *ui.Workbench, m data.Member) *memberAction {
	orgs, err := wb.Store.Orgs(context.Background())
	if err != nil {
		wb.ShowError("读取党组织失败", err)
		return nil
	}
	names, ids := ui.OrgChoices(orgs, func(o data.Org) bool { return ui.StandingBranch(o) && o.ID != m.BranchID })
	intro := m.Name + " 现在“" + m.BranchName + "”，党籍状态：" + m.Status + "。"
	if m.Status != data.StatusNormal {
		intro += "选择一个党支部即办理转入。"
	}
	return newMemberAction(wb, "转接 · "+m.Name, intro, "转至", "必填，如：工作调动至某单位、组织关系转至某地", append([]string{transferOut}, names...),
		func(day time.Time, to, reason string) error {
			err := wb.Store.TransferMember(context.Background(), m.PersonID, ids[to], day, reason)
			if err == nil {
				wb.Notify("%s 已%s", m.Name, map[bool]string{true: "转出院外", false: "转至" + strings.TrimSpace(to)}[to == transferOut])
			}
			return err
		})
}

// showStatusDialog changes a member's roster status (正常 / 已转出 / 已减员 / 历史).
func showStatusDialog(wb *ui.Workbench, m data.Member) *memberAction {
	var choices []string
	for _, s := range data.Statuses {
		if s != m.Status {
			choices = append(choices, s)
		}
	}
	intro := m.Name + " 现在的党籍状态是“" + m.Status + "”。"
	return newMemberAction(wb, "党籍状态变更 · "+m.Name, intro, "变更为", "必填，如：出国定居停止党籍、受开除党籍处分、去世", choices,
		func(day time.Time, status, reason string) error {
			err := wb.Store.SetStatus(context.Background(), m.PersonID, status, day, reason)
			if err == nil {
				wb.Notify("%s 的党籍状态已改为%s", m.Name, status)
			}
			return err
		})
}
