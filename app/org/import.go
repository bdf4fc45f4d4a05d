package org

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data/sheets"
)

// 组织机构 → 导入 / 导出: the organisation tree from the office's own sheet
// (基层党组织基本情况一览表) and back. Reading, planning, writing and the rejected rows are
// data/sheets' work; the dialog shows the preview, imports with progress, and offers
// 导出错误行 and 撤销本次导入 as the roster import does.

// orgImport holds one import from preview to done.
type orgImport struct {
	o       *Screen
	plan    *sheets.OrgImport // the preview, then what the import did
	done    bool
	title   *widget.Label
	body    *fyne.Container
	buttons *fyne.Container
	dlg     dialog.Dialog
}

// importOrgs asks for the sheet (when path is "") and opens the preview on it.
func (o *Screen) importOrgs(path string) {
	if path == "" {
		ui.ChooseFile(o.wb, []string{".xlsx"}, o.importOrgs)
		return
	}
	ui.RunLongFor(o.wb, "正在读取组织机构表", "无法导入“"+filepath.Base(path)+"”", func(ctx context.Context, p ui.Progress) (*sheets.OrgImport, error) {
		of, err := sheets.ReadOrgs(ctx, path)
		if err != nil {
			return nil, err
		}
		p(0, 0, "正在与库中的党组织比对……")
		return sheets.PlanOrgImport(ctx, o.wb.Store, of)
	}, func(plan *sheets.OrgImport) { o.showOrgImport(plan) })
}

func (o *Screen) showOrgImport(plan *sheets.OrgImport) *orgImport {
	im := &orgImport{o: o, plan: plan}
	im.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	im.body = container.NewStack()
	im.buttons = container.NewHBox()
	im.dlg = dialog.NewCustomWithoutButtons("导入组织机构 · "+filepath.Base(plan.File.Path),
		container.NewBorder(im.title, im.buttons, nil, nil, im.body), o.wb.Window)
	im.preview()
	im.dlg.Resize(fyne.NewSize(860, 580))
	im.dlg.Show()
	return im
}

// preview shows the counts and each row that is new, changed or refused, with why.
func (im *orgImport) preview() {
	p := im.plan
	im.title.SetText("预览：核对后点“导入”")
	counts := widget.NewLabelWithStyle(fmt.Sprintf("共 %d 行：新增 %d　更新 %d　无变化 %d　不导入 %d", p.Rows(), p.New, p.Updated, p.Unchanged, p.Rejected),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// Refused rows first: what the office has to correct is what it must not miss.
	var refused, lines []ui.PreviewLine
	for _, it := range p.Items {
		where := fmt.Sprintf("第 %d 行 %s", it.Row.Line, it.Row.Name)
		switch it.Action {
		case sheets.ActionRejected:
			var msgs []string
			for _, e := range it.Errors {
				if e.Column != "" {
					msgs = append(msgs, "“"+e.Column+"”："+e.Message)
				} else {
					msgs = append(msgs, e.Message)
				}
			}
			refused = append(refused, ui.PreviewLine{Text: "✗ " + where + " — " + strings.Join(msgs, "；"), Refused: true})
		case sheets.ActionNew:
			lines = append(lines, ui.PreviewLine{Text: "＋ " + where + " — 新增" + parentText(it.Row.Parent)})
		case sheets.ActionUpdate:
			lines = append(lines, ui.PreviewLine{Text: "↻ " + where + " — 更新：" + strings.Join(it.Changes, "、")})
		}
	}
	lines = append(refused, lines...)
	hint := ui.NewWrapLabel("下面先列出不导入的行（✗，附原因），再列出将新增（＋）和将更新（↻）的行；无变化的行不列出。")
	if len(lines) == 0 {
		hint.SetText("文件中的党组织都已在库中且无变化。")
	}
	list := container.NewVBox()
	ui.AddPreviewLines(list, lines)
	im.body.Objects = []fyne.CanvasObject{container.NewBorder(container.NewVBox(counts, hint), nil, nil, nil, container.NewVScroll(list))}
	im.body.Refresh()

	commit := &widget.Button{Text: fmt.Sprintf("导入（新增 %d，更新 %d）", p.New, p.Updated), Icon: theme.UploadIcon(), Importance: widget.HighImportance, OnTapped: im.commit}
	if p.New+p.Updated == 0 {
		commit.Disable()
	}
	im.setButtons(im.rejectsButton(), commit)
}

// parentText names where a new organisation goes: its parent, or the 党委 when the cell is blank.
func parentText(parent string) string {
	if parent == "" {
		return "，隶属党委"
	}
	return "，隶属“" + parent + "”"
}

// setButtons lays out 取消/关闭 on the left and the page's actions on the right.
func (im *orgImport) setButtons(actions ...fyne.CanvasObject) {
	closeText := "取消"
	if im.done {
		closeText = "关闭"
	}
	objs := []fyne.CanvasObject{widget.NewButton(closeText, im.dlg.Hide), layout.NewSpacer()}
	im.buttons.Objects = append(objs, actions...)
	im.buttons.Refresh()
}

func (im *orgImport) rejectsButton() *widget.Button {
	b := &widget.Button{Text: "导出错误行…", Icon: theme.DocumentSaveIcon(), OnTapped: im.saveRejects}
	if im.plan.Rejected == 0 {
		b.Disable()
	}
	return b
}

// commit imports with a backup first; the file is read again by nothing — the preview's rows
// are what is written.
func (im *orgImport) commit() {
	of := im.plan.File
	wb := im.o.wb
	ui.RunLongFor(wb, "正在导入组织机构", "导入未完成，数据库保持原样", func(ctx context.Context, p ui.Progress) (*sheets.OrgImport, error) {
		p(0, 0, "正在备份数据库并写入党组织……")
		return sheets.ImportOrgs(ctx, wb.Store, of)
	}, func(res *sheets.OrgImport) {
		im.plan, im.done = res, true
		wb.Changed(ui.Orgs)
		wb.Notify("组织机构导入完成：新增 %d 个，更新 %d 个，%d 行未导入", res.New, res.Updated, res.Rejected)
		im.donePage()
	})
}

// donePage sums up and offers undo and the rejected rows.
func (im *orgImport) donePage() {
	p, wb := im.plan, im.o.wb
	im.title.SetText("导入完成")
	msg := ui.NewWrapLabel(fmt.Sprintf("已导入：新增 %d 个党组织，更新 %d 个；无变化 %d 个；%d 行未导入。导入前已自动备份数据库。", p.New, p.Updated, p.Unchanged, p.Rejected))
	var undo *widget.Button
	undo = &widget.Button{Text: "撤销本次导入", Icon: theme.ContentUndoIcon(), OnTapped: func() {
		wb.Confirm("撤销本次导入", fmt.Sprintf("将删除本次新增的 %d 个党组织、还原被更新的 %d 个。确定撤销吗？", p.New, p.Updated), func() {
			undo.Disable() // one undo at a time; enabled again if the store refuses
			wb.UndoBatch(p.Batch, "在组织机构导入中撤销", ui.Orgs, func(err error) {
				if err != nil {
					undo.Enable()
					return
				}
				im.title.SetText("已撤销本次导入")
				msg.SetText("本次导入已撤销，组织机构已恢复到导入前。")
				wb.Notify("已撤销组织机构导入：删除新增的 %d 个，还原更新的 %d 个", p.New, p.Updated)
			})
		})
	}}
	if p.Batch == 0 {
		undo.Disable()
	}
	// As the roster wizard's last page: what was done, then what can be done about it.
	im.body.Objects = []fyne.CanvasObject{container.NewVBox(msg, container.NewHBox(undo, im.rejectsButton()))}
	im.body.Refresh()
	im.setButtons()
}

func (im *orgImport) saveRejects() {
	wb := im.o.wb
	ui.SaveFile(wb, "组织机构错误行.xlsx", ".xlsx", func(path string) {
		if _, err := sheets.WriteOrgRejects(path, im.plan); err != nil {
			wb.ShowError("无法保存错误行", err)
			return
		}
		wb.Notify("已把 %d 行错误行及原因保存到 %s，改正后可再次导入", im.plan.Rejected, path)
	})
}

// exportOrgs asks where to write the tree in the columns the import reads.
func (o *Screen) exportOrgs() { ui.SaveFile(o.wb, "组织机构.xlsx", ".xlsx", o.exportOrgsTo) }

// exportOrgsTo writes the tree to path and offers to open it.
func (o *Screen) exportOrgsTo(path string) {
	ui.RunLongFor(o.wb, "正在导出组织机构", "导出未完成", func(ctx context.Context, _ ui.Progress) (int, error) {
		return sheets.ExportOrgs(ctx, o.wb.Store, path)
	}, func(n int) {
		o.wb.Notify("已导出 %d 个党组织到 %s", n, path)
		o.wb.OfferOpen("导出完成", fmt.Sprintf("%d 个党组织已导出到\n%s", n, path), path)
	})
}
