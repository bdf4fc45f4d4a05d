package roster

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/idcard"
)

// The member form: one dialog for a new member or an edit. Every keystroke re-runs
// data.ValidateMember and shows each message in red under its own field; 保存 stays disabled
// while anything is wrong, and a summary line says what is left.

// Choices the office types most often; the entries still take anything else.
var (
	ethnicities = []string{"汉族", "回族", "满族", "蒙古族", "壮族", "藏族", "维吾尔族", "土家族", "苗族", "彝族"}
	educations  = []string{"研究生", "大学本科", "大学专科", "中等专科", "高中", "初中"}
	degrees     = []string{"博士", "硕士", "学士", "无"}
)

// memberFieldLabels names the fields the validation speaks of, for the summary line.
var memberFieldLabels = map[string]string{
	"Name": "姓名", "Gender": "性别", "Birth": "出生日期", "IDNumber": "身份证号", "Phone": "联系电话",
	"BranchID": "所在党支部", "Category": "人员类别", "Joined": "入党日期", "Full": "转正日期", "Status": "党籍状态",
}

type memberForm struct {
	wb      *ui.Workbench
	orig    data.Member
	onSaved func(data.Member)

	name, title, post, phone           *ui.EscapeEntry
	birth, joined, full                *ui.DayEntry
	idNumber                           *idEntry
	gender, branch, category           *ui.EscapeSelect
	ethnicity, education, degree, unit *ui.EscapeSelectEntry
	backbone, returnee, head           *widget.Check
	branchIDs                          map[string]int64

	// derivedBirth and derivedGender are what fillFromID last put into 出生日期 and 性别 ("" when
	// nothing): only those values may it replace or take back, never what the person chose.
	derivedBirth, derivedGender string

	errs    map[string]*ui.WrapLabel
	touched map[string]bool
	summary *ui.WrapLabel
	save    *widget.Button // the dialog's 保存, disabled while anything is wrong
	dlg     *ui.StayDialog
}

// showMemberForm opens the form for m (a zero Member for a new one); onSaved, when not nil,
// gets the saved record after the store accepted it.
func showMemberForm(wb *ui.Workbench, m data.Member, onSaved func(data.Member)) *memberForm {
	f := &memberForm{wb: wb, orig: m, onSaved: onSaved, errs: map[string]*ui.WrapLabel{}, touched: map[string]bool{}}
	content := f.build()
	title := "新增党员"
	if m.Person.ID != 0 {
		title = "编辑党员 · " + m.Name
		for k := range memberFieldLabels {
			f.touched[k] = true // an existing record shows its problems at once
		}
	}
	d := ui.FormDialog(wb, title, content, "保存", fyne.NewSize(900, 660), f.trySave)
	f.dlg, f.save, f.summary = d, d.OK, d.Msg
	f.save.Icon = theme.DocumentSaveIcon()
	f.save.Refresh()
	f.validate()
	wb.Window.Canvas().Focus(f.name)
	return f
}

func (f *memberForm) build() fyne.CanvasObject {
	m := f.orig
	entry := func(text, key string) *ui.EscapeEntry {
		e := ui.NewEscapeEntry()
		e.SetText(text)
		e.OnChanged = func(string) { f.changed(key) }
		e.OnSubmitted = func(string) { f.trySave() }
		return e
	}
	selEntry := func(options []string, text, key string) *ui.EscapeSelectEntry {
		e := ui.NewEscapeSelectEntry(options)
		e.SetText(text)
		e.OnChanged = func(string) { f.changed(key) }
		return e
	}
	f.name = entry(m.Name, "Name")
	f.idNumber = newIDEntry(func() { f.fillFromID(true) })
	f.idNumber.SetText(m.IDNumber)
	f.idNumber.SetPlaceHolder("18位，末位可为X")
	f.idNumber.OnChanged = func(string) { f.fillFromID(false); f.changed("IDNumber") }
	f.idNumber.OnSubmitted = func(string) { f.trySave() }
	day := func(t time.Time, key string) *ui.DayEntry {
		e := ui.NewDayEntry(t)
		e.OnChanged = func(string) { f.changed(key) }
		e.OnSubmitted = func(string) { f.trySave() }
		return e
	}
	f.birth, f.joined, f.full = day(m.Birth, "Birth"), day(m.Joined, "Joined"), day(m.Full, "Full")
	f.title = entry(m.Title, "Title")
	f.post = entry(m.Post, "Post")
	f.phone = entry(m.Phone, "Phone")
	f.gender = ui.NewEscapeSelect([]string{"男", "女"}, func(string) { f.changed("Gender") })
	f.gender.Selected = m.Gender
	f.gender.PlaceHolder = "请选择"
	f.category = ui.NewEscapeSelect(data.Categories, func(string) { f.changed("Category") })
	f.category.Selected = m.Category
	if m.Category == "" {
		f.category.Selected = data.CategoryFull
	}
	f.ethnicity = selEntry(ethnicities, m.Ethnicity, "Ethnicity")
	f.education = selEntry(educations, m.Education, "Education")
	f.degree = selEntry(degrees, m.Degree, "Degree")
	var units []string
	if us, err := f.wb.Store.Units(context.Background()); err == nil {
		for _, u := range us {
			units = append(units, u.Name)
		}
	}
	f.unit = selEntry(units, m.UnitName, "Unit")

	orgs, err := f.wb.Store.Orgs(context.Background())
	if err != nil {
		f.wb.ShowError("读取党组织失败", err)
	}
	names, ids := ui.OrgChoices(orgs, ui.StandingBranch)
	f.branchIDs = ids
	f.branch = ui.NewEscapeSelect(names, func(string) { f.changed("BranchID") })
	f.branch.PlaceHolder = "请选择党支部"
	f.branch.Selected = ui.LabelFor(ids, m.BranchID)
	branchHint := ""
	if m.Person.ID != 0 {
		f.branch.Disable() // a move is dated and has a reason: it goes through 转接
		branchHint = "调动支部请用“转接”"
	}
	f.backbone = widget.NewCheck("科研骨干", nil)
	f.backbone.Checked = m.Backbone
	f.returnee = widget.NewCheck("海外归国", nil)
	f.returnee.Checked = m.Returnee
	f.head = widget.NewCheck("部门负责人", nil)
	f.head.Checked = m.UnitHead

	cell := func(label, key string, w fyne.CanvasObject) fyne.CanvasObject {
		l := ui.NewFieldError()
		f.errs[key] = l
		return container.NewVBox(widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), w, l)
	}
	branchCell := cell("所在党支部 *", "BranchID", f.branch)
	if branchHint != "" {
		hint := widget.NewLabel(branchHint)
		hint.Importance = widget.LowImportance
		branchCell.(*fyne.Container).Add(hint)
	}
	// One grid per row, so a message under one field makes only its own row taller.
	row := func(cells ...fyne.CanvasObject) fyne.CanvasObject { return container.NewGridWithColumns(3, cells...) }
	grid := container.NewVBox(
		row(cell("姓名 *", "Name", f.name), cell("身份证号", "IDNumber", f.idNumber), cell("性别", "Gender", f.gender)),
		row(cell("出生日期", "Birth", f.birth), cell("民族", "Ethnicity", f.ethnicity), cell("联系电话", "Phone", f.phone)),
		row(cell("学历", "Education", f.education), cell("学位", "Degree", f.degree), cell("职称", "Title", f.title)),
		row(cell("工作单位", "Unit", f.unit), cell("岗位", "Post", f.post), branchCell),
		row(cell("人员类别 *", "Category", f.category), cell("入党日期 *", "Joined", f.joined), cell("转正日期", "Full", f.full)),
	)
	flags := container.NewHBox(f.backbone, f.returnee, f.head)

	return container.NewVScroll(container.NewVBox(grid, flags))
}

// fillFromID fills 出生日期 and 性别 from a complete, valid ID number, but only where they are
// empty or hold what it filled before; a value the person chose stays, and ValidateMember says
// under the field when it disagrees with the number. While typing, a number counts only at 18
// characters (its first 15 look like an old 15-digit ID); an old ID counts once the person
// leaves the field. A number that is no longer complete and valid takes its values back.
func (f *memberForm) fillFromID(leaving bool) {
	n := idcard.Normalize(f.idNumber.Text)
	info, err := idcard.Parse(n)
	if err != nil || len(n) < 18 && !leaving {
		if f.derivedBirth != "" && f.birth.Text == f.derivedBirth {
			f.birth.SetText("")
		}
		if f.derivedGender != "" && f.gender.Selected == f.derivedGender {
			f.gender.ClearSelected()
		}
		f.derivedBirth, f.derivedGender = "", ""
		return
	}
	if d := ui.DayText(info.Birth); f.birth.Text == "" || f.birth.Text == f.derivedBirth {
		f.derivedBirth = d
		if f.birth.Text != d {
			f.birth.SetText(d)
		}
	}
	if g := info.Gender(); f.gender.Selected == "" || f.gender.Selected == f.derivedGender {
		f.derivedGender = g
		if f.gender.Selected != g {
			f.gender.SetSelected(g)
		}
	}
}

// idEntry is the 身份证号 field: it tells the form when the person leaves it, which is when an
// old 15-digit number is taken as finished.
type idEntry struct {
	ui.EscapeEntry
	onLeave func()
}

func newIDEntry(onLeave func()) *idEntry {
	e := &idEntry{onLeave: onLeave}
	e.ExtendBaseWidget(e)
	return e
}

// FocusLost reads the number as finished once the person moves on.
func (e *idEntry) FocusLost() {
	e.EscapeEntry.FocusLost()
	e.onLeave()
}

func (f *memberForm) changed(key string) {
	f.touched[key] = true
	f.validate()
}

// read builds the record from the fields; dates that cannot be read are field errors too.
func (f *memberForm) read() (data.Member, data.Invalid) {
	m := f.orig
	var bad data.Invalid
	day := func(e *ui.DayEntry, key string) time.Time {
		d, err := ui.ParseDay(e.Text)
		if err != nil {
			bad = append(bad, data.FieldError{Field: key, Message: err.Error()})
		}
		return d
	}
	m.Name = data.FoldName(f.name.Text)
	m.IDNumber = idcard.Normalize(f.idNumber.Text)
	m.Gender = f.gender.Selected
	m.Birth = day(f.birth, "Birth")
	m.Ethnicity = strings.TrimSpace(f.ethnicity.Text)
	m.Education = strings.TrimSpace(f.education.Text)
	m.Degree = strings.TrimSpace(f.degree.Text)
	m.Title = strings.TrimSpace(f.title.Text)
	if u := strings.TrimSpace(f.unit.Text); u != m.UnitName {
		m.UnitID, m.UnitName = 0, u // the store finds or creates the unit by name
	}
	m.Post = strings.TrimSpace(f.post.Text)
	m.Phone = strings.TrimSpace(f.phone.Text)
	m.BranchID = f.branchIDs[f.branch.Selected]
	m.Category = f.category.Selected
	m.Joined = day(f.joined, "Joined")
	m.Full = day(f.full, "Full")
	m.Backbone, m.Returnee, m.UnitHead = f.backbone.Checked, f.returnee.Checked, f.head.Checked
	return m, append(bad, data.ValidateMember(m, f.wb.Store.Today())...)
}

// validate shows each touched field's message under it, sums up the rest and enables 保存
// only when nothing is wrong.
func (f *memberForm) validate() data.Invalid {
	_, v := f.read()
	for key, l := range f.errs {
		msg := ""
		if f.touched[key] {
			msg = v.For(key)
		}
		ui.SetFieldError(l, msg)
	}
	var left []string
	seen := map[string]bool{}
	for _, e := range v {
		if l := memberFieldLabels[e.Field]; l != "" && !seen[l] {
			seen[l] = true
			left = append(left, l)
		}
	}
	if len(v) == 0 {
		ui.SetFieldError(f.summary, "")
		f.save.Enable()
	} else {
		ui.SetFieldError(f.summary, fmt.Sprintf("还有 %d 处需要填写或更正：%s", len(left), strings.Join(left, "、")))
		f.save.Disable()
	}
	return v
}

// trySave saves through the store; a refusal there (a duplicate ID number) shows at its field
// and in the form's red line.
func (f *memberForm) trySave() error {
	if len(f.validate()) > 0 {
		return errors.New(f.summary.Text)
	}
	m, _ := f.read()
	if err := f.wb.Store.SaveMember(context.Background(), &m); err != nil {
		if v, ok := data.AsInvalid(err); ok {
			for _, e := range v {
				if l := f.errs[e.Field]; l != nil {
					ui.SetFieldError(l, e.Message)
				}
			}
		}
		return err
	}
	f.wb.Notify("已保存党员 %s", m.Name)
	if f.onSaved != nil {
		f.onSaved(m)
	}
	f.wb.Changed(ui.Members, ui.Orgs)
	return nil
}
