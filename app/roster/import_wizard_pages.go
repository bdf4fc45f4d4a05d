package roster

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/sheets"
)

// The pages of the import wizard.

// mappingPage shows each sheet read (and each skipped, with why) and a Select per field.
func (w *importWizard) mappingPage() fyne.CanvasObject {
	box := container.NewVBox()
	for _, sh := range w.plan.File.Sheets {
		if sh.Skipped != "" {
			box.Add(widget.NewLabel(fmt.Sprintf("工作表“%s”：%s", sh.Name, sh.Skipped)))
			continue
		}
		head := fmt.Sprintf("工作表“%s”：表头在第 %d 行，识别 %d 行", sh.Name, sh.HeaderRow, sh.Rows)
		if sh.Branch != "" {
			head += "；无“所在党支部”列，按工作表名称计入“" + sh.Branch + "”"
		}
		box.Add(widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		opts := columnOptions(sh)
		form := container.NewGridWithColumns(3)
		for _, f := range sheets.Fields {
			sel := widget.NewSelect(opts, nil)
			sel.SetSelectedIndex(sh.Mapping[f] + 1)
			name, field := sh.Name, f
			sel.OnChanged = func(string) {
				col, rf := sel.SelectedIndex()-1, w.plan.File
				// Redraw the page after: a field that gave up its column to this one shows
				// （不导入）, and the （已改） marks follow.
				w.replan(func() { rf.Remap(name, field, col) }, func() { w.go2(pageMapping) })
			}
			w.selects = append(w.selects, sel)
			label := f.Label()
			if f.Required() {
				label = "*" + label
			}
			if sh.Mapping[f] != sh.Guessed[f] {
				label += "（已改）"
			}
			form.Add(container.NewBorder(nil, nil, widget.NewLabel(label), nil, sel))
		}
		box.Add(form)
	}
	return container.NewVScroll(box)
}

// branchesPage lets the user map each unknown branch to an existing one or create it.
func (w *importWizard) branchesPage() fyne.CanvasObject {
	var parents, branches []data.Org
	for _, o := range w.orgs {
		if !o.Live() {
			continue
		}
		if ui.StandingBranch(o) { // a temporary branch is nobody's home branch
			branches = append(branches, o)
		} else if !o.IsBranch() {
			parents = append(parents, o)
		}
	}
	const skip = "不导入这些行"
	opts := []string{skip}
	choice := map[string]sheets.BranchChoice{}
	for _, o := range parents {
		k := "新建，隶属“" + o.Name + "”"
		opts = append(opts, k)
		choice[k] = sheets.BranchChoice{CreateUnder: o.ID}
	}
	for _, o := range branches {
		k := "并入已有的“" + o.Name + "”"
		opts = append(opts, k)
		choice[k] = sheets.BranchChoice{MapTo: o.ID}
	}
	box := container.NewVBox(widget.NewLabel("文件中的以下党支部在系统中还没有。请为每个支部选择：新建（选上级组织），或并入已有支部。"))
	form := widget.NewForm()
	showCounts := func() { w.next.SetText(w.importText()) }
	defaulted := false
	for _, u := range w.plan.Unknown {
		name := u.Name
		if _, ok := w.choices[name]; !ok && len(parents) > 0 {
			// Creating under the first committee is what most offices want.
			w.choices[name] = choice[opts[1]]
			defaulted = true
		}
		cur := skip
		if c, ok := w.choices[name]; ok {
			for k, v := range choice {
				if v == c {
					cur = k
				}
			}
		}
		sel := widget.NewSelect(opts, nil)
		sel.Selected = cur // set before OnChanged: showing the page is no change of mind
		sel.OnChanged = func(s string) {
			if s == skip {
				delete(w.choices, name)
			} else {
				w.choices[name] = choice[s]
			}
			w.replan(nil, showCounts)
		}
		w.selects = append(w.selects, sel)
		field := fyne.CanvasObject(sel)
		if o, ok := data.ClosestBranch(name, w.orgs); ok {
			why := ui.Colored("建议并入“"+o.Name+"”：两个名称只差“党”“支部”、空格或全角字符。确需另建一个支部时，请选“新建”。", widget.LowImportance)
			field = container.NewVBox(sel, why)
		}
		form.Append(fmt.Sprintf("%s（%d 人）", u.Name, u.Rows), field)
	}
	box.Add(form)
	if defaulted {
		w.replan(nil, showCounts)
	}
	return container.NewVScroll(box)
}

// donePage sums up and offers undo and the rejected rows.
func (w *importWizard) donePage() fyne.CanvasObject {
	p := w.plan
	msg := ui.NewWrapLabel(fmt.Sprintf("已导入：新增 %d 人，更新 %d 人；无变化 %d 人；%d 行未导入。导入前已自动备份数据库。", p.New, p.Updated, p.Unchanged, p.Rejected))
	var undo *widget.Button
	undo = &widget.Button{Text: "撤销本次导入", Icon: theme.ContentUndoIcon(), OnTapped: func() {
		w.wb.Confirm("撤销本次导入", fmt.Sprintf("将删除本次新增的 %d 人、还原被更新的 %d 人。确定撤销吗？", p.New, p.Updated), func() {
			undo.Disable() // one undo at a time; enabled again if the store refuses
			w.wb.UndoBatch(w.batchID, "在导入向导中撤销", ui.Members|ui.Orgs, func(err error) {
				if err != nil {
					undo.Enable()
					return
				}
				w.title.SetText("已撤销本次导入")
				msg.SetText("本次导入已撤销，花名册已恢复到导入前。")
				w.wb.Notify("已撤销花名册导入：删除新增的 %d 人，还原更新的 %d 人", p.New, p.Updated)
			})
		})
	}}
	rejects := &widget.Button{Text: "导出错误行", Icon: theme.DocumentSaveIcon(), OnTapped: w.saveRejects}
	if p.Rejected == 0 {
		rejects.Disable()
	}
	return container.NewVBox(msg, container.NewHBox(undo, rejects))
}

func (w *importWizard) saveRejects() {
	ui.SaveFile(w.wb, "花名册错误行.xlsx", ".xlsx", func(path string) {
		_, err := sheets.SaveRejects(w.wb.Store, path, w.plan)
		w.wb.Changed(ui.Audit)
		if err != nil {
			w.wb.ShowError("无法保存错误行", err)
			return
		}
		w.wb.Notify("已把 %d 行错误行及原因保存到 %s，改正后可再次导入", w.plan.Rejected, path)
	})
}

// wizardReason is a rejection as the window says it: the store's sentence, except where that
// speaks to the command line (an unknown branch: "-create-branches") — here the choice is made
// on the wizard's 第 3 步.
func wizardReason(e sheets.RowError, branch string) string {
	if e.Code == sheets.CodeBranchUnknown {
		return "党支部“" + branch + "”在系统中不存在，这些行选了不导入；如要导入，请在第 3 步为它选择新建或并入已有支部"
	}
	return e.Message
}
