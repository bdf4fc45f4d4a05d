package ab

import (
	"context"
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data/abpost"
)

// abCoverageView is 今日/本周值守: the service days of the coming two weeks by item — who serves,
// B-covering days marked in amber, gaps in red — and the warnings under it.
type abCoverageView struct {
	wb       *ui.Workbench
	root     fyne.CanvasObject
	table    *ui.KeyTable
	summary  *ui.WrapLabel
	warnings *fyne.Container // one wrapping line a warning
	cov      *abpost.Coverage
}

// abCoverageDays is how far ahead the view looks: two weeks.
const abCoverageDays = 14

var (
	abGapColor = color.NRGBA{R: 0xd3, G: 0x2f, B: 0x2f, A: 0xff}
	abBColor   = color.NRGBA{R: 0xff, G: 0xe0, B: 0x82, A: 0xff}
)

func newABCoverageView(wb *ui.Workbench) *abCoverageView {
	v := &abCoverageView{wb: wb, summary: ui.NewWrapLabel("")}
	v.table = ui.NewKeyTable(v.size, newABCoverageCell, v.update)
	v.table.ShowHeaderColumn = false
	v.table.StickyColumnCount = 1
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle = fyne.TextStyle{Bold: true}
		switch {
		case id.Col == 0:
			l.SetText("服务事项")
		case v.cov != nil && id.Col-1 < len(v.cov.Days):
			d := v.cov.Days[id.Col-1]
			l.SetText(fmt.Sprintf("%d/%d %s", d.Month(), d.Day(), abpost.Weekday(d)))
		}
	}
	v.table.SetColumnWidth(0, 200)
	// The warnings wrap, each whole on as many lines as it needs: in a list of one-line rows
	// they were cut at the window's edge.
	v.warnings = container.NewVBox()
	legend := container.NewHBox(abSwatch(abBColor, "B岗顶岗"), abSwatch(abGapColor, "空岗（A、B均不在）"))
	top := container.NewBorder(nil, nil, nil, legend, v.summary)
	split := container.NewVSplit(v.table, container.NewBorder(widget.NewLabelWithStyle("警示", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, container.NewVScroll(v.warnings)))
	split.Offset = 0.66
	v.root = container.NewBorder(top, nil, nil, nil, split)
	v.reload()
	return v
}

func abSwatch(c color.Color, text string) fyne.CanvasObject {
	r := canvas.NewRectangle(c)
	r.SetMinSize(fyne.NewSize(18, 18))
	return container.NewHBox(container.NewCenter(r), widget.NewLabel(text))
}

func (v *abCoverageView) size() (int, int) {
	if v.cov == nil {
		return 0, 1
	}
	return len(v.cov.Items), len(v.cov.Days) + 1
}

func newABCoverageCell() fyne.CanvasObject {
	bg := canvas.NewRectangle(color.Transparent)
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	// A label's text cannot be white, and the theme's red on red would not read: a gap gets
	// its own white text.
	gap := canvas.NewText("空岗", color.White)
	gap.TextStyle = fyne.TextStyle{Bold: true}
	gap.Alignment = fyne.TextAlignCenter
	gap.Hide()
	return container.NewStack(bg, l, gap)
}

func (v *abCoverageView) update(id widget.TableCellID, o fyne.CanvasObject) {
	st := o.(*fyne.Container)
	bg, l, gap := st.Objects[0].(*canvas.Rectangle), st.Objects[1].(*widget.Label), st.Objects[2].(*canvas.Text)
	bg.FillColor = color.Transparent
	gap.Hide()
	text := ""
	if v.cov != nil && id.Row < len(v.cov.Items) {
		if id.Col == 0 {
			it := v.cov.Items[id.Row]
			text = it.Dept + "·" + it.Name
		} else if id.Col-1 < len(v.cov.Days) {
			c := v.cov.Cells[id.Row][id.Col-1]
			switch c.State {
			case abpost.StateA:
				text = v.cov.Name(c.A)
			case abpost.StateB:
				text, bg.FillColor = "B "+v.cov.Name(c.B), abBColor
			case abpost.StateGap:
				bg.FillColor = abGapColor
				gap.Show()
			}
		}
	}
	l.SetText(text)
	bg.Refresh()
}

func (v *abCoverageView) reload() {
	today := v.wb.Store.Today()
	cov, err := abpost.ComputeCoverage(context.Background(), v.wb.Store, today, today.AddDate(0, 0, abCoverageDays-1))
	if err != nil {
		v.wb.ShowError("无法计算值守情况", err)
		return
	}
	v.cov = cov
	for j := range cov.Days {
		v.table.SetColumnWidth(j+1, 92)
	}
	s := cov.Summary()
	v.summary.SetText(fmt.Sprintf("%s 至 %s：服务日 %d 天，事项 %d 项；B岗顶岗 %d 事项·日，空岗 %d 事项·日，警示 %d 条",
		abDateText(cov.From), abDateText(cov.To), s.ServiceDays, s.Items, s.ByB, s.Gaps, s.Warnings))
	v.table.Refresh()
	v.warnings.RemoveAll()
	for _, w := range cov.Warnings {
		l := ui.NewWrapLabel("【" + w.Kind + "】" + w.Message)
		l.Importance = widget.WarningImportance
		if w.Kind == abpost.WarnGap {
			l.Importance = widget.DangerImportance
		}
		v.warnings.Add(l)
	}
}
