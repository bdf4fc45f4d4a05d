package org

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
)

// The 问题与提醒 part of the 组织机构 screen: the rule check runs off the main goroutine (over
// a large store it takes a noticeable moment and must not freeze the tree), and the pane
// shows a branch's own findings, or for a 党委/党总支 everything found beneath it — for the
// root also the institute-wide findings that belong to no organisation (a unit with members
// but no branch).

// ruleTitles names each rule for the summary line of a committee.
var ruleTitles = map[string]string{
	data.RuleProbationDue:     "预备期满未转正",
	data.RuleProbationSoon:    "预备期即将期满",
	data.RuleTermOverdue:      "支委会逾期未换届",
	data.RuleTooFewFull:       "正式党员不足3人",
	data.RuleNoCommittee:      "应设未设支委会",
	data.RuleSecretaryNotHead: "书记非单位负责人",
	data.RuleNoBackbone:       "支委中无科研骨干",
	data.RuleUnitUncovered:    "有党员的单位未建支部",
	data.RuleNoSecretary:      "支委会无书记",
}

// startCheck runs the rules in the background and shows their findings when done; a later
// check supersedes one still running.
func (o *Screen) startCheck() {
	s := o.wb.Store
	ui.Load(&o.checks, func() ([]data.Finding, error) { return s.Check(context.Background()) }, func(findings []data.Finding, err error) {
		if err != nil {
			o.checkErr = "检查规则失败，请稍后重试或从“备份与日志”恢复数据库"
			o.findings = nil
		} else {
			o.checkErr, o.findings, o.checkedOnce = "", findings, true
		}
		o.showDetail()
	})
}

// subtreeFindings are the findings of x and of every organisation below it; the root also
// takes the findings that belong to no organisation.
func (o *Screen) subtreeFindings(x data.Org) []data.Finding {
	under := data.Subtree(o.orgs, x.ID)
	var out []data.Finding
	for _, f := range o.findings {
		if under[f.OrgID] || (f.OrgID == 0 && x.ParentID == 0) {
			out = append(out, f)
		}
	}
	return out
}

// findingsBox lists the rule findings: 问题 in red, 提醒 in amber. A branch shows its own; a
// committee shows a count per rule and then each finding with the organisation it is about.
func (o *Screen) findingsBox(x data.Org) fyne.CanvasObject {
	box := container.NewVBox(heading("问题与提醒"))
	switch {
	case o.checkErr != "":
		box.Add(ui.Colored(o.checkErr, widget.DangerImportance))
		return box
	case !o.checkedOnce:
		box.Add(ui.Colored("正在检查……", widget.LowImportance))
		return box
	}
	branch := x.IsBranch()
	fs := data.FindingsFor(o.findings, x.ID)
	if !branch {
		fs = o.subtreeFindings(x)
	}
	if len(fs) == 0 && branch && o.counts[x.ID] == 0 {
		// Nothing was found because there is nothing yet to check, which is not the same.
		box.Add(ui.Colored("尚未编入党员：在“党员花名册”中新增党员或转接到本支部后，这里会列出需要注意的问题。", widget.LowImportance))
		return box
	}
	if len(fs) == 0 {
		ok := widget.NewLabel("未发现问题")
		if !branch {
			ok.SetText("本组织及下属组织未发现问题")
		}
		box.Add(container.NewHBox(widget.NewIcon(theme.ConfirmIcon()), ok))
		return box
	}
	if !branch {
		// Wrapped: an unwrapped line this long would widen the pane and crush the tree.
		sum := widget.NewLabelWithStyle(findingsSummary(fs, x.ParentID == 0), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		sum.Wrapping = fyne.TextWrapBreak
		box.Add(sum)
	}
	for _, f := range fs {
		imp := widget.WarningImportance
		if f.Severity == "问题" {
			imp = widget.DangerImportance
		}
		text := "【" + f.Severity + "】"
		if !branch && f.OrgName != "" && f.OrgID != x.ID {
			// A finding about an organisation below opens it, where it can be dealt with.
			id := f.OrgID
			box.Add(newFindingLink(text+f.OrgName+"："+f.Message, imp, func() { o.selectOrg(id) }))
			continue
		}
		box.Add(ui.Colored(text+f.Message, imp))
	}
	return box
}

// findingsSummary is one line: how many 问题 and 提醒, and how many of each rule.
func findingsSummary(fs []data.Finding, root bool) string {
	problems, per, order := 0, map[string]int{}, []string{}
	for _, f := range fs {
		if f.Severity == "问题" {
			problems++
		}
		if per[f.Rule] == 0 {
			order = append(order, f.Rule)
		}
		per[f.Rule]++
	}
	var parts []string
	for _, r := range order {
		title := ruleTitles[r]
		if title == "" {
			title = r
		}
		parts = append(parts, fmt.Sprintf("%s %d", title, per[r]))
	}
	scope := "本组织及下属组织"
	if root {
		scope = "全院"
	}
	return fmt.Sprintf("%s共 %d 个问题、%d 条提醒：%s", scope, problems, len(fs)-problems, strings.Join(parts, "，"))
}

// findingLink is a finding in a committee's list that opens the organisation it is about when
// clicked, with the hand pointer that says it can be.
type findingLink struct {
	widget.Label
	open func()
}

func newFindingLink(text string, imp widget.Importance, open func()) *findingLink {
	l := &findingLink{open: open}
	l.Text, l.Importance, l.Wrapping = text, imp, fyne.TextWrapBreak
	l.ExtendBaseWidget(l)
	return l
}

// Tapped opens the organisation.
func (l *findingLink) Tapped(*fyne.PointEvent) { l.open() }

// Cursor is the hand, as over a link.
func (l *findingLink) Cursor() desktop.Cursor { return desktop.PointerCursor }
