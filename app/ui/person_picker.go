package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// PersonsShown is how many persons a picker lists at most; more would make the list slow to
// scroll and no one reads past it — typing part of the name is quicker.
const PersonsShown = 200

// PersonPicker is the app's one way to choose a person: a search field (part of a name or a
// unit), the matching persons (at most PersonsShown), and a line that says how many matched.
// Tapping a person, or Enter when only one matches, chooses; OnChosen hears of it.
type PersonPicker struct {
	Search *EscapeEntry
	List   *widget.List
	Info   *WrapLabel
	// Chosen is the person chosen last (ID 0: none yet).
	Chosen   data.Person
	OnChosen func(data.Person)

	all   []data.Person
	shown []data.Person
	label func(data.Person) string
}

// NewPersonPicker lists all; label writes one person's line (name with unit, post …).
func NewPersonPicker(all []data.Person, label func(data.Person) string) *PersonPicker {
	p := &PersonPicker{all: all, label: label, Search: NewEscapeEntry(), Info: NewWrapLabel("")}
	p.Search.SetPlaceHolder("输入姓名、拼音或部门查找")
	p.List = widget.NewList(func() int { return len(p.shown) },
		func() fyne.CanvasObject {
			return widget.NewLabel("某某某 · 超导托卡马克实验室 · 科研骨干")
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(p.label(p.shown[i])) })
	p.List.OnSelected = func(i widget.ListItemID) { p.choose(p.shown[i]) }
	p.Search.OnChanged = func(string) { p.filter() }
	p.Search.OnSubmitted = func(string) {
		if len(p.shown) == 1 {
			p.choose(p.shown[0])
		}
	}
	p.filter()
	return p
}

// Widget lays the picker out: search on top, the list, the count line under it.
func (p *PersonPicker) Widget() fyne.CanvasObject {
	return container.NewBorder(p.Search, p.Info, nil, nil, p.List)
}

// Find returns the persons whose name (or its pinyin: zs, zhangsan) or unit contains q (the first PersonsShown of them) and
// the line that says how many matched.
func (p *PersonPicker) Find(q string) ([]data.Person, string) {
	typed := data.SearchText(q)
	q = data.FoldName(q)
	var matches []data.Person
	total := 0
	for _, x := range p.all {
		if q == "" || data.NameMatches(x.Name, typed) || strings.Contains(x.UnitName, q) {
			total++
			if len(matches) < PersonsShown {
				matches = append(matches, x)
			}
		}
	}
	switch {
	case total == 0:
		return nil, "无匹配：没有姓名或部门含“" + q + "”的人员，请换个写法再试"
	case total > PersonsShown:
		return matches, fmt.Sprintf("显示前 %d 人，请输入姓名缩小范围", PersonsShown)
	case total == 1:
		return matches, "找到 1 人，按回车选定"
	}
	return matches, fmt.Sprintf("找到 %d 人，点选一人", total)
}

// PutFirst lists the persons first holds before the others (each group in its own order), so
// the likely choice — a member of the branch, a holder of a post — is at the top.
func (p *PersonPicker) PutFirst(first func(data.Person) bool) {
	var head, tail []data.Person
	for _, x := range p.all {
		if first(x) {
			head = append(head, x)
		} else {
			tail = append(tail, x)
		}
	}
	p.all = append(head, tail...)
	p.filter()
}

func (p *PersonPicker) filter() {
	var line string
	p.shown, line = p.Find(p.Search.Text)
	p.Info.SetText(line)
	p.List.UnselectAll()
	p.List.Refresh()
}

func (p *PersonPicker) choose(x data.Person) {
	p.Chosen = x
	if p.OnChosen != nil {
		p.OnChosen(x)
	}
}
