package org

import (
	"context"
	"fmt"
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
)

// The 组织机构 screen: the tree of party organisations on the left (院党委 → 党委/党总支 →
// 支部, temporary branches marked, headcounts beside them) and the selected one's detail on
// the right, with the actions that change the tree and its committees.

type Screen struct {
	wb       *ui.Workbench
	orgs     []data.Org
	byID     map[int64]data.Org
	kids     map[int64][]int64
	counts   map[int64]int // members held directly (data.Headcounts)
	findings []data.Finding
	selected int64

	// The rule check runs in the background (findings.go).
	checks      ui.Loader // the rule check, run in the background
	checkedOnce bool
	checkErr    string
	// closed holds the nodes the user folded, so reloads and the default opening of the top
	// two levels respect them; everything else the tree keeps open itself.
	closed map[string]bool

	abolished *widget.Check
	tree      *widget.Tree
	detail    *fyne.Container
	detailBox *container.Scroll // the detail's scroller: a newly picked branch starts at its top
	buttons   map[string]*widget.Button
	root      fyne.CanvasObject
}

// New builds the 组织机构 screen.
func New(wb *ui.Workbench) fyne.CanvasObject { return Open(wb).root }

// Root is the screen's page.
func (o *Screen) Root() fyne.CanvasObject { return o.root }

// Settled is closed when the latest rule check has landed (tests and the restore wait on it).
func (o *Screen) Settled() <-chan struct{} { return o.checks.Settled() }

func Open(wb *ui.Workbench) *Screen {
	o := &Screen{wb: wb, buttons: map[string]*widget.Button{}, closed: map[string]bool{}}
	o.abolished = widget.NewCheck("显示已撤销", func(bool) { o.tree.Refresh() })
	o.tree = &widget.Tree{
		ChildUIDs:  o.childUIDs,
		IsBranch:   func(uid widget.TreeNodeID) bool { return uid == "" || len(o.childUIDs(uid)) > 0 },
		CreateNode: o.createNode,
		UpdateNode: o.updateNode,
		OnSelected: func(uid widget.TreeNodeID) {
			id, _ := strconv.ParseInt(uid, 10, 64)
			o.selected = id
			o.showDetail()
			o.detailBox.ScrollToTop()
		},
		OnBranchOpened: func(uid widget.TreeNodeID) { delete(o.closed, uid) },
		OnBranchClosed: func(uid widget.TreeNodeID) { o.closed[uid] = true },
	}
	o.tree.ExtendBaseWidget(o.tree)
	o.detail = container.NewVBox()

	bar := container.NewHBox()
	for _, a := range []struct {
		key  string
		icon fyne.Resource
		do   func()
	}{
		{"新建组织", theme.ContentAddIcon(), o.newOrg},
		{"新建临时党支部", theme.ContentAddIcon(), o.newTempBranch},
		{"编辑", theme.DocumentCreateIcon(), o.editOrg},
		{"撤销", theme.DeleteIcon(), o.abolishOrg},
		{"换届", theme.ViewRefreshIcon(), o.newTerm},
		{"任命", theme.AccountIcon(), o.appoint},
		{"编入党员", theme.ContentAddIcon(), o.addTempMembers},
		{"导入", theme.UploadIcon(), func() { o.importOrgs("") }},
		{"导出", theme.DownloadIcon(), o.exportOrgs},
	} {
		b := widget.NewButtonWithIcon(a.key, a.icon, a.do)
		o.buttons[a.key] = b
		bar.Add(b)
	}
	o.buttons["新建组织"].Importance = widget.HighImportance

	left := container.NewBorder(nil, o.abolished, nil, nil, o.tree)
	o.detailBox = container.NewVScroll(container.NewPadded(o.detail))
	split := container.NewHSplit(left, o.detailBox)
	split.Offset = 0.36
	o.root = container.NewBorder(bar, nil, nil, nil, split)
	o.reload()
	wb.OnChange(ui.Orgs|ui.Members, o.reload) // the tree counts members
	return o
}

// reload reads the organisations and headcounts again, redraws, and starts the rule check.
func (o *Screen) reload() {
	s := o.wb.Store
	orgs, err := s.Orgs(context.Background())
	if err != nil {
		o.wb.ShowError("读取党组织失败", err)
		return
	}
	counts, err := s.Headcounts(context.Background())
	if err != nil {
		o.wb.ShowError("读取党员人数失败", err)
		return
	}
	o.orgs, o.counts = orgs, counts
	o.byID = make(map[int64]data.Org, len(orgs))
	o.kids = map[int64][]int64{}
	for _, x := range orgs {
		o.byID[x.ID] = x
		o.kids[x.ParentID] = append(o.kids[x.ParentID], x.ID)
	}
	if _, ok := o.byID[o.selected]; !ok {
		o.selected = 0
	}
	o.tree.Refresh()
	o.openTopLevels()
	o.showDetail()
	o.startCheck()
}

// openTopLevels opens the root and the committees under it, so the branches show at once;
// a node the user folded stays folded. It runs on every reload, so organisations that appear
// later (the demo loaded after the screen, a new 党委) open too.
func (o *Screen) openTopLevels() {
	for _, top := range o.kids[0] {
		for _, id := range append([]int64{top}, o.kids[top]...) {
			uid := strconv.FormatInt(id, 10)
			if !o.closed[uid] && len(o.childUIDs(uid)) > 0 && !o.tree.IsBranchOpen(uid) {
				o.tree.OpenBranch(uid)
			}
		}
	}
}

func (o *Screen) childUIDs(uid widget.TreeNodeID) []widget.TreeNodeID {
	id, _ := strconv.ParseInt(uid, 10, 64)
	var out []string
	for _, k := range o.kids[id] {
		if o.byID[k].Live() || o.abolished.Checked {
			out = append(out, strconv.FormatInt(k, 10))
		}
	}
	return out
}

func (o *Screen) createNode(bool) fyne.CanvasObject {
	name := widget.NewLabel("超导托卡马克实验室第一党支部 〔临时〕")
	name.Truncation = fyne.TextTruncateEllipsis
	// Medium importance: the disabled grey of LowImportance is unreadable on the selection.
	count := widget.NewLabel("999 人")
	// The gap keeps the count clear of the tree's scroll bar.
	gap := canvas.NewRectangle(color.Transparent)
	gap.SetMinSize(fyne.NewSize(theme.Padding()*3, 1))
	return container.NewBorder(nil, nil, nil, container.NewHBox(count, gap), name)
}

func (o *Screen) updateNode(uid widget.TreeNodeID, _ bool, obj fyne.CanvasObject) {
	id, _ := strconv.ParseInt(uid, 10, 64)
	x := o.byID[id]
	c := obj.(*fyne.Container)
	name, count := c.Objects[0].(*widget.Label), c.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
	name.Importance = widget.MediumImportance
	text := x.Name
	if x.IsTemporary() {
		text += " 〔临时〕"
	}
	if !x.Live() {
		text += "（已撤销）"
		name.Importance = widget.LowImportance
	}
	name.SetText(text)
	n := o.subtreeCount(id)
	count.SetText(fmt.Sprintf("%d 人", n))
}

// subtreeCount is the headcount of an organisation and everything under it, so a 党委 shows
// the members of its branches; temporary branches are left out, their people count at home.
func (o *Screen) subtreeCount(id int64) int {
	x := o.byID[id]
	if x.IsTemporary() {
		return o.counts[id]
	}
	n := o.counts[id]
	for _, k := range o.kids[id] {
		if !o.byID[k].IsTemporary() {
			n += o.subtreeCount(k)
		}
	}
	return n
}

// enableActions leaves on only what applies to the selection.
func (o *Screen) enableActions() {
	x, ok := o.byID[o.selected]
	on := map[string]bool{
		"新建组织":    true,
		"新建临时党支部": true,
		"编辑":      ok,
		"撤销":      ok && x.Live() && x.ParentID != 0,
		"换届":      ok && x.Live(),
		"任命":      ok && x.Live(),
		"编入党员":    ok && x.Live() && x.TypeCode == data.TypeTempBranch,
		"导入":      len(o.kids[0]) > 0, // the tree is built under the 党委: 设置研究院 first
		"导出":      len(o.orgs) > 0,
	}
	for k, b := range o.buttons {
		if on[k] {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// selectOrg selects an organisation in the tree (after creating one, say).
func (o *Screen) selectOrg(id int64) {
	uid := strconv.FormatInt(id, 10)
	for p := o.byID[id].ParentID; p != 0; p = o.byID[p].ParentID {
		o.tree.OpenBranch(strconv.FormatInt(p, 10))
	}
	o.tree.Select(uid)
	o.tree.ScrollTo(uid)
}
