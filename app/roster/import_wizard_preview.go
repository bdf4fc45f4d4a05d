package roster

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/sheets"
)

// The wizard's preview: the counts, then two views of the plan — what is said about the rows,
// grouped by kind (拒收, 警告, 提示, 更新; the kinds are the plan's, sheets.Plan.NoteGroups),
// and the rows as they will be stored, in a table. 只看错误 keeps the rejections and warnings
// in both.

// previewPage shows the counts, the 需确认 rows, the remarks by kind and the rows as stored.
func (w *importWizard) previewPage() fyne.CanvasObject {
	p := w.plan
	counts := widget.NewLabelWithStyle(fmt.Sprintf("共 %d 行：新增 %d　更新 %d　无变化 %d　不导入 %d", p.Rows(), p.New, p.Updated, p.Unchanged, p.Rejected),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(w.previewHint())
	intro.Wrapping = fyne.TextWrapBreak
	only := widget.NewCheck("只看错误（不导入的行和需核对的行）", nil)
	only.Checked = w.onlyErrors
	only.OnChanged = func(on bool) {
		w.onlyErrors = on
		w.go2(pagePreview)
	}
	tools := container.NewHBox(only)
	if p.Rejected > 0 {
		tools.Objects = append([]fyne.CanvasObject{&widget.Button{Text: "导出错误行…", Icon: theme.DocumentSaveIcon(), OnTapped: w.saveRejects}}, tools.Objects...)
	}
	top := container.NewVBox(counts, intro, tools)

	notes := container.NewVBox()
	w.addDecisions(notes)
	notes.Add(ui.NewPreviewSections(w.noteSections()))
	table := w.storedTable()
	w.tabs = container.NewAppTabs(
		container.NewTabItem("问题与提示", container.NewVScroll(notes)),
		container.NewTabItem(table.title, table.view))
	w.tabs.SelectIndex(w.previewTab)
	w.tabs.OnSelected = func(*container.TabItem) { w.previewTab = w.tabs.SelectedIndex() }
	return container.NewBorder(top, nil, nil, nil, w.tabs)
}

// previewHint says what the preview lists and how the unknown branches are taken for now.
func (w *importWizard) previewHint() string {
	p := w.plan
	hint := "问题按种类列出，点种类的标题可展开或收起其中各行；“入库预览”是各行导入后的样子。"
	if p.Rejected == 0 && len(p.NoteGroups()) == 0 {
		hint = "所有行都没有问题。"
	}
	if len(p.Unknown) == 0 {
		return hint
	}
	similar := 0
	for _, u := range p.Unknown {
		if _, ok := data.ClosestBranch(u.Name, w.orgs); ok {
			similar++
		}
	}
	switch {
	case similar == len(p.Unknown):
		return hint + fmt.Sprintf("文件中有 %d 个党支部的写法与系统中的支部略有不同，已建议并入对应的支部，可在下一步改选。", similar)
	case similar > 0:
		return hint + fmt.Sprintf("文件中有 %d 个系统中没有的党支部：%d 个写法与已有支部略有不同，已建议并入；其余暂按新建计算。可在下一步改选。", len(p.Unknown), similar)
	}
	return hint + fmt.Sprintf("文件中有 %d 个系统中没有的党支部，暂按新建计算，可在下一步改为并入已有支部或不导入。", len(p.Unknown))
}

// levelLooks are how each level of remark is headed and marked in the preview.
var levelLooks = map[sheets.NoteLevel]struct {
	head string // after "拒收 3 行："
	mark string
	imp  widget.Importance
	open bool   // its groups start opened: the real problems are read without a click
	rest string // where the rows a group does not list are read
}{
	sheets.LevelRejected: {"这些行不导入，改正后可再次导入", "✗", widget.DangerImportance, true, restRejected},
	sheets.LevelWarning:  {"会导入，但有值需要核对", "！", widget.WarningImportance, true, restTable},
	sheets.LevelHint:     {"值已按下面的方式读入，一般无须处理", "ⓘ", widget.MediumImportance, false, restTable},
	sheets.LevelUpdate:   {"库中已有这些人，将按文件更新", "↻", widget.MediumImportance, false, restTable},
}

const (
	restRejected = "……另有 %d 行未列出，请用“导出错误行”查看全部原因，或在“入库预览”中逐行查看。"
	restTable    = "……另有 %d 行未列出，可在“入库预览”中逐行查看。"
)

// noteSections turns the plan's groups (sorted by level) into the preview's sections, one a
// level; with 只看错误 only the rejections and warnings.
func (w *importWizard) noteSections() []ui.PreviewSection {
	var out []ui.PreviewSection
	groups := w.plan.NoteGroups()
	for i, j := 0, 0; i < len(groups); i = j {
		level := groups[i].Level
		for j = i; j < len(groups) && groups[j].Level == level; j++ {
		}
		if w.onlyErrors && level != sheets.LevelRejected && level != sheets.LevelWarning {
			continue
		}
		look := levelLooks[level]
		s := ui.PreviewSection{Importance: look.imp}
		rows := map[int]bool{} // a row may be in several groups of a level: count it once
		for _, g := range groups[i:j] {
			group := ui.PreviewGroup{Title: fmt.Sprintf("%s：%d 行", g.Kind, len(g.Rows)), Open: look.open, Rest: look.rest}
			asked := true // every row is one of the 需确认 above, with its choice: fold the repeat
			for _, r := range g.Rows {
				rows[r.Item] = true
				group.Lines = append(group.Lines, w.noteLine(look.mark, level, r))
				asked = asked && w.plan.Items[r.Item].Decide != ""
			}
			group.Open = group.Open && !asked
			s.Groups = append(s.Groups, group)
		}
		unit := "行"
		if level == sheets.LevelUpdate {
			unit = "人"
		}
		s.Title = fmt.Sprintf("%s %d %s：%s", level, len(rows), unit, look.head)
		out = append(out, s)
	}
	if len(out) == 0 && w.onlyErrors {
		out = append(out, ui.PreviewSection{Title: "没有不导入或需核对的行。", Importance: widget.SuccessImportance})
	}
	return out
}

// noteLine is one row of a group: where it is, who, and what the group's kind says of it.
func (w *importWizard) noteLine(mark string, level sheets.NoteLevel, r sheets.NoteRow) ui.PreviewLine {
	it := w.plan.Items[r.Item]
	text := r.Text
	if level == sheets.LevelRejected {
		var msgs []string
		for _, e := range r.Errs {
			msgs = append(msgs, "“"+e.Column+"”："+wizardReason(e, it.Row.Member.BranchName))
		}
		text = strings.Join(msgs, "；")
	}
	return ui.PreviewLine{
		Text:     fmt.Sprintf("%s %s第 %d 行 %s — %s", mark, w.sheetOf(it.Row), it.Row.Line, it.Row.Member.Name, text),
		Refused:  level == sheets.LevelRejected,
		Doubtful: level == sheets.LevelWarning,
	}
}

// sheetOf names a row's sheet before its line number ("支部甲 "), when the file has more than
// one sheet read: in a one-sheet file "Sheet1" on every line says nothing.
func (w *importWizard) sheetOf(r *sheets.Row) string {
	read := 0
	for _, sh := range w.plan.File.Sheets {
		if sh.Skipped == "" {
			read++
		}
	}
	if read > 1 {
		return r.Sheet.Name + " "
	}
	return ""
}
