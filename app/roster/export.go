package roster

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/sheets"
)

// The roster export dialog: what to export (the current filter), one sheet per branch or not,
// and whether full ID numbers go into the file — the file's title says which. Then a save
// dialog and the export with a progress bar. The blank import template is offered here too.

// rosterExportForm is the dialog's choices, kept apart from the dialog for tests.
type rosterExportForm struct {
	perBranch *widget.Check
	fullIDs   *widget.Check
	scope     *widget.Label
	template  *widget.Button
	items     []*widget.FormItem
}

func newRosterExportForm(wb *ui.Workbench, f data.MemberFilter) *rosterExportForm {
	r := &rosterExportForm{
		perBranch: widget.NewCheck("每个党支部单独一张工作表", nil),
		fullIDs:   widget.NewCheck("包含完整身份证号（不勾选则隐去中间数字，此类文件不能再导入）", nil),
		scope:     widget.NewLabel(describeFilter(wb.Store, f)),
	}
	r.template = widget.NewButton("另存空白导入模板…", func() { saveRosterTemplate(wb) })
	r.items = []*widget.FormItem{
		{Text: "范围", Widget: r.scope},
		{Text: "工作表", Widget: r.perBranch},
		{Text: "身份证号", Widget: r.fullIDs},
		{Text: "模板", Widget: r.template},
	}
	return r
}

// showRosterExportDialog exports the members f selects.
func showRosterExportDialog(wb *ui.Workbench, f data.MemberFilter) {
	form := newRosterExportForm(wb, f)
	var d *ui.StayDialog
	d = ui.FormDialog(wb, "导出花名册", widget.NewForm(form.items...), "导出…", fyne.NewSize(620, 300), func() error {
		opt := sheets.ExportOptions{PerBranch: form.perBranch.Checked, IncludeFullIDs: form.fullIDs.Checked}
		if f.BranchID != 0 {
			if o, err := wb.Store.Org(context.Background(), f.BranchID); err == nil {
				opt.Title = o.Name + "党员花名册"
			}
		}
		d.AfterClose(func() { exportMembers(wb, f, opt) })
		return nil
	})
}

// exportMembers asks where to save and writes the members f selects there, as long work.
func exportMembers(wb *ui.Workbench, f data.MemberFilter, opt sheets.ExportOptions) {
	ui.SaveFile(wb, "党员花名册.xlsx", ".xlsx", func(path string) {
		ui.RunLongFor(wb, "正在导出花名册", "导出未完成", func(ctx context.Context, p ui.Progress) (int, error) {
			return sheets.ExportRoster(ctx, wb.Store, f, path, opt, func(done, total int) {
				p(done, total, fmt.Sprintf("已写出 %d / %d 人", done, total))
			})
		}, func(n int) {
			wb.Notify("已导出 %d 名党员到 %s", n, path)
		}, ui.Audit)
	})
}

func saveRosterTemplate(wb *ui.Workbench) {
	ui.SaveFile(wb, "党员花名册导入模板.xlsx", ".xlsx", func(path string) {
		if err := sheets.WriteTemplate(path); err != nil {
			wb.ShowError("无法保存模板", err)
			return
		}
		wb.Notify("已保存导入模板 %s", path)
	})
}

// describeFilter says in words which members an export holds.
func describeFilter(s *data.Store, f data.MemberFilter) string {
	var parts []string
	if f.BranchID != 0 {
		if o, err := s.Org(context.Background(), f.BranchID); err == nil {
			parts = append(parts, o.Name+"（含下级）")
		}
	}
	if f.Category != "" {
		parts = append(parts, f.Category)
	}
	if f.Status != "" {
		parts = append(parts, "状态为"+f.Status)
	}
	if strings.TrimSpace(f.Query) != "" {
		parts = append(parts, "含“"+strings.TrimSpace(f.Query)+"”")
	}
	if len(parts) == 0 {
		return "全部党员"
	}
	return "当前筛选：" + strings.Join(parts, "，")
}
