package roster

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
)

// The 需确认 rows of the import preview: a member whose file gives neither a category nor a
// 转正日期 although the 预备期 is over. The plan takes them as 预备党员; the preview marks each
// 需确认 and lets the office choose 正式党员 or 预备党员 before the import (Plan.Decide stores
// the answer). Answers are kept by where the row is, so a re-plan does not lose them.

// rowPlace is where a row is in the file.
type rowPlace struct {
	sheet string
	line  int
}

// decisionsShown bounds the choices drawn; the rest follow 全部设为….
const decisionsShown = 200

// addDecisions puts the 需确认 rows with their choice at the head of the preview box.
func (w *importWizard) addDecisions(box *fyne.Container) {
	var flagged []int
	for i, it := range w.plan.Items {
		if it.Decide != "" && it.Member != nil {
			flagged = append(flagged, i)
		}
	}
	if len(flagged) == 0 {
		return
	}
	if w.decided == nil {
		w.decided = map[rowPlace]string{}
	}
	head := ui.NewWrapLabel(fmt.Sprintf("需确认：%d 人没有人员类别和转正日期，但入党已满一年。请为每人选择正式党员或预备党员（预备期延长），未选的按预备党员导入。", len(flagged)))
	head.TextStyle = fyne.TextStyle{Bold: true}
	box.Add(head)
	setAll := func(category string) {
		for _, i := range flagged {
			r := w.plan.Items[i].Row
			w.decided[rowPlace{r.Sheet.Name, r.Line}] = category
		}
		w.go2(pagePreview)
	}
	box.Add(container.NewHBox(
		widget.NewButton("全部设为"+data.CategoryFull, func() { setAll(data.CategoryFull) }),
		widget.NewButton("全部设为"+data.CategoryProbation, func() { setAll(data.CategoryProbation) })))
	for n, i := range flagged {
		if n == decisionsShown {
			box.Add(ui.Colored(fmt.Sprintf("……另有 %d 人未列出，可用上面的“全部设为…”一次选定。", len(flagged)-n), widget.LowImportance))
			break
		}
		it := w.plan.Items[i]
		at := rowPlace{it.Row.Sheet.Name, it.Row.Line}
		choice := widget.NewRadioGroup([]string{data.CategoryFull, data.CategoryProbation}, nil)
		choice.Horizontal = true
		choice.Required = true
		choice.Selected = data.CategoryProbation
		if c, ok := w.decided[at]; ok {
			choice.Selected = c
		}
		choice.OnChanged = func(c string) { w.decided[at] = c }
		joined := ui.DayText(it.Member.Joined)
		if joined == "" {
			joined = "未填"
		}
		label := ui.Colored(fmt.Sprintf("需确认 %s 第 %d 行 %s（入党 %s，无转正日期）", at.sheet, at.line, it.Member.Name, joined), widget.WarningImportance)
		box.Add(container.NewBorder(nil, nil, nil, choice, label))
	}
	box.Add(widget.NewSeparator())
}

// applyDecisions lays the office's answers over the plan before it is written.
func (w *importWizard) applyDecisions() error {
	for i, it := range w.plan.Items {
		if it.Decide == "" || it.Member == nil {
			continue
		}
		if c, ok := w.decided[rowPlace{it.Row.Sheet.Name, it.Row.Line}]; ok {
			if err := w.plan.Decide(i, c); err != nil {
				return err
			}
		}
	}
	return nil
}
