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
	wb     *ui.Workbench
	root   fyne.CanvasObject
	search *abSearchEntry
	dept   *widget.Select
	table  *rowTable[abpost.Item] // the items the search and the department filter leave
	count  *widget.Label
	depts  []data.Unit
	all    []abpost.Item
	today  map[int64]string // item → who serves today, as the table shows it
}

const abAllDepts = "全部部门"

func newABCatalogue(wb *ui.Workbench) *abCatalogue {
	c := &abCatalogue{wb: wb}
	c.search = newABSearchEntry()
	c.search.SetPlaceHolder("搜索事项、窗口或人员")
	c.search.OnChanged = func(string) { c.apply() }
	c.dept = widget.NewSelect(nil, func(string) { c.apply() })
	c.count = widget.NewLabel("")
	c.table = newRowTable([]column[abpost.Item]{
		{"部门", 88, func(it abpost.Item) string { return it.Dept }},
		{"服务事项", 160, func(it abpost.Item) string { return it.Name }},
		{"办理窗口", 152, func(it abpost.Item) string { return it.Door }},
		{"时限", 90, func(it abpost.Item) string {
			if it.TimeLimit == 0 {
				return "即办"
			}
			return fmt.Sprintf("%d个工作日", it.TimeLimit)
		}},
		{"A岗", 64, func(it abpost.Item) string { return it.AName }},
		{"B岗", 76, func(it abpost.Item) string {
			if it.BName == "" {
				return "（未设）"
			}
			return it.BName
		}},
		{"今日（下一工作日）办理", 208, func(it abpost.Item) string { return c.today[it.ID] }},
	})
	edit := &widget.Button{Text: "编辑", Icon: theme.DocumentCreateIcon(), OnTapped: c.onEdit}
	remove := &widget.Button{Text: "删除", Icon: theme.DeleteIcon(), OnTapped: c.onDelete}
	history := &widget.Button{Text: "报备记录", Icon: theme.HistoryIcon(), OnTapped: c.onHistory}
	c.table.actOn(edit, remove, history)
	c.table.OnEnter = c.onEdit
	c.search.OnEnter = c.onSearchEnter
	c.search.OnDown = func() {
		if cv := fyne.CurrentApp().Driver().CanvasForObject(c.table); cv != nil {
			cv.Focus(c.table)
		}
	}
	add := &widget.Button{Text: "新增事项", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: c.onNew}
	top := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("部门"), c.dept),
		container.NewHBox(add, edit, history, remove), c.search)
	c.root = container.NewBorder(top, c.count, nil, nil, c.table)
	c.reload()
	return c
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
	var shown []abpost.Item
	for _, it := range c.all {
		if c.dept.Selected != "" && c.dept.Selected != abAllDepts && it.Dept != c.dept.Selected {
			continue
		}
		if q != "" && !strings.Contains(strings.Join([]string{it.Name, it.Door, it.Code, it.AName, it.BName, it.Dept}, "\x00"), q) {
			continue
		}
		shown = append(shown, it)
	}
	c.table.show(shown)
	c.count.SetText(fmt.Sprintf("共 %d 项服务事项，显示 %d 项", len(c.all), len(shown)))
}

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
	if t := c.table; t.selected < 0 && len(t.rows) == 1 {
		t.selected = 0
	}
	c.onEdit()
}

func (c *abCatalogue) onEdit() {
	if it, ok := c.table.current(); ok {
		showABItemForm(c.wb, it, c.depts)
	}
}

func (c *abCatalogue) onDelete() {
	it, ok := c.table.current()
	if !ok {
		return
	}
	confirmChange(c.wb, "删除服务事项", fmt.Sprintf("确定删除%s“%s”吗？它的AB岗报备记录也会一并删除。", it.Dept, it.Name),
		"删除失败", func(ctx context.Context) error { return abpost.DeleteItem(ctx, c.wb.Store, it.ID, "") },
		func() { c.wb.Notify("已删除服务事项“%s”", it.Name) })
}

// onHistory shows the 报备 record of the selected item: who held A and B from when to when.
func (c *abCatalogue) onHistory() {
	it, ok := c.table.current()
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
