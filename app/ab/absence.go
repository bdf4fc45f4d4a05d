package ab

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/abpost"
)

// abAbsences is 请假登记: absences from two months back on, recorded, ended (销假) or removed,
// with the handover (交接) checkbox and note.
type abAbsences struct {
	wb       *ui.Workbench
	root     fyne.CanvasObject
	table    *ui.KeyTable
	list     []abpost.Absence
	selected int
	edit     *widget.Button
	end      *widget.Button
	remove   *widget.Button
}

var (
	abAbsenceHeaders = []string{"姓名", "部门", "类别", "开始", "结束", "交接", "交接说明"}
	abAbsenceWidths  = []float32{80, 100, 60, 150, 150, 70, 260}
)

func newABAbsences(wb *ui.Workbench) *abAbsences {
	a := &abAbsences{wb: wb, selected: -1}
	a.table = ui.NewKeyTable(
		func() (int, int) { return len(a.list), len(abAbsenceHeaders) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(a.cell(id)) })
	a.table.SetHeaders(abAbsenceHeaders, abAbsenceWidths)
	a.table.OnSelected = func(id widget.TableCellID) { a.selected = id.Row; a.enable() }
	a.table.OnEnter = a.onEdit
	add := &widget.Button{Text: "登记请假/出差", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: a.onNew}
	a.edit = &widget.Button{Text: "修改", Icon: theme.DocumentCreateIcon(), OnTapped: a.onEdit}
	a.end = &widget.Button{Text: "今日销假", Icon: theme.ConfirmIcon(), OnTapped: a.onEnd}
	a.remove = &widget.Button{Text: "删除", Icon: theme.DeleteIcon(), OnTapped: a.onDelete}
	hint := widget.NewLabel("外出前一个工作日向B岗交接；A、B岗不得同时不在岗。")
	top := container.NewBorder(nil, nil, hint, container.NewHBox(add, a.edit, a.end, a.remove))
	a.root = container.NewBorder(top, nil, nil, nil, a.table)
	a.reload()
	return a
}

func (a *abAbsences) cell(id widget.TableCellID) string {
	if id.Row >= len(a.list) {
		return ""
	}
	x := a.list[id.Row]
	switch id.Col {
	case 0:
		return x.Name
	case 1:
		return x.Dept
	case 2:
		return x.Kind
	case 3:
		return abDateText(x.From)
	case 4:
		return abDateText(x.To)
	case 5:
		if x.HandedOver {
			return "已交接"
		}
		return "未交接"
	case 6:
		return x.HandoverNote
	}
	return ""
}

func (a *abAbsences) reload() {
	var err error
	a.list, err = abpost.Absences(context.Background(), a.wb.Store, abpost.AbsenceFilter{From: a.wb.Store.Today().AddDate(0, -2, 0)})
	if err != nil {
		a.wb.ShowError("无法读取请假记录", err)
	}
	a.selected = -1
	a.table.UnselectAll()
	a.table.Refresh()
	a.enable()
}

func (a *abAbsences) enable() {
	_, ok := a.current()
	enableWhen(ok, a.edit, a.end, a.remove)
}

func (a *abAbsences) current() (abpost.Absence, bool) { return pick(a.list, a.selected) }

// onNew opens an empty absence form.
func (a *abAbsences) onNew() { showAbsenceForm(a.wb, abpost.Absence{Kind: abpost.AbsenceKinds[0]}) }

func (a *abAbsences) onEdit() {
	if x, ok := a.current(); ok {
		showAbsenceForm(a.wb, x)
	}
}

func (a *abAbsences) onEnd() {
	x, ok := a.current()
	if !ok {
		return
	}
	today := a.wb.Store.Today()
	a.wb.Confirm("销假", fmt.Sprintf("%s 今天（%s）返岗，%s 记录改为到昨天结束。确定吗？", x.Name, abDateText(today), x.Kind), func() {
		if err := abpost.EndAbsence(context.Background(), a.wb.Store, x.ID, today); err != nil {
			a.wb.ShowError("无法销假", err)
			return
		}
		a.wb.Notify("%s 已销假", x.Name)
		a.wb.Changed(ui.AB)
	})
}

func (a *abAbsences) onDelete() {
	x, ok := a.current()
	if !ok {
		return
	}
	a.wb.Confirm("删除请假记录", fmt.Sprintf("确定删除 %s %s 至 %s 的%s记录吗？只应删除登记错的记录。", x.Name,
		data.DateText(x.From), data.DateText(x.To), x.Kind), func() {
		if err := abpost.DeleteAbsence(context.Background(), a.wb.Store, x.ID); err != nil {
			a.wb.ShowError("删除失败", err)
			return
		}
		a.wb.Changed(ui.AB)
	})
}

// showAbsenceForm records or edits an absence. Overlaps and reversed dates are refused with the
// reason beside the form; an absence that leaves an item with nobody is saved and the warnings
// are shown at once.
func showAbsenceForm(wb *ui.Workbench, x abpost.Absence) {
	persons, err := wb.Store.Persons(context.Background())
	if err != nil {
		wb.ShowError("无法读取人员", err)
		return
	}
	who := newABPersonPicker(wb, persons, x.PersonID, "不在岗人员")
	who.posts = map[int64][]string{}
	if items, err := abpost.Items(context.Background(), wb.Store, abpost.ItemFilter{}, wb.Store.Today()); err == nil {
		for _, it := range items {
			who.posts[it.AID] = append(who.posts[it.AID], "A岗："+it.Name)
			who.posts[it.BID] = append(who.posts[it.BID], "B岗："+it.Name)
		}
	}
	from, to := ui.NewDayEntry(x.From), ui.NewDayEntry(x.To)
	kind := widget.NewSelect(abpost.AbsenceKinds, nil)
	kind.SetSelected(x.Kind)
	handed := widget.NewCheck("已向B岗交接", nil)
	handed.SetChecked(x.HandedOver)
	note := ui.NewEscapeMultiLineEntry()
	note.SetText(x.HandoverNote)
	note.SetPlaceHolder("交接了哪些事项、材料放在哪里、急事怎么联系")
	note.SetMinRowsVisible(3)
	form := widget.NewForm(widget.NewFormItem("人员", who.root), widget.NewFormItem("开始日期", from),
		widget.NewFormItem("结束日期", to), widget.NewFormItem("类别", kind),
		widget.NewFormItem("交接", handed), widget.NewFormItem("交接说明", note))
	title := "登记请假/出差"
	if x.ID != 0 {
		title = "修改不在岗记录"
	}
	var d *ui.StayDialog
	d = ui.FormDialog(wb, title, container.NewVScroll(form), "保存", fyne.NewSize(520, 480), func() error {
		next := x
		next.PersonID, next.Kind, next.HandedOver, next.HandoverNote = who.id, kind.Selected, handed.Checked, note.Text
		var fromErr, toErr error
		next.From, fromErr = ui.DayField("开始日期", from, ui.DayExact)
		next.To, toErr = ui.DayField("结束日期", to, ui.DayExact)
		if err := errors.Join(fromErr, toErr); err != nil {
			return err
		}
		warnings, err := abpost.RecordAbsence(context.Background(), wb.Store, &next)
		if err != nil {
			return err
		}
		wb.Notify("已登记 %s %s", next.Name, next.Kind)
		wb.Changed(ui.AB)
		if len(warnings) > 0 {
			d.AfterClose(func() { showABWarnings(wb, "已登记，但请注意", warnings) })
		}
		return nil
	})
}

// showABWarnings lists warnings, one sentence each.
func showABWarnings(wb *ui.Workbench, title string, ws []abpost.Warning) {
	var lines []string
	for _, w := range ws {
		lines = append(lines, "【"+w.Kind+"】"+w.Message)
	}
	l := ui.NewWrapLabel(strings.Join(lines, "\n\n"))
	showABInfo(wb, title, l)
}
