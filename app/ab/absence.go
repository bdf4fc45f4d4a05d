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
	wb    *ui.Workbench
	root  fyne.CanvasObject
	table *rowTable[abpost.Absence]
}

var abAbsenceColumns = []column[abpost.Absence]{
	{"姓名", 80, func(x abpost.Absence) string { return x.Name }},
	{"部门", 100, func(x abpost.Absence) string { return x.Dept }},
	{"类别", 60, func(x abpost.Absence) string { return x.Kind }},
	{"开始", 150, func(x abpost.Absence) string { return abDateText(x.From) }},
	{"结束", 150, func(x abpost.Absence) string { return abDateText(x.To) }},
	{"交接", 70, func(x abpost.Absence) string {
		if x.HandedOver {
			return "已交接"
		}
		return "未交接"
	}},
	{"交接说明", 260, func(x abpost.Absence) string { return x.HandoverNote }},
}

func newABAbsences(wb *ui.Workbench) *abAbsences {
	a := &abAbsences{wb: wb, table: newRowTable(abAbsenceColumns)}
	a.table.OnEnter = a.onEdit
	add := &widget.Button{Text: "登记请假/出差", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: a.onNew}
	edit := &widget.Button{Text: "修改", Icon: theme.DocumentCreateIcon(), OnTapped: a.onEdit}
	end := &widget.Button{Text: "今日销假", Icon: theme.ConfirmIcon(), OnTapped: a.onEnd}
	remove := &widget.Button{Text: "删除", Icon: theme.DeleteIcon(), OnTapped: a.onDelete}
	a.table.actOn(edit, end, remove)
	hint := widget.NewLabel("外出前一个工作日向B岗交接；A、B岗不得同时不在岗。")
	top := container.NewBorder(nil, nil, hint, container.NewHBox(add, edit, end, remove))
	a.root = container.NewBorder(top, nil, nil, nil, a.table)
	a.reload()
	return a
}

func (a *abAbsences) reload() {
	list, err := abpost.Absences(context.Background(), a.wb.Store, abpost.AbsenceFilter{From: a.wb.Store.Today().AddDate(0, -2, 0)})
	if err != nil {
		a.wb.ShowError("无法读取请假记录", err)
	}
	a.table.show(list)
}

// onNew opens an empty absence form.
func (a *abAbsences) onNew() { showAbsenceForm(a.wb, abpost.Absence{Kind: abpost.AbsenceKinds[0]}) }

func (a *abAbsences) onEdit() {
	if x, ok := a.table.current(); ok {
		showAbsenceForm(a.wb, x)
	}
}

func (a *abAbsences) onEnd() {
	x, ok := a.table.current()
	if !ok {
		return
	}
	today := a.wb.Store.Today()
	confirmChange(a.wb, "销假", fmt.Sprintf("%s 今天（%s）返岗，%s 记录改为到昨天结束。确定吗？", x.Name, abDateText(today), x.Kind),
		"无法销假", func(ctx context.Context) error { return abpost.EndAbsence(ctx, a.wb.Store, x.ID, today) },
		func() { a.wb.Notify("%s 已销假", x.Name) })
}

func (a *abAbsences) onDelete() {
	x, ok := a.table.current()
	if !ok {
		return
	}
	confirmChange(a.wb, "删除请假记录", fmt.Sprintf("确定删除 %s %s 至 %s 的%s记录吗？只应删除登记错的记录。", x.Name,
		data.DateText(x.From), data.DateText(x.To), x.Kind),
		"删除失败", func(ctx context.Context) error { return abpost.DeleteAbsence(ctx, a.wb.Store, x.ID) }, nil)
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
