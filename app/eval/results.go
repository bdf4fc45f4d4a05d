package eval

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data/criteria"
	"dangjian/data/sheets"
)

// resultsView is the results table of a round (rank, group totals, total, grade) with the
// per-organ actions — ballots, veto, correcting a computed value — and the 模范机关 list.
type resultsView struct {
	wb      *ui.Workbench
	sn      *criteria.Snapshot
	res     []criteria.Result
	head    []string
	table   *widget.Table
	sel     int
	titles  *ui.WrapLabel
	content fyne.CanvasObject
}

func newResultsView(wb *ui.Workbench) *resultsView {
	v := &resultsView{wb: wb, sel: -1, titles: ui.NewWrapLabel("")}
	v.table = widget.NewTable(func() (int, int) { return len(v.res) + 1, len(v.head) },
		ui.NewTruncatingCell,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Row == 0
			l.Importance = widget.MediumImportance
			if id.Row == 0 {
				l.SetText(v.head[id.Col])
				return
			}
			row := sheets.ResultsRow(v.sn.Round, v.res[id.Row-1])
			// a total over 100 says that 加分 is added to the 基础分
			row[len(v.head)-3] = criteria.TotalText(v.res[id.Row-1])
			if id.Col == len(v.head)-2 {
				switch row[id.Col] {
				case criteria.Excellent:
					l.Importance = widget.SuccessImportance
				case criteria.Fail:
					l.Importance = widget.DangerImportance
				}
			}
			l.SetText(row[id.Col])
		})
	v.table.StickyRowCount = 1
	v.table.OnSelected = func(id widget.TableCellID) { v.sel = id.Row - 1 }
	actions := container.NewHBox(
		widget.NewButtonWithIcon("录入测评票", theme.ContentAddIcon(), v.ballots),
		widget.NewButtonWithIcon("修正计算值", theme.DocumentCreateIcon(), v.override),
		widget.NewButtonWithIcon("一票否决", theme.ErrorIcon(), v.veto),
	)
	titleBox := container.NewVBox(widget.NewLabelWithStyle("模范机关（连续三年优秀命名，次年不合格撤销）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.titles)
	v.content = container.NewBorder(actions, titleBox, nil, nil, v.table)
	return v
}

func (v *resultsView) object() fyne.CanvasObject { return v.content }

// headerWidth is the width a bold header cell needs to show text without an ellipsis, with a
// padding's room to spare: the window's text measure rounds to whole pixels.
func headerWidth(text string) float32 { return textWidth(text, true) }

// textWidth is the width a cell needs to show text (bold in the header row) without an ellipsis.
func textWidth(text string, bold bool) float32 {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
	return l.MinSize().Width + theme.Padding()
}

func (v *resultsView) load(sn *criteria.Snapshot) {
	if sn == nil {
		return
	}
	// Keep the selection on the same department, not the same row: a veto or new ballots
	// re-rank the table, and the next action must not fall on whoever moved into the row.
	var organ int64 = -1
	if v.sel >= 0 && v.sel < len(v.res) && v.sn != nil && v.sn.Round.ID == sn.Round.ID {
		organ = v.res[v.sel].Organ.ID
	}
	v.sn = sn
	v.res = sn.Results()
	v.sel = -1
	for i, r := range v.res {
		if r.Organ.ID == organ {
			v.sel = i
		}
	}
	v.head = sheets.ResultsHeader(sn.Round)
	// Every column up to 等级 fits beside the rail in a 1024-pixel window (the grade is what
	// people look for); 备注 may run on. A group's column is as wide as its header
	// ("群众测评（30%）"), which is wider than any score.
	widths := []float32{56, 110}
	for range sn.Round.Groups {
		widths = append(widths, 0)
	}
	total := float32(80)
	for _, x := range v.res {
		total = max(total, textWidth(criteria.TotalText(x), false))
	}
	widths = append(widths, total, 70, 320)
	for i, w := range widths {
		// a group's name and weight ("群众测评（30%）") must show whole in the header
		v.table.SetColumnWidth(i, max(w, headerWidth(v.head[i])))
	}
	if v.sel >= 0 {
		v.table.Select(widget.TableCellID{Row: v.sel + 1, Col: 1})
	} else {
		v.table.UnselectAll()
	}
	v.table.Refresh()
	titles, err := criteria.ModelOrgans(context.Background(), v.wb.Store)
	if err != nil {
		v.titles.SetText("无法计算模范机关：" + ui.MessageText(err))
		return
	}
	var lines []string
	for _, t := range titles {
		switch {
		case t.Holds():
			lines = append(lines, fmt.Sprintf("★ %s：%d 年命名（%d–%d 年连续优秀）", t.Unit, t.Named, t.Years[0], t.Years[2]))
		case t.Revoked != 0:
			lines = append(lines, fmt.Sprintf("✕ %s：%d 年命名，%d 年不合格已撤销", t.Unit, t.Named, t.Revoked))
		case t.Consecutive > 0:
			lines = append(lines, fmt.Sprintf("· %s：已连续 %d 年优秀", t.Unit, t.Consecutive))
		}
	}
	if len(lines) == 0 {
		lines = []string{"暂无"}
	}
	v.titles.SetText(strings.Join(lines, "\n"))
}

// selected is the organ of the selected row, or an error dialog when none is.
func (v *resultsView) selected() (criteria.Organ, bool) {
	if v.sn == nil || v.sel < 0 || v.sel >= len(v.res) {
		v.wb.ShowError("请先选择部门", fmt.Errorf("请先在表中点选一个部门，再进行操作"))
		return criteria.Organ{}, false
	}
	return v.res[v.sel].Organ, true
}

// after reports a failed action in a dialog, or a done one in the status bar and reloads.
func (v *resultsView) after(err error, title, done string) {
	if err != nil {
		v.wb.ShowError(title, err)
		return
	}
	v.saved(done)
}

// saved says in the status bar what was done and reloads the screens.
func (v *resultsView) saved(done string) {
	v.wb.Notify("%s", done)
	v.wb.Changed(ui.Eval)
}

func (v *resultsView) ballots() {
	o, ok := v.selected()
	if !ok {
		return
	}
	// Saving replaces a category's counts, so the form starts from those already entered:
	// correcting one number must not mean retyping the others.
	entered, err := criteria.OrganBallots(context.Background(), v.wb.Store, v.sn.Round.ID, o.ID)
	if err != nil {
		v.wb.ShowError("无法读取测评票", err)
		return
	}
	counts := make([]*ui.EscapeEntry, len(sheets.BallotChoices))
	items := []*widget.FormItem{nil}
	for i, c := range sheets.BallotChoices {
		counts[i] = ui.NewEscapeEntry()
		items = append(items, widget.NewFormItem(c+"（票）", counts[i]))
	}
	cat := widget.NewSelect(criteria.BallotCategories, func(c string) {
		b := entered[c]
		for i, n := range []int{b.Satisfied, b.Basic, b.Unsatisfied, b.Unknown} {
			counts[i].SetText(strconv.Itoa(n))
		}
	})
	items[0] = widget.NewFormItem("测评人类别", cat)
	cat.SetSelectedIndex(0)
	d := evalForm(v.wb, "录入测评票 · "+o.Name, "保存", items, fyne.NewSize(420, 320), func() error {
		n := make([]int, len(counts))
		for i, c := range counts {
			x, err := strconv.Atoi(strings.TrimSpace(c.Text))
			if err != nil || x < 0 {
				return fmt.Errorf("“%s”票数“%s”应为不小于 0 的整数", sheets.BallotChoices[i], c.Text)
			}
			n[i] = x
		}
		b := criteria.BallotCount{Category: cat.Selected, Satisfied: n[0], Basic: n[1], Unsatisfied: n[2], Unknown: n[3]}
		if err := criteria.SetBallots(context.Background(), v.wb.Store, v.sn.Round.ID, o.ID, b); err != nil {
			return err
		}
		v.saved(fmt.Sprintf("已保存 %s · %s 的测评票：满意 %d，基本满意 %d，不满意 %d，不了解 %d", o.Name, b.Category, n[0], n[1], n[2], n[3]))
		return nil
	})
	ui.SubmitOnEnter(d, counts...)
	v.wb.Window.Canvas().Focus(counts[0])
}

func (v *resultsView) override() {
	o, ok := v.selected()
	if !ok {
		return
	}
	var inds []criteria.Indicator
	var names []string
	for _, in := range v.sn.Set.Indicators() {
		if in.FromData() {
			val := v.sn.Values[[2]int64{o.ID, in.ID}]
			inds = append(inds, in)
			names = append(names, fmt.Sprintf("%s（现为 %s）", in.Name, criteria.FormatPoints(val.Final())))
		}
	}
	sel := widget.NewSelect(names, nil)
	sel.PlaceHolder = "请选择由数据计算的指标"
	how := ui.NewWrapLabel("")
	points, reason := ui.NewEscapeEntry(), ui.NewEscapeEntry()
	reason.SetPlaceHolder("修正理由（必填，记入操作日志）")
	var d *ui.StayDialog
	// 撤销修正 shows only while the indicator chosen has an override: the computed value then
	// counts again, after a confirmation, and the removal is in the audit with its reason.
	remove := widget.NewButtonWithIcon("撤销修正", theme.ContentUndoIcon(), func() {
		i := sel.SelectedIndex()
		if i < 0 {
			return
		}
		in, val := inds[i], v.sn.Values[[2]int64{o.ID, inds[i].ID}]
		v.wb.Confirm("撤销修正", fmt.Sprintf("撤销 %s · %s 的修正（%s 分），恢复按数据计算的 %s 分？", o.Name, in.Name,
			criteria.FormatPoints(val.Final()), criteria.FormatPoints(val.Points)), func() {
			why := strings.TrimSpace(reason.Text)
			if why == "" {
				why = "撤销修正"
			}
			if err := criteria.Override(context.Background(), v.wb.Store, v.sn.Round.ID, o.ID, in.ID, nil, why); err != nil {
				d.Refuse(err)
				return
			}
			d.Hide()
			v.saved(fmt.Sprintf("已撤销 %s · %s 的修正，恢复计算值 %s 分", o.Name, in.Name, criteria.FormatPoints(val.Points)))
		})
	})
	remove.Hide()
	sel.OnChanged = func(string) {
		i := sel.SelectedIndex()
		if i < 0 {
			return
		}
		val := v.sn.Values[[2]int64{o.ID, inds[i].ID}]
		how.SetText(sheets.ValueNote(val))
		if val.Override != nil {
			remove.Show()
		} else {
			remove.Hide()
		}
	}
	items := []*widget.FormItem{
		widget.NewFormItem("指标", sel), widget.NewFormItem("计算过程", how),
		widget.NewFormItem("修正为", points), widget.NewFormItem("理由", reason),
		widget.NewFormItem("", container.NewHBox(remove)),
	}
	d = evalForm(v.wb, "修正计算值 · "+o.Name, "保存", items, fyne.NewSize(560, 400), func() error {
		i := sel.SelectedIndex()
		if i < 0 {
			return fmt.Errorf("请先选择要修正的指标")
		}
		if strings.TrimSpace(points.Text) == "" {
			return fmt.Errorf("请填写修正后的分数")
		}
		p, good := sheets.ParsePoints(points.Text)
		if !good {
			return fmt.Errorf("“%s”不是数字，请填写分数", points.Text)
		}
		if err := criteria.Override(context.Background(), v.wb.Store, v.sn.Round.ID, o.ID, inds[i].ID, &p, reason.Text); err != nil {
			return err
		}
		v.saved(fmt.Sprintf("已将 %s · %s 修正为 %s 分，理由记入操作日志", o.Name, inds[i].Name, criteria.FormatPoints(p)))
		return nil
	})
	ui.SubmitOnEnter(d, points, reason)
	if len(names) > 0 {
		sel.SetSelectedIndex(0) // the form opens ready to type: value, Tab, reason, Enter
	}
	v.wb.Window.Canvas().Focus(points)
}

func (v *resultsView) veto() {
	o, ok := v.selected()
	if !ok {
		return
	}
	if r := v.sn.Vetoes[o.ID]; r != "" {
		v.wb.Confirm("撤销一票否决", o.Name+" 已因“"+r+"”一票否决。确定撤销吗？", func() {
			v.after(criteria.SetVeto(context.Background(), v.wb.Store, v.sn.Round.ID, o.ID, "撤销否决", true), "无法撤销", "已撤销 "+o.Name+" 的一票否决")
		})
		return
	}
	reason := ui.NewEscapeEntry()
	reason.SetPlaceHolder("例如：发生学术不端")
	// room to read and type the reason
	d := evalForm(v.wb, "一票否决 · "+o.Name, "否决", []*widget.FormItem{widget.NewFormItem("事由", reason)}, fyne.NewSize(480, 200), func() error {
		if err := criteria.SetVeto(context.Background(), v.wb.Store, v.sn.Round.ID, o.ID, reason.Text, false); err != nil {
			return err
		}
		v.saved(o.Name + " 已一票否决，等级为不合格")
		return nil
	})
	ui.SubmitOnEnter(d, reason)
	v.wb.Window.Canvas().Focus(reason) // type the reason at once, Enter to veto
}
