package ab

import (
	"context"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data/abpost"
	"dangjian/data/sheets"
)

// Importing the catalogue works like the roster import: read and plan off the main goroutine,
// preview every row with what will happen to it (rejected rows with their reasons, new staff
// listed), commit only on 导入, and offer 撤销 right after.

func (a *Screen) onImport() {
	ui.ChooseFile(a.wb, []string{".xlsx"}, a.planImport)
}

func (a *Screen) planImport(path string) {
	ui.RunLongFor(a.wb, "正在读取AB岗目录", "无法导入", func(ctx context.Context, p ui.Progress) (*abpost.ImportPlan, error) {
		p(0, 0, "正在读取并核对……")
		return sheets.PlanABImport(ctx, a.wb.Store, path)
	}, a.showPreview)
}

// abPreviewHeaders are the preview table's columns.
var (
	abPreviewHeaders = []string{"行", "部门", "服务事项", "A岗", "B岗", "结果", "说明"}
	abPreviewWidths  = []float32{50, 90, 170, 90, 120, 70, 330}
)

// abPreviewCell is the text of one cell of the preview table.
func abPreviewCell(r abpost.PlannedRow, col int) string {
	switch col {
	case 0:
		return fmt.Sprint(r.Line)
	case 1:
		return r.Item.Dept
	case 2:
		return r.Item.Name
	case 3:
		return r.Item.AName + map[bool]string{true: "（新）"}[r.NewA]
	case 4:
		return r.Item.BName + map[bool]string{true: "（新）"}[r.NewB]
	case 5:
		return r.Action
	case 6:
		if len(r.Errors) > 0 {
			return strings.Join(r.Errors, "；")
		}
		if len(r.Changes) > 0 {
			return "修改：" + strings.Join(r.Changes, "、")
		}
	}
	return ""
}

// abPreviewContent is the preview of a plan: a summary and a row-by-row table.
func abPreviewContent(plan *abpost.ImportPlan) fyne.CanvasObject {
	summary := fmt.Sprintf("共 %d 行：新增 %d，更新 %d，无变化 %d，不导入 %d。", len(plan.Rows), plan.New, plan.Updated, plan.Unchanged, plan.Rejected)
	if len(plan.NewPersons) > 0 {
		var names []string
		for i, p := range plan.NewPersons {
			if i == 12 { // the table lists every row with （新）; the summary stays one line
				names = append(names, fmt.Sprintf("等共 %d 人", len(plan.NewPersons)))
				break
			}
			names = append(names, p.Dept+" "+p.Name)
		}
		summary += "\n将新建人员（花名册中没有）：" + strings.Join(names, "、")
	}
	if len(plan.NewDepts) > 0 {
		summary += "\n将新建部门：" + strings.Join(plan.NewDepts, "、")
	}
	// Not wrapped: a wrapping label above a table asks for all the height and hides the table.
	top := widget.NewLabel(summary)
	t := widget.NewTableWithHeaders(func() (int, int) { return len(plan.Rows), len(abPreviewHeaders) },
		ui.NewTruncatingCell,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			r := plan.Rows[id.Row]
			l.Importance = widget.MediumImportance
			if r.Action == abpost.ImportRejected && id.Col >= 5 {
				l.Importance = widget.DangerImportance
			}
			l.SetText(abPreviewCell(r, id.Col))
		})
	t.ShowHeaderColumn = false
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle = fyne.TextStyle{Bold: true}
		if id.Col >= 0 {
			l.SetText(abPreviewHeaders[id.Col])
		}
	}
	for i, w := range abPreviewWidths {
		t.SetColumnWidth(i, w)
	}
	// A reason is often longer than its column: the selected row's whole text shows under the table.
	detail := ui.NewWrapLabel("点选一行，在这里查看它的完整说明。")
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(plan.Rows) {
			return
		}
		r := plan.Rows[id.Row]
		text := fmt.Sprintf("第 %d 行 %s“%s”（A岗 %s，B岗 %s）：%s", r.Line, r.Item.Dept, r.Item.Name, abPreviewCell(r, 3), abPreviewCell(r, 4), r.Action)
		if why := abPreviewCell(r, 6); why != "" {
			text += "。" + why
		}
		detail.Importance = widget.MediumImportance
		if r.Action == abpost.ImportRejected {
			detail.Importance = widget.DangerImportance
		}
		detail.SetText(text)
	}
	return container.NewBorder(top, abMessageArea(detail), nil, nil, t)
}

func (a *Screen) showPreview(plan *abpost.ImportPlan) {
	content := abPreviewContent(plan)
	accepted := plan.New + plan.Updated
	if accepted == 0 {
		d := dialog.NewCustom("导入预览 · 没有可导入的行", "关闭", content, a.wb.Window)
		d.Resize(fyne.NewSize(980, 560))
		d.Show()
		return
	}
	confirm := fmt.Sprintf("导入 %d 行", accepted)
	d := dialog.NewCustomConfirm("导入预览", confirm, "取消", content, func(ok bool) {
		if ok {
			a.commitImport(plan)
		}
	}, a.wb.Window)
	d.Resize(fyne.NewSize(980, 560))
	d.Show()
}

func (a *Screen) commitImport(plan *abpost.ImportPlan) {
	ui.RunLongFor(a.wb, "正在导入AB岗目录", "导入失败，数据未作任何改动", func(ctx context.Context, p ui.Progress) (int64, error) {
		p(0, 0, "正在备份数据库并写入……")
		return abpost.CommitImport(ctx, a.wb.Store, plan)
	}, func(batch int64) {
		a.wb.Changed(ui.AB)
		msg := fmt.Sprintf("已导入：新增 %d 项，更新 %d 项，新建人员 %d 人；%d 行未导入。\n如果导错了，可以撤销本次导入。",
			plan.New, plan.Updated, len(plan.NewPersons), plan.Rejected)
		a.wb.Notify("AB岗目录导入完成（第 %d 批）", batch)
		d := dialog.NewConfirm("导入完成", msg, func(undo bool) {
			if undo {
				a.undo(batch)
			}
		}, a.wb.Window)
		d.SetConfirmText("撤销本次导入")
		d.SetDismissText("完成")
		d.Show()
	})
}

func (a *Screen) undo(batch int64) {
	a.wb.UndoBatch(batch, "导入后立即撤销", ui.AB, func(err error) {
		if err == nil {
			a.wb.Notify("已撤销第 %d 批导入", batch)
		}
	})
}

// onImportHolidays reads a two-column holiday sheet; any unreadable row stops the import, since
// one wrong day shifts every time limit.
func (a *Screen) onImportHolidays(after func()) {
	ui.ChooseFile(a.wb, []string{".xlsx"}, func(path string) {
		days, errs, err := sheets.ReadHolidays(path)
		if err != nil {
			a.wb.ShowError("无法导入节假日", err)
			return
		}
		if len(errs) > 0 {
			var lines []string
			for _, e := range errs {
				lines = append(lines, e.Error())
			}
			a.wb.ShowError("节假日表有错误，未导入", fmt.Errorf("请改正以下各行后再导入：\n%s", strings.Join(lines, "\n")))
			return
		}
		off := 0
		for _, d := range days {
			if !d.Working {
				off++
			}
		}
		a.wb.Confirm("导入节假日", fmt.Sprintf("将导入 %d 天：放假 %d 天，调休上班 %d 天。确定吗？", len(days), off, len(days)-off), func() {
			if _, _, err := abpost.ImportCalendar(context.Background(), a.wb.Store, days, path); err != nil {
				a.wb.ShowError("导入失败，数据未作任何改动", err)
				return
			}
			a.wb.Notify("已导入节假日与调休 %d 天", len(days))
			after()
			a.wb.Changed(ui.AB)
		})
	})
}

// abMessageArea reserves room for three lines of text under a table, so that a long reason
// appearing on a click never draws over the table (a dialog does not grow when a label's text
// does).
func abMessageArea(msg fyne.CanvasObject) fyne.CanvasObject {
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(10, 66))
	return container.NewStack(room, container.NewVScroll(msg))
}
