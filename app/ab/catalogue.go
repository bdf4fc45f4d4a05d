package ab

import (
	"context"
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

// abCatalogue is the service catalogue as a table — department, item, door, A, B and who serves
// today — with search as you type, a department filter, and the item form.
type abCatalogue struct {
	wb       *ui.Workbench
	root     fyne.CanvasObject
	search   *abSearchEntry
	dept     *widget.Select
	table    *ui.KeyTable
	count    *widget.Label
	edit     *widget.Button
	remove   *widget.Button
	history  *widget.Button
	depts    []data.Unit
	all      []abpost.Item
	shown    []abpost.Item
	today    map[int64]string // item → who serves today, as the table shows it
	selected int
}

var (
	abCatalogueHeaders = []string{"部门", "服务事项", "办理窗口", "时限", "A岗", "B岗", "今日（下一工作日）办理"}
	abCatalogueWidths  = []float32{100, 190, 170, 80, 80, 80, 220}
)

const abAllDepts = "全部部门"

func newABCatalogue(wb *ui.Workbench) *abCatalogue {
	c := &abCatalogue{wb: wb, selected: -1}
	c.search = newABSearchEntry()
	c.search.SetPlaceHolder("搜索事项、窗口或人员")
	c.search.OnChanged = func(string) { c.apply() }
	c.dept = widget.NewSelect(nil, func(string) { c.apply() })
	c.count = widget.NewLabel("")
	c.table = ui.NewKeyTable(
		func() (int, int) { return len(c.shown), len(abCatalogueHeaders) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(c.cell(id)) })
	c.table.SetHeaders(abCatalogueHeaders, abCatalogueWidths)
	c.table.OnSelected = func(id widget.TableCellID) { c.selected = id.Row; c.enable() }
	c.edit = &widget.Button{Text: "编辑", Icon: theme.DocumentCreateIcon(), OnTapped: c.onEdit}
	c.remove = &widget.Button{Text: "删除", Icon: theme.DeleteIcon(), OnTapped: c.onDelete}
	c.history = &widget.Button{Text: "报备记录", Icon: theme.HistoryIcon(), OnTapped: c.onHistory}
	c.table.OnEnter = c.onEdit
	c.search.OnEnter = c.onSearchEnter
	c.search.OnDown = func() {
		if cv := fyne.CurrentApp().Driver().CanvasForObject(c.table); cv != nil {
			cv.Focus(c.table)
		}
	}
	add := &widget.Button{Text: "新增事项", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: c.onNew}
	top := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("部门"), c.dept),
		container.NewHBox(add, c.edit, c.history, c.remove), c.search)
	c.root = container.NewBorder(top, c.count, nil, nil, c.table)
	c.reload()
	return c
}

func (c *abCatalogue) cell(id widget.TableCellID) string {
	if id.Row >= len(c.shown) {
		return ""
	}
	it := c.shown[id.Row]
	switch id.Col {
	case 0:
		return it.Dept
	case 1:
		return it.Name
	case 2:
		return it.Door
	case 3:
		if it.TimeLimit == 0 {
			return "即办"
		}
		return fmt.Sprintf("%d个工作日", it.TimeLimit)
	case 4:
		return it.AName
	case 5:
		if it.BName == "" {
			return "（未设）"
		}
		return it.BName
	case 6:
		return c.today[it.ID]
	}
	return ""
}

// reload re-reads the catalogue, departments and today's servers.
func (c *abCatalogue) reload() {
	s := c.wb.Store
	today := s.Today()
	var err error
	if c.depts, err = abpost.Departments(context.Background(), s); err != nil {
		c.wb.ShowError("无法读取部门", err)
		return
	}
	opts := []string{abAllDepts}
	for _, d := range c.depts {
		opts = append(opts, d.Name)
	}
	c.dept.Options = opts
	if c.dept.Selected == "" {
		c.dept.Selected = abAllDepts
	}
	c.dept.Refresh()
	if c.all, err = abpost.Items(context.Background(), s, abpost.ItemFilter{}, today); err != nil {
		c.wb.ShowError("无法读取服务事项", err)
		return
	}
	c.today = map[int64]string{}
	// On a day off the column shows the next service day, which is what a visitor asks about.
	cov, err := abpost.ComputeCoverage(context.Background(), s, today, today.AddDate(0, 0, 20))
	if err == nil && len(cov.Days) > 0 {
		prefix := ""
		if !cov.Days[0].Equal(today) {
			d := cov.Days[0]
			prefix = fmt.Sprintf("%d/%d%s ", d.Month(), d.Day(), abpost.Weekday(d))
		}
		for i, it := range cov.Items {
			cell := cov.Cells[i][0]
			switch cell.State {
			case abpost.StateA:
				c.today[it.ID] = prefix + cov.Name(cell.A)
			case abpost.StateB:
				c.today[it.ID] = prefix + cov.Name(cell.B) + "（B岗顶岗）"
			default:
				c.today[it.ID] = prefix + "空岗"
			}
		}
	}
	c.apply()
}

// apply filters the loaded catalogue in memory: it is small, and typing must feel instant.
func (c *abCatalogue) apply() {
	q := strings.TrimSpace(c.search.Text)
	c.shown = c.shown[:0]
	for _, it := range c.all {
		if c.dept.Selected != "" && c.dept.Selected != abAllDepts && it.Dept != c.dept.Selected {
			continue
		}
		if q != "" && !strings.Contains(strings.Join([]string{it.Name, it.Door, it.Code, it.AName, it.BName, it.Dept}, "\x00"), q) {
			continue
		}
		c.shown = append(c.shown, it)
	}
	c.selected = -1
	c.table.UnselectAll()
	c.table.Refresh()
	c.count.SetText(fmt.Sprintf("共 %d 项服务事项，显示 %d 项", len(c.all), len(c.shown)))
	c.enable()
}

func (c *abCatalogue) enable() {
	_, ok := c.current()
	enableWhen(ok, c.edit, c.remove, c.history)
}

func (c *abCatalogue) current() (abpost.Item, bool) { return pick(c.shown, c.selected) }

// onNew opens an empty item form, in the department the list is filtered to.
func (c *abCatalogue) onNew() {
	it := abpost.Item{}
	if d := c.dept.Selected; d != "" && d != abAllDepts {
		it.Dept = d
	}
	showABItemForm(c.wb, it, c.depts)
}

// onSearchEnter edits the selected item, or the only one the search left.
func (c *abCatalogue) onSearchEnter() {
	if c.selected < 0 && len(c.shown) == 1 {
		c.selected = 0
	}
	c.onEdit()
}

func (c *abCatalogue) onEdit() {
	if it, ok := c.current(); ok {
		showABItemForm(c.wb, it, c.depts)
	}
}

func (c *abCatalogue) onDelete() {
	it, ok := c.current()
	if !ok {
		return
	}
	c.wb.Confirm("删除服务事项", fmt.Sprintf("确定删除%s“%s”吗？它的AB岗报备记录也会一并删除。", it.Dept, it.Name), func() {
		if err := abpost.DeleteItem(context.Background(), c.wb.Store, it.ID, ""); err != nil {
			c.wb.ShowError("删除失败", err)
			return
		}
		c.wb.Notify("已删除服务事项“%s”", it.Name)
		c.wb.Changed(ui.AB)
	})
}

// onHistory shows the 报备 record of the selected item: who held A and B from when to when.
func (c *abCatalogue) onHistory() {
	it, ok := c.current()
	if !ok {
		return
	}
	hist, err := abpost.Assignments(context.Background(), c.wb.Store, it.ID)
	if err != nil {
		c.wb.ShowError("无法读取报备记录", err)
		return
	}
	var lines []string
	for _, a := range hist {
		to := "至今"
		if !a.To.IsZero() {
			to = "至 " + data.DateText(a.To)
		}
		line := fmt.Sprintf("%s岗  %s  %s %s", a.Role, a.Name, data.DateText(a.From), to)
		if a.Note != "" {
			line += "  （" + a.Note + "）"
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		lines = []string{"尚无报备记录"}
	}
	l := widget.NewLabel(strings.Join(lines, "\n"))
	showABInfo(c.wb, "报备记录 · "+it.Name, l)
}
