package setup

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
)

// A real office starts from an empty database: the first thing it gives is who it is — the
// institute and its 党委 — so that the roster and organisation imports have a root to build
// under and printed titles say the right name. The same form edits the names later.

// Form is the profile dialog's fields; tests type into them as a user would.
type Form struct {
	Institute, CommitteeName, CommitteeShort *ui.EscapeEntry
	// errs holds each field's red line: ValidateProfile's field errors land under their field.
	errs   map[string]*ui.WrapLabel
	Dialog *ui.StayDialog
}

// ShowFirstStart asks an empty database's office to set up its institute, or to load the demo
// (loadDemo runs after the form has closed; nil offers no demo). On success the screens showing organisations
// reload and the tree shows the new 党委.
func ShowFirstStart(wb *ui.Workbench, loadDemo func()) *Form {
	intro := ui.NewWrapLabel("这个数据库还是空的。请先填写本单位的名称，系统据此建立党委（根组织），之后可在“组织机构”中导入组织机构表、在“党员花名册”中导入花名册。\n只想先熟悉功能，可以载入演示研究院。")
	f := newForm(data.Profile{})
	body := container.NewVBox(intro, f.fields())
	if loadDemo != nil {
		body.Add(container.NewHBox(&widget.Button{Text: "载入演示研究院", Icon: theme.FileApplicationIcon(), OnTapped: func() {
			f.Dialog.Hide()
			loadDemo()
		}}))
	} else {
		intro.SetText("请先填写本单位的名称，系统据此建立党委（根组织），之后可导入组织机构表和花名册。")
	}
	f.Dialog = ui.FormDialog(wb, "设置研究院", body, "建立", fyne.NewSize(600, 400), func() error {
		p, err := wb.Store.SetUp(context.Background(), f.profile())
		if err != nil {
			return f.refuse(err)
		}
		wb.Changed(ui.Orgs)
		wb.Notify("已建立“%s”，可在“组织机构”中导入组织机构表，或直接导入花名册", p.CommitteeName)
		return nil
	})
	wb.Window.Canvas().Focus(f.Institute)
	return f
}

// ShowEdit edits the stored profile: the institute's name and the 党委's full and short name.
func ShowEdit(wb *ui.Workbench) *Form {
	p, err := wb.Store.Profile(context.Background())
	if err != nil {
		wb.ShowError("无法读取本单位信息", err)
		return nil
	}
	f := newForm(p)
	f.Dialog = ui.FormDialog(wb, "编辑研究院信息", f.fields(), "保存", fyne.NewSize(560, 340), func() error {
		if err := wb.Store.SaveProfile(context.Background(), f.profile()); err != nil {
			return f.refuse(err)
		}
		wb.Changed(ui.Orgs)
		wb.Notify("已保存研究院信息")
		return nil
	})
	return f
}

func newForm(p data.Profile) *Form {
	f := &Form{errs: map[string]*ui.WrapLabel{}}
	entry := func(field, text, placeholder string) *ui.EscapeEntry {
		e := ui.NewEscapeEntry()
		e.SetPlaceHolder(placeholder)
		e.SetText(text)
		f.errs[field] = ui.NewFieldError()
		// Typing in a field answers its red line: it goes, and comes back only on the next try.
		e.OnChanged = func(string) {
			ui.SetFieldError(f.errs[field], "")
			if f.Dialog != nil {
				ui.SetFieldError(f.Dialog.Msg, "")
			}
		}
		e.OnSubmitted = func(string) { f.Dialog.Submit() }
		return e
	}
	f.Institute = entry("Institute", p.Institute, "如 某某研究院")
	f.CommitteeName = entry("CommitteeName", p.CommitteeName, "如 中共某某研究院委员会")
	f.CommitteeShort = entry("CommitteeShort", p.CommitteeShort, "如 院党委")
	return f
}

// fields lays out the three names, each with its red line under it.
func (f *Form) fields() fyne.CanvasObject {
	under := func(e *ui.EscapeEntry, field string) fyne.CanvasObject {
		return container.NewVBox(e, f.errs[field])
	}
	return widget.NewForm(
		widget.NewFormItem("研究院名称", under(f.Institute, "Institute")),
		widget.NewFormItem("党委全称 *", under(f.CommitteeName, "CommitteeName")),
		widget.NewFormItem("党委简称", under(f.CommitteeShort, "CommitteeShort")),
	)
}

// FieldError is the red line under a field ("Institute", "CommitteeName", "CommitteeShort").
func (f *Form) FieldError(field string) *ui.WrapLabel { return f.errs[field] }

func (f *Form) profile() data.Profile {
	return data.Profile{Institute: f.Institute.Text, CommitteeName: f.CommitteeName.Text, CommitteeShort: f.CommitteeShort.Text}
}

// refuse puts each field error under its field and returns err for the dialog's red line.
func (f *Form) refuse(err error) error {
	for _, l := range f.errs {
		ui.SetFieldError(l, "")
	}
	v, ok := data.AsInvalid(err)
	if !ok {
		return err
	}
	var rest data.Invalid
	for _, e := range v {
		if l, ok := f.errs[e.Field]; ok {
			ui.SetFieldError(l, e.Message)
		} else {
			rest = append(rest, e)
		}
	}
	if len(rest) > 0 {
		return rest
	}
	// Every problem is already under its field; the line by the buttons only points there.
	return errors.New("请先按上面的红字改正")
}
