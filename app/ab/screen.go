package ab

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data/abpost"
	"dangjian/data/report"
	"dangjian/data/sheets"
)

// Screen is the AB岗 screen: the service catalogue, 请假登记 and the two-week coverage, with
// the imports and exports every tab shares in one toolbar.
type Screen struct {
	wb   *ui.Workbench
	root fyne.CanvasObject
	tabs *container.AppTabs
	cat  *abCatalogue
	abs  *abAbsences
	cov  *abCoverageView
}

// New builds the AB岗 screen.
func New(wb *ui.Workbench) fyne.CanvasObject { return Open(wb).root }

func Open(wb *ui.Workbench) *Screen {
	a := &Screen{wb: wb}
	a.cat = newABCatalogue(wb)
	a.abs = newABAbsences(wb)
	a.cov = newABCoverageView(wb)
	a.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("服务事项目录", theme.ListIcon(), a.cat.root),
		container.NewTabItemWithIcon("请假登记", theme.CalendarIcon(), a.abs.root),
		container.NewTabItemWithIcon("今日/本周值守", theme.VisibilityIcon(), a.cov.root),
	)
	bar := container.NewHBox(
		&widget.Button{Text: "导入目录…", Icon: theme.UploadIcon(), OnTapped: a.onImport},
		&widget.Button{Text: "节假日与调休…", Icon: theme.CalendarIcon(), OnTapped: a.showABCalendar},
		widget.NewSeparator(),
		&widget.Button{Text: "导出服务指南", Icon: theme.DownloadIcon(), OnTapped: func() { a.onExport("一站式服务指南", ".xlsx") }},
		&widget.Button{Text: "服务指南 PDF", Icon: theme.DocumentPrintIcon(), OnTapped: func() { a.onExport("一站式服务指南", ".pdf") }},
		&widget.Button{Text: "导出报备表", Icon: theme.DocumentSaveIcon(), OnTapped: func() { a.onExport("AB岗位设置报备表", ".xlsx") }},
	)
	a.root = container.NewBorder(container.NewPadded(bar), nil, nil, nil, a.tabs)
	a.cat.search.onShortcut, a.cat.table.OnShortcut = a.shortcut, a.shortcut
	a.abs.table.OnShortcut, a.cov.table.OnShortcut = a.shortcut, a.shortcut
	wb.OnChange(ui.AB|ui.Members, a.reload) // the A and B posts are persons
	return a
}

// reload re-reads every tab after records changed anywhere.
func (a *Screen) reload() {
	a.cat.reload()
	a.abs.reload()
	a.cov.reload()
}

// Badge is the number of gap days in the coming week, shown on the rail.
func Badge(wb *ui.Workbench) string {
	if wb == nil || wb.Store == nil {
		return ""
	}
	today := wb.Store.Today()
	cov, err := abpost.ComputeCoverage(context.Background(), wb.Store, today, today.AddDate(0, 0, 6))
	if err != nil {
		return ""
	}
	if n := cov.GapDays(); n > 0 {
		return fmt.Sprint(n)
	}
	return ""
}

// onExport asks where to save, writes the document off the main goroutine and offers to open it.
func (a *Screen) onExport(what, ext string) {
	ui.SaveFile(a.wb, what+"-"+a.wb.Store.Now().Format("20060102")+ext, ext, func(path string) { a.export(what, ext, path) })
}

func (a *Screen) export(what, ext, path string) {
	s := a.wb.Store
	on := s.Today()
	ui.RunLongFor(a.wb, "正在导出"+what, "导出失败", func(ctx context.Context, p ui.Progress) (struct{}, error) {
		p(0, 0, "正在写入"+what+"……")
		switch {
		case ext == ".pdf":
			return struct{}{}, report.SaveGuide(ctx, s, path, on)
		case what == "一站式服务指南":
			return struct{}{}, sheets.ExportGuide(ctx, s, path, on)
		default:
			return struct{}{}, sheets.ExportFiling(ctx, s, path, on)
		}
	}, func(struct{}) {
		a.wb.Notify("%s已导出到 %s", what, path)
		a.wb.OfferOpen("导出完成", what+"已导出到\n"+path, path)
	}, ui.Audit)
}

// abDateText is how the AB screens show a date: 2026-11-28（周六）.
func abDateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02") + "（" + abpost.Weekday(t) + "）"
}
