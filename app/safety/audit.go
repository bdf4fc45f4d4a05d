package safety

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/civil"
	"dangjian/data/sheets"
)

// The 操作日志 tab: who did what, when and why — imports, undos, status changes, transfers,
// score overrides, exports of personal data, backups, restores — filtered by action, text and
// dates, and exported to Excel. It reloads on every change notice; a selected row shows whole.

// auditShown caps the rows on screen; the export always writes every matching entry.
const auditShown = 2000

// auditActions are the actions offered in the filter; actions found in the log are added.
var auditActions = []string{"导入", "撤销导入", "新增党员", "状态变更", "转接", "评分修改", data.ActionExport, data.ActionBackup, "恢复备份"}

const allActions = "全部操作"

// The columns add to 840 px, so beside the rail of a 1024-pixel window all six show, 原因
// included; a long 对象, 内容 or 原因 is cut, and written out whole under the table when its
// row is picked.
var auditGridColumns = []gridColumn{{"时间", 160}, {"操作人", 80}, {"操作", 104}, {"对象", 130}, {"内容", 216}, {"原因", 150}}

type auditTab struct {
	wb       *ui.Workbench
	entries  []data.AuditEntry
	action   *widget.Select
	text     *widget.Entry
	from, to *ui.DayEntry
	count    *widget.Label
	full     *ui.WrapLabel // the selected entry's whole text: long cells are cut in the table
	table    *widget.Table
	content  fyne.CanvasObject
}

func newAuditTab(wb *ui.Workbench) *auditTab {
	l := &auditTab{wb: wb}
	l.action = widget.NewSelect(append([]string{allActions}, auditActions...), nil)
	l.action.SetSelectedIndex(0)
	l.action.OnChanged = func(string) { l.reload() }
	l.text = &widget.Entry{PlaceHolder: "姓名、文件名、原因……", OnSubmitted: func(string) { l.reload() }}
	l.from, l.to = ui.NewDayEntry(time.Time{}), ui.NewDayEntry(time.Time{})
	l.from.SetPlaceHolder("起 " + ui.DayPlaceHolder)
	l.to.SetPlaceHolder("止 " + ui.DayPlaceHolder)
	l.from.OnSubmitted, l.to.OnSubmitted = func(string) { l.reload() }, func(string) { l.reload() }
	search := &widget.Button{Text: "查询", Icon: theme.SearchIcon(), OnTapped: l.reload}
	export := &widget.Button{Text: "导出 Excel…", Icon: theme.DownloadIcon(), OnTapped: l.onExport}
	l.count = widget.NewLabel("")
	l.full = ui.NewWrapLabel("点选一行，在此查看它的全文")
	l.table = newGrid(auditGridColumns, func() int { return len(l.entries) }, l.cell, l.showFull)
	dates := container.NewGridWithColumns(2, l.from, l.to)
	filters := container.NewBorder(nil, nil, l.action, container.NewHBox(search, export),
		container.NewGridWithColumns(2, l.text, dates))
	l.content = container.NewBorder(filters, container.NewVBox(l.full, l.count), nil, nil, growing(l.table, auditGridColumns, 4))
	l.reload()
	return l
}

func (l *auditTab) cell(r, c int) string {
	e := l.entries[r]
	return [...]string{e.At.Local().Format("2006-01-02 15:04:05"), e.User, e.Action, e.Subject, e.Detail, e.Reason}[c]
}

// showFull writes entry r out whole under the table, every field labelled.
func (l *auditTab) showFull(r int) {
	if r < 0 || r >= len(l.entries) {
		return
	}
	e := l.entries[r]
	text := fmt.Sprintf("%s　%s　%s：%s", e.At.Local().Format("2006-01-02 15:04:05"), e.User, e.Action, e.Subject)
	if e.Detail != "" {
		text += "\n内容：" + e.Detail
	}
	if e.Reason != "" {
		text += "\n原因：" + e.Reason
	}
	l.full.SetText(text)
}

// filter reads the filter fields; a date that cannot be read is an error naming the field.
func (l *auditTab) filter() (data.AuditFilter, error) {
	f := data.AuditFilter{Text: strings.TrimSpace(l.text.Text)}
	if a := l.action.Selected; a != allActions {
		f.Action = a
	}
	for _, d := range []struct {
		e    *ui.DayEntry
		to   *time.Time
		name string
	}{{l.from, &f.From, "起始日期"}, {l.to, &f.To, "截止日期"}} {
		r, err := civil.Parse(d.e.Text)
		if err != nil {
			return f, fmt.Errorf("%s“%s”不是日期，请写成 2026-11-28 这样", d.name, d.e.Text)
		}
		*d.to = r.Date
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return f, errors.New("截止日期早于起始日期，请调换两个日期")
	}
	return f, nil
}

// scope says in words which part of the log the filter selects, for the export's title.
func scopeText(f data.AuditFilter) string {
	var parts []string
	if f.Action != "" {
		parts = append(parts, f.Action)
	}
	if f.Text != "" {
		parts = append(parts, "含“"+f.Text+"”")
	}
	switch {
	case !f.From.IsZero() && !f.To.IsZero():
		parts = append(parts, civil.Format(f.From)+" 至 "+civil.Format(f.To))
	case !f.From.IsZero():
		parts = append(parts, civil.Format(f.From)+" 起")
	case !f.To.IsZero():
		parts = append(parts, "至 "+civil.Format(f.To))
	}
	if len(parts) == 0 {
		return "全部"
	}
	return strings.Join(parts, "，")
}

// reload runs the query; the audit table is indexed by time, so this is quick on the main goroutine.
func (l *auditTab) reload() {
	f, err := l.filter()
	if err != nil {
		l.count.SetText(err.Error())
		return
	}
	f.Limit = auditShown + 1
	entries, err := l.wb.Store.AuditLog(context.Background(), f)
	if err != nil {
		l.count.SetText("无法读取操作日志：" + ui.MessageText(err))
		return
	}
	more := len(entries) > auditShown
	if more {
		entries = entries[:auditShown]
	}
	l.entries = entries
	l.addActions(entries)
	l.table.Refresh()
	switch {
	case more:
		l.count.SetText(fmt.Sprintf("只显示最新的 %d 条；请缩小日期范围，或导出 Excel 查看全部", auditShown))
	default:
		l.count.SetText(fmt.Sprintf("共 %d 条（%s）", len(entries), scopeText(f)))
	}
}

// addActions offers in the filter the actions other features log that the fixed list lacks.
func (l *auditTab) addActions(entries []data.AuditEntry) {
	have := map[string]bool{}
	for _, o := range l.action.Options {
		have[o] = true
	}
	for _, e := range entries {
		if !have[e.Action] {
			have[e.Action] = true
			l.action.Options = append(l.action.Options, e.Action)
		}
	}
}

func (l *auditTab) onExport() {
	f, err := l.filter()
	if err != nil {
		l.wb.ShowError("无法导出", err)
		return
	}
	ui.SaveFile(l.wb, "操作日志-"+l.wb.Store.Now().Format("20060102")+".xlsx", ".xlsx", func(path string) { l.export(f, path) })
}

// export writes every entry the filter selects to path and offers to open it.
func (l *auditTab) export(f data.AuditFilter, path string) {
	s := l.wb.Store
	ui.RunLongFor(l.wb, "正在导出操作日志", "导出失败", func(ctx context.Context, p ui.Progress) (struct{}, error) {
		p(0, 0, "正在读取操作日志……")
		entries, err := s.AuditLog(ctx, f)
		if err != nil {
			return struct{}{}, err
		}
		p(0, 0, fmt.Sprintf("正在写入 %d 条……", len(entries)))
		return struct{}{}, sheets.SaveAuditLog(ctx, s, path, entries, scopeText(f))
	}, func(struct{}) {
		l.wb.Notify("操作日志已导出到 %s", path)
		l.wb.OfferOpen("导出完成", "操作日志已导出到\n"+path, path)
	}, ui.Audit)
}
