package roster

import (
	"context"
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
)

// The 党员花名册 screen: filters and search over an in-memory index of the whole roster, a
// sortable table, and the member actions. The first page is read at once so the screen appears
// without waiting; the whole roster loads in the background and swaps in.

// firstPage is how many members the screen reads before it first draws.
const firstPage = 200

const (
	allBranches   = "全部党组织"
	allCategories = "全部类别"
	allStatuses   = "全部状态"
)

type Screen struct {
	wb       *ui.Workbench
	idx      *data.RosterIndex
	full     bool // idx holds the whole roster, not only the first page
	orgs     []data.Org
	orgIDs   map[string]int64
	view     []int // positions in idx, in display order
	order    []int // all positions sorted by sortCol; nil when unsorted
	sortCol  int   // -1: the roster's own order (branch, then name)
	sortDesc bool
	collKeys map[int][][]byte // pinyin sort keys per text column, for the loaded idx
	selected int64            // person id of the selected row, 0 none
	loads    ui.Loader        // the whole roster, read in the background

	search   *ui.ShortcutEntry
	branch   *widget.Select
	category *widget.Select
	status   *widget.Select
	reveal   *widget.Check
	count    *widget.Label
	table    *rosterTable
	edit     *widget.Button
	transfer *widget.Button
	change   *widget.Button
	decide   *widget.Button // 预备期: for a probationary member in the roster only
	root     fyne.CanvasObject
}

// New builds the 党员花名册 screen.
func New(wb *ui.Workbench) fyne.CanvasObject { return Open(wb).root }

// Open builds the screen and starts loading the whole roster.
// Root is the screen's page.
func (r *Screen) Root() fyne.CanvasObject { return r.root }

// Settled is closed when the roster load started last has swapped in.
func (r *Screen) Settled() <-chan struct{} { return r.loads.Settled() }

func Open(wb *ui.Workbench) *Screen {
	r := &Screen{wb: wb, sortCol: -1, collKeys: map[int][][]byte{}}
	r.build()
	r.reloadOrgs()
	first, err := wb.Store.Members(context.Background(), data.MemberFilter{Limit: firstPage})
	if err != nil {
		wb.ShowError("读取花名册失败", err)
	}
	r.idx = data.NewRosterIndex(first)
	r.apply()
	r.loadAll()
	wb.OnChange(ui.Members|ui.Orgs, func() {
		r.reloadOrgs()
		r.loadAll()
	})
	wb.OnChange(ui.Privacy, func() { r.table.Refresh() })
	r.addShortcuts()
	return r
}

func (r *Screen) build() {
	r.search = ui.NewShortcutEntry()
	r.search.SetPlaceHolder("搜索姓名、拼音、身份证号或电话（Ctrl+F）")
	r.search.OnChanged = func(string) { r.apply() }
	r.search.OnEnter = r.openFromSearch
	r.search.OnDown = r.focusTable
	r.branch = widget.NewSelect(nil, func(string) { r.apply() })
	r.category = widget.NewSelect(append([]string{allCategories}, data.Categories...), func(string) { r.apply() })
	r.category.SetSelected(allCategories)
	r.status = widget.NewSelect(append([]string{allStatuses}, data.Statuses...), func(string) { r.apply() })
	r.status.SetSelected(allStatuses)
	r.reveal = widget.NewCheck("显示完整号码", nil)
	r.reveal.Checked = r.wb.Revealed()
	r.reveal.OnChanged = r.onReveal
	r.count = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	r.table = newRosterTable(r)

	add := &widget.Button{Text: "新增党员", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: r.newMember}
	r.edit = &widget.Button{Text: "编辑", Icon: theme.DocumentCreateIcon(), OnTapped: r.editSelected}
	r.transfer = &widget.Button{Text: "转接", Icon: theme.MailForwardIcon(), OnTapped: r.transferSelected}
	r.change = &widget.Button{Text: "状态变更", Icon: theme.SettingsIcon(), OnTapped: r.changeSelected}
	r.decide = &widget.Button{Text: "转正/延长预备期", Icon: theme.ConfirmIcon(), OnTapped: r.decideSelected}
	imp := &widget.Button{Text: "导入", Icon: theme.UploadIcon(), OnTapped: func() { showRosterImportWizard(r.wb, "") }}
	exp := &widget.Button{Text: "导出", Icon: theme.DownloadIcon(), OnTapped: func() { showRosterExportDialog(r.wb, r.filter()) }}
	// The search box takes the room right of the buttons: below, beside the four filters, it
	// was cut to "搜索姓名、拼音、" at 1024 px.
	tools := container.NewBorder(nil, nil, container.NewHBox(add, r.edit, r.transfer, r.change, r.decide, widget.NewSeparator(), imp, exp), nil, r.search)
	// The chosen branch shows with its tree indent; without room it reads "人事处…".
	branchRoom := canvas.NewRectangle(color.Transparent)
	branchRoom.SetMinSize(fyne.NewSize(280, 1))
	filters := container.NewBorder(nil, nil, nil,
		container.NewHBox(r.category, r.status, r.reveal, r.count), container.NewStack(branchRoom, r.branch))
	top := container.NewVBox(tools, filters)
	r.root = container.NewBorder(top, nil, nil, nil, r.table)
	r.enableActions()
}

// reloadOrgs refreshes the branch filter's choices, keeping the chosen one when it still exists.
func (r *Screen) reloadOrgs() {
	orgs, err := r.wb.Store.Orgs(context.Background())
	if err != nil {
		r.wb.ShowError("读取党组织失败", err)
		return
	}
	r.orgs = orgs
	names, ids := ui.OrgChoices(orgs, func(o data.Org) bool { return o.Live() && !o.IsTemporary() })
	keep := r.branch.Selected
	r.orgIDs = ids
	r.branch.SetOptions(append([]string{allBranches}, names...))
	if _, ok := ids[keep]; !ok {
		keep = allBranches
	}
	r.branch.Selected = keep
	r.branch.Refresh()
}

// loadAll reads the whole roster off the main goroutine and swaps it in; a later load
// supersedes an earlier one still running.
func (r *Screen) loadAll() {
	s := r.wb.Store
	ui.Load(&r.loads, func() (*data.RosterIndex, error) {
		all, err := s.Members(context.Background(), data.MemberFilter{})
		if err != nil {
			return nil, err
		}
		return data.NewRosterIndex(all), nil
	}, func(idx *data.RosterIndex, err error) {
		if err != nil {
			r.wb.ShowError("读取花名册失败", err)
			return
		}
		r.idx, r.full = idx, true
		clear(r.collKeys)
		if r.sortCol >= 0 {
			r.order = sortOrder(r.idx, r.sortCol, r.sortDesc, r)
		}
		r.apply()
	})
}

// filter is what the filters and the search box ask for.
func (r *Screen) filter() data.MemberFilter {
	f := data.MemberFilter{Query: r.search.Text, BranchID: r.orgIDs[r.branch.Selected]}
	if r.category.Selected != allCategories {
		f.Category = r.category.Selected
	}
	if r.status.Selected != allStatuses {
		f.Status = r.status.Selected
	}
	return f
}

// apply filters the index into the view, in the chosen sort order, and redraws.
func (r *Screen) apply() {
	if r.idx == nil || r.table == nil {
		return
	}
	f := r.filter()
	var branches map[int64]bool
	if f.BranchID != 0 {
		branches = data.Subtree(r.orgs, f.BranchID)
	}
	matches := r.idx.Search(f, branches)
	if r.order == nil {
		r.view = matches
	} else {
		hit := make([]bool, r.idx.Len())
		for _, i := range matches {
			hit[i] = true
		}
		r.view = r.view[:0]
		for _, i := range r.order {
			if hit[i] {
				r.view = append(r.view, i)
			}
		}
	}
	text := fmt.Sprintf("共 %d 人", len(r.view))
	if !r.full {
		// No wider than the count it stands for: a real window widens to its content's
		// minimum and stays so, and the filter row has no room to spare at 1024 px.
		text = "载入中…"
	}
	r.count.SetText(text)
	r.table.UnselectAll()
	row := r.rowOf(r.selected)
	if row >= 0 {
		r.table.Select(widget.TableCellID{Row: row, Col: 0})
	} else {
		r.selected = 0
	}
	r.table.Refresh()
	r.enableActions()
}

// sortBy sorts by a column; tapping the same header again reverses the order.
func (r *Screen) sortBy(col int) {
	if r.sortCol == col {
		r.sortDesc = !r.sortDesc
	} else {
		r.sortCol, r.sortDesc = col, false
	}
	r.order = sortOrder(r.idx, col, r.sortDesc, r)
	r.apply()
}

func (r *Screen) rowOf(personID int64) int {
	if personID == 0 {
		return -1
	}
	for row, i := range r.view {
		if r.idx.At(i).PersonID == personID {
			return row
		}
	}
	return -1
}

func (r *Screen) selectRow(row int) {
	if row < 0 || row >= len(r.view) {
		return
	}
	r.selected = r.idx.At(r.view[row]).PersonID
	r.enableActions()
	r.table.Refresh()
}

// moveSelection moves the selected row up or down by delta, keeping it in sight.
func (r *Screen) moveSelection(delta int) {
	if len(r.view) == 0 {
		return
	}
	row := r.rowOf(r.selected) + delta
	row = max(0, min(row, len(r.view)-1))
	id := widget.TableCellID{Row: row, Col: 0}
	r.table.Select(id)
	r.table.ScrollTo(id)
}

// current is the selected member as the index holds it.
func (r *Screen) current() (data.Member, bool) {
	row := r.rowOf(r.selected)
	if row < 0 {
		return data.Member{}, false
	}
	return r.idx.At(r.view[row]), true
}

func (r *Screen) enableActions() {
	for _, b := range []*widget.Button{r.edit, r.transfer, r.change} {
		if b == nil {
			continue
		}
		if r.selected == 0 {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if r.decide != nil {
		if m, ok := r.current(); ok && m.Category == data.CategoryProbation && m.Status == data.StatusNormal {
			r.decide.Enable()
		} else {
			r.decide.Disable()
		}
	}
}

func (r *Screen) today() time.Time { return r.wb.Store.Today() }

// onReveal shows full numbers only after the session's confirmation (AskReveal).
func (r *Screen) onReveal(on bool) {
	if on && !r.wb.Revealed() {
		r.reveal.Checked = false
		r.reveal.Refresh()
		r.wb.AskReveal(func() {
			r.reveal.Checked = true
			r.reveal.Refresh()
			r.table.Refresh()
		})
		return
	}
	r.table.Refresh()
}

func (r *Screen) newMember() { showMemberForm(r.wb, data.Member{}, r.afterSave) }

func (r *Screen) editSelected() {
	m, ok := r.current()
	if !ok {
		return
	}
	fresh, err := r.wb.Store.Member(context.Background(), m.PersonID) // the index may be a moment old
	if err != nil {
		r.wb.ShowError("打开党员信息失败", err)
		return
	}
	showMemberForm(r.wb, fresh, r.afterSave)
}

// openFromSearch is Enter in the search box: it opens the selected member, or the first hit
// when none is selected — type a name, press Enter, and the form is there.
func (r *Screen) openFromSearch() {
	if r.rowOf(r.selected) < 0 && len(r.view) > 0 {
		r.table.Select(widget.TableCellID{Row: 0, Col: 0})
	}
	r.editSelected()
}

// focusTable is ↓ in the search box: it moves into the table, on the first hit when nothing
// is selected, so the arrows go on from there.
func (r *Screen) focusTable() {
	if len(r.view) == 0 {
		return
	}
	if r.rowOf(r.selected) < 0 {
		r.table.Select(widget.TableCellID{Row: 0, Col: 0})
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.table); c != nil {
		c.Focus(r.table)
	}
}

func (r *Screen) afterSave(m data.Member) { r.selected = m.PersonID }

func (r *Screen) transferSelected() {
	if m, ok := r.current(); ok {
		showTransferDialog(r.wb, m)
	}
}

func (r *Screen) decideSelected() {
	if m, ok := r.current(); ok {
		showProbationDialog(r.wb, m)
	}
}

func (r *Screen) changeSelected() {
	if m, ok := r.current(); ok {
		showStatusDialog(r.wb, m)
	}
}

// addShortcuts registers Ctrl+F (search) and Ctrl+N (new member) on the window; they act only
// while this screen is on show.
func (r *Screen) addShortcuts() {
	c := r.wb.Window.Canvas()
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		if ui.OnScreen(r.wb, r.root) {
			c.Focus(r.search)
		}
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		if ui.OnScreen(r.wb, r.root) {
			r.newMember()
		}
	})
}
