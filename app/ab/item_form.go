package ab

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/abpost"
)

// showABItemForm edits a service item (ID 0: a new one) with its A and B posts. A change of post
// is dated: it takes effect on 生效日期 and is filed with the 报备说明.
func showABItemForm(wb *ui.Workbench, it abpost.Item, depts []data.Unit) {
	persons, err := wb.Store.Persons(context.Background())
	if err != nil {
		wb.ShowError("无法读取人员", err)
		return
	}
	var deptNames []string
	for _, d := range depts {
		deptNames = append(deptNames, d.Name)
	}
	dept := widget.NewSelectEntry(deptNames)
	dept.SetText(it.Dept)
	dept.SetPlaceHolder("选择或输入部门")
	code, name, door := ui.NewEscapeEntry(), ui.NewEscapeEntry(), ui.NewEscapeEntry()
	code.SetText(it.Code)
	name.SetText(it.Name)
	door.SetText(it.Door)
	door.SetPlaceHolder("例如：综合服务大厅1号窗口")
	limit, visits, phone := ui.NewEscapeEntry(), ui.NewEscapeEntry(), ui.NewEscapeEntry()
	limit.SetText(strconv.Itoa(it.TimeLimit))
	if it.ID == 0 {
		it.Visits = 1
	}
	visits.SetText(strconv.Itoa(it.Visits))
	phone.SetText(it.Phone)
	materials, basis := ui.NewEscapeMultiLineEntry(), ui.NewEscapeEntry()
	materials.SetText(it.Materials)
	materials.SetMinRowsVisible(2)
	materials.Wrapping = fyne.TextWrapWord
	basis.SetText(it.Basis)
	a := newABPersonPicker(wb, persons, it.AID, "A岗（主办）")
	b := newABPersonPicker(wb, persons, it.BID, "B岗（协办）")
	from := ui.NewDayEntry(wb.Store.Today())
	note := ui.NewEscapeEntry()
	note.SetPlaceHolder("例如：经处务会研究，报党委办公室备案")
	beside := func(main fyne.CanvasObject, label string, extra fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWithColumns(2, main, container.NewBorder(nil, nil, widget.NewLabel(label), nil, extra))
	}
	form := widget.NewForm(
		widget.NewFormItem("部门", beside(dept, "事项编码", code)), widget.NewFormItem("服务事项", name),
		widget.NewFormItem("办理窗口", door), widget.NewFormItem("办理时限（工作日）", beside(limit, "跑动次数", visits)),
		widget.NewFormItem("所需材料", materials), widget.NewFormItem("办理依据", basis),
		widget.NewFormItem("联系电话", phone),
		widget.NewFormItem("A岗", a.root), widget.NewFormItem("B岗", b.root),
		widget.NewFormItem("生效日期", from), widget.NewFormItem("报备说明", note),
	)
	title := "新增服务事项"
	if it.ID != 0 {
		title = "编辑服务事项 · " + it.Name
	}
	ui.FormDialog(wb, title, container.NewVScroll(form), "保存", fyne.NewSize(660, 700), func() error {
		next := it
		next.Dept, next.DeptID = data.FoldName(dept.Text), 0
		for _, u := range depts {
			if u.Name == next.Dept {
				next.DeptID = u.ID
			}
		}
		next.Code, next.Name, next.Door = strings.TrimSpace(code.Text), strings.TrimSpace(name.Text), strings.TrimSpace(door.Text)
		next.Materials, next.Basis, next.Phone = strings.TrimSpace(materials.Text), strings.TrimSpace(basis.Text), strings.TrimSpace(phone.Text)
		next.AID, next.BID = a.id, b.id
		var limitErr, visitsErr error
		next.TimeLimit, limitErr = abpost.ParseTimeLimit(limit.Text)
		if next.Visits, visitsErr = strconv.Atoi(strings.TrimSpace(visits.Text)); visitsErr != nil {
			visitsErr = errors.New("跑动次数请填数字，例如 1")
		}
		day, dayErr := ui.DayField("生效日期", from, ui.DayExact)
		if err := errors.Join(limitErr, visitsErr, dayErr); err != nil {
			return err
		}
		if err := abpost.SaveItem(context.Background(), wb.Store, &next, day, strings.TrimSpace(note.Text)); err != nil {
			return err
		}
		wb.Notify("已保存服务事项“%s”", next.Name)
		wb.Changed(ui.AB)
		return nil
	})
}

// abPersonPicker is a form field that picks a person by searching names and departments.
type abPersonPicker struct {
	root    fyne.CanvasObject
	id      int64
	button  *widget.Button
	persons []data.Person
	search  *ui.PersonPicker // the open dialog's picker (tests type into its search)
	// posts, when set, are the A/B posts each person holds: the picker lists holders first
	// and says which posts they hold (an absence matters only for them).
	posts map[int64][]string
}

func newABPersonPicker(wb *ui.Workbench, persons []data.Person, id int64, what string) *abPersonPicker {
	p := &abPersonPicker{id: id, persons: persons}
	p.button = &widget.Button{Icon: theme.AccountIcon(), Alignment: widget.ButtonAlignLeading}
	p.button.OnTapped = func() { p.open(wb, what) }
	clear := &widget.Button{Icon: theme.ContentClearIcon(), OnTapped: func() { p.set(0) }}
	p.root = container.NewBorder(nil, nil, nil, clear, p.button)
	p.set(id)
	return p
}

func (p *abPersonPicker) set(id int64) {
	p.id = id
	p.button.SetText("点击选择人员…")
	for _, x := range p.persons {
		if x.ID == id {
			p.button.SetText(abPersonLabel(x))
		}
	}
}

func abPersonLabel(x data.Person) string {
	if x.UnitName == "" {
		return x.Name
	}
	return x.Name + "（" + x.UnitName + "）"
}

// open shows the search dialog (ui.PersonPicker): type part of a name or a department, tap a
// person, or press Enter when only one person matches.
func (p *abPersonPicker) open(wb *ui.Workbench, what string) dialog.Dialog {
	label := abPersonLabel
	if p.posts != nil {
		label = func(x data.Person) string {
			if held := p.posts[x.ID]; len(held) > 0 {
				return abPersonLabel(x) + " · " + strings.Join(held, "、")
			}
			return abPersonLabel(x)
		}
	}
	pick := ui.NewPersonPicker(p.persons, label)
	if p.posts != nil {
		pick.PutFirst(func(x data.Person) bool { return len(p.posts[x.ID]) > 0 })
	}
	var d dialog.Dialog
	pick.OnChosen = func(x data.Person) {
		p.set(x.ID)
		d.Hide()
	}
	d = dialog.NewCustom("选择"+what, "取消", pick.Widget(), wb.Window)
	d.Resize(fyne.NewSize(380, 460))
	d.Show()
	wb.Window.Canvas().Focus(pick.Search)
	p.search = pick
	return d
}

// showABInfo shows read-only text in a scrollable dialog.
func showABInfo(wb *ui.Workbench, title string, body fyne.CanvasObject) {
	d := dialog.NewCustom(title, "关闭", container.NewVScroll(body), wb.Window)
	d.Resize(fyne.NewSize(560, 420))
	d.Show()
}
