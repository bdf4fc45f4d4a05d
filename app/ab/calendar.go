package ab

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/abpost"
)

// showABCalendar is the editable list of 法定节假日与调休: the exceptions to the Monday–Friday
// week that decide which days are service days. Days are added one by one here or imported from
// a two-column sheet.
func (a *Screen) showABCalendar() {
	var days []abpost.CalendarDay
	selected := -1
	list := widget.NewList(func() int { return len(days) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			d := days[i]
			kind := "放假"
			if d.Working {
				kind = "调休上班"
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s　%s　%s", abDateText(d.Day), kind, d.Name))
		})
	reload := func() {
		var err error
		if days, err = abpost.CalendarDays(context.Background(), a.wb.Store); err != nil {
			a.wb.ShowError("无法读取节假日", err)
		}
		selected = -1
		list.UnselectAll()
		list.Refresh()
	}
	list.OnSelected = func(i widget.ListItemID) { selected = i }
	date, name := ui.NewDayEntry(time.Time{}), ui.NewEscapeEntry()
	name.SetPlaceHolder("名称，如 国庆节")
	kind := widget.NewRadioGroup([]string{"放假", "调休上班"}, nil)
	kind.Horizontal = true
	kind.SetSelected("放假")
	add := &widget.Button{Text: "添加", Icon: theme.ContentAddIcon(), OnTapped: func() {
		d, err := ui.DayField("日期", date, ui.DayExact)
		if err != nil {
			a.wb.ShowError("无法添加", err)
			return
		}
		err = abpost.SaveCalendarDay(context.Background(), a.wb.Store, abpost.CalendarDay{Day: d, Working: kind.Selected == "调休上班", Name: name.Text})
		if err != nil {
			a.wb.ShowError("无法添加", err)
			return
		}
		date.SetText("")
		name.SetText("")
		reload()
		a.wb.Changed(ui.AB)
	}}
	remove := &widget.Button{Text: "删除所选", Icon: theme.DeleteIcon(), OnTapped: func() {
		d, ok := pick(days, selected)
		if !ok {
			return
		}
		confirmChange(a.wb, "删除", fmt.Sprintf("删除 %s 后，该日按普通周一至周五计算。确定吗？", data.DateText(d.Day)),
			"删除失败", func(ctx context.Context) error { return abpost.DeleteCalendarDay(ctx, a.wb.Store, d.Day) }, reload)
	}}
	imp := &widget.Button{Text: "从表格导入…", Icon: theme.UploadIcon(), OnTapped: func() { a.onImportHolidays(reload) }}
	entry := container.NewBorder(nil, nil, nil, add, container.NewGridWithColumns(3, date, kind, name))
	reload()
	d := dialog.NewCustom("节假日与调休", "关闭", container.NewBorder(entry, container.NewHBox(remove, ui.LayoutSpacer(), imp), nil, nil, list), a.wb.Window)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
}
