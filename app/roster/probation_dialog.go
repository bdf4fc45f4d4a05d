package roster

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
)

// The end of a probation (预备期满) is decided by the branch's general meeting and approved by
// the 党委: 转正, 延长预备期 or 取消预备党员资格. The dialog asks for both dates, and the reason
// and the months where the decision needs them; the store checks the rules and records it.

// probationDialog is the dialog of one member's probation decision.
type probationDialog struct {
	wb       *ui.Workbench
	m        data.Member
	decision *widget.RadioGroup
	meeting  *ui.DayEntry
	approved *ui.DayEntry
	months   *widget.Select
	monthsAt fyne.CanvasObject // the months row, shown for 延长预备期 only
	reason   *ui.EscapeEntry
	errs     map[string]*ui.WrapLabel // under each field: meeting, approved, months, reason
	dlg      *ui.StayDialog
}

// showProbationDialog opens the decision on a probationary member in the roster.
func showProbationDialog(wb *ui.Workbench, m data.Member) *probationDialog {
	p := &probationDialog{wb: wb, m: m, errs: map[string]*ui.WrapLabel{}}
	for _, k := range []string{"decision", "meeting", "approved", "months", "reason"} {
		p.errs[k] = ui.NewFieldError()
	}
	p.decision = widget.NewRadioGroup([]string{data.DecisionFull, data.DecisionExtend, data.DecisionCancel}, func(string) { p.onDecision() })
	p.decision.Horizontal = true
	p.meeting = ui.NewDayEntry(wb.Store.Today())
	p.approved = ui.NewDayEntry(wb.Store.Today())
	var months []string
	for n := 6; n <= 12; n++ {
		months = append(months, strconv.Itoa(n)+" 个月")
	}
	p.months = widget.NewSelect(months, nil)
	p.months.SetSelected(months[0])
	p.reason = ui.NewEscapeMultiLineEntry()
	p.reason.SetMinRowsVisible(3)
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	due := m.ProbationDue()
	intro := fmt.Sprintf("%s，%s入党，预备期%s至 %s。", m.Name, ui.DayText(m.Joined),
		map[bool]string{true: "已延长", false: ""}[!m.ProbationExtended.IsZero()], ui.DayText(due))
	if !due.After(wb.Store.Today()) {
		intro += "预备期已满，请按支部大会的决定办理。"
	}
	info := ui.NewWrapLabel(intro)
	p.monthsAt = container.NewVBox(bold("延长"), p.months, p.errs["months"])
	body := container.NewVBox(info,
		bold("支部大会决定"), p.decision, p.errs["decision"],
		bold("支部大会日期 *"), p.meeting, p.errs["meeting"],
		bold("党委审批日期 *"), p.approved, p.errs["approved"],
		p.monthsAt,
		bold("原因"), p.reason, p.errs["reason"])
	p.dlg = ui.FormDialog(wb, "预备党员 · "+m.Name, body, "确定", fyne.NewSize(560, 560), p.submit)
	p.decision.SetSelected(data.DecisionFull)
	return p
}

// onDecision shows the months for an extension only, and says in the reason field whether a
// reason is needed and what kind the record expects.
func (p *probationDialog) onDecision() {
	p.monthsAt.Hide()
	switch p.decision.Selected {
	case data.DecisionExtend:
		p.monthsAt.Show()
		p.reason.SetPlaceHolder("必填，如：理论学习不够深入，需继续教育考察")
	case data.DecisionCancel:
		p.reason.SetPlaceHolder("必填，如：不履行党员义务，不具备党员条件")
	default:
		p.reason.SetPlaceHolder("选填，如：支部大会表决全票通过")
	}
}

// submit checks the fields, each message under its own field, then asks the store; its refusal
// (the rules: dates, once only, not yet due) shows in red and the dialog stays open.
func (p *probationDialog) submit() error {
	bad := false
	meeting, err := ui.ParseDay(p.meeting.Text)
	bad = p.fieldErr("meeting", dateProblem(meeting, err, "请填写支部大会的日期")) || bad
	approved, err := ui.ParseDay(p.approved.Text)
	bad = p.fieldErr("approved", dateProblem(approved, err, "请填写党委审批的日期")) || bad
	d := data.ProbationDecision{Meeting: meeting, Approved: approved, Reason: strings.TrimSpace(p.reason.Text)}
	kind := p.decision.Selected
	bad = p.fieldErr("decision", map[bool]string{true: "请选择支部大会的决定", false: ""}[kind == ""]) || bad
	reasonMsg := ""
	if d.Reason == "" && (kind == data.DecisionExtend || kind == data.DecisionCancel) {
		reasonMsg = "请填写" + kind + "的原因，它会记入党员档案"
	}
	bad = p.fieldErr("reason", reasonMsg) || bad
	if kind == data.DecisionExtend {
		d.Months, _ = strconv.Atoi(strings.TrimSuffix(p.months.Selected, " 个月"))
	}
	if bad {
		return errors.New("请按红字提示补全后再确定")
	}
	ctx := context.Background()
	switch kind {
	case data.DecisionFull:
		err = p.wb.Store.ConfirmFullMember(ctx, p.m.PersonID, d)
	case data.DecisionExtend:
		err = p.wb.Store.ExtendProbation(ctx, p.m.PersonID, d)
	default:
		err = p.wb.Store.CancelProbation(ctx, p.m.PersonID, d)
	}
	if err != nil {
		return err
	}
	p.wb.Changed(ui.Members, ui.Orgs)
	p.wb.Notify("%s：已办理%s", p.m.Name, kind)
	return nil
}

// fieldErr shows msg under the field key ("" clears it) and tells whether there was one.
func (p *probationDialog) fieldErr(key, msg string) bool {
	ui.SetFieldError(p.errs[key], msg)
	return msg != ""
}

// dateProblem is what is wrong with a typed date: unreadable, or missing.
func dateProblem(day interface{ IsZero() bool }, err error, missing string) string {
	switch {
	case err != nil:
		return err.Error()
	case day.IsZero():
		return missing
	}
	return ""
}
