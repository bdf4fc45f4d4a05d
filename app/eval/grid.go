package eval

import (
	"context"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data/criteria"
	"dangjian/data/sheets"
)

// scoreGrid is the score-entry grid of one evaluator group: organs down, indicators across,
// driven from the keyboard like a spreadsheet. Typing digits edits the current cell; Enter
// saves and moves down, Tab saves and moves right (Shift+Tab left), arrows save and move,
// Escape abandons the edit, Delete clears the score. A score above the max is refused at once
// and the cell stays where it was.
type scoreGrid struct {
	widget.BaseWidget
	wb      *ui.Workbench
	table   *widget.Table
	sn      *criteria.Snapshot
	group   criteria.Group
	inds    []criteria.Indicator
	row     int // organ index
	col     int // indicator index
	editing bool
	buffer  string
	shift   bool // a Shift key is down: Shift+Tab moves left
	bad     map[[2]int]bool
	// onMessage reports what happened (saved, refused) for the status line under the grid.
	onMessage func(msg string, isError bool)
	// onSaved runs after a score was written, so results can reload.
	onSaved func()
}

func newScoreGrid(wb *ui.Workbench) *scoreGrid {
	g := &scoreGrid{wb: wb, bad: map[[2]int]bool{}}
	g.table = widget.NewTable(g.size, g.create, g.update)
	g.table.StickyRowCount = 1
	g.table.StickyColumnCount = 1
	g.table.OnSelected = func(id widget.TableCellID) {
		if id.Row > 0 && id.Col > 0 {
			g.commit()
			g.row, g.col = id.Row-1, id.Col-1
			g.table.Refresh()
		}
		g.table.UnselectAll()
		// The table takes the focus itself once this returns; the grid takes it back after.
		ui.Later(g.focus)
	}
	g.ExtendBaseWidget(g)
	return g
}

// Load puts a round's snapshot and the chosen score group in the grid.
func (g *scoreGrid) Load(sn *criteria.Snapshot, group criteria.Group) {
	g.sn, g.group = sn, group
	g.inds = sn.Set.Indicators()
	g.row, g.col = min(g.row, max(len(sn.Round.Organs)-1, 0)), min(g.col, max(len(g.inds)-1, 0))
	g.editing, g.buffer = false, ""
	g.table.SetColumnWidth(0, 110)
	for i := range g.inds {
		g.table.SetColumnWidth(i+1, 112)
	}
	g.table.Refresh()
}

func (g *scoreGrid) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(g.table) }

func (g *scoreGrid) size() (int, int) {
	if g.sn == nil {
		return 0, 0
	}
	return len(g.sn.Round.Organs) + 1, len(g.inds) + 1
}

func (g *scoreGrid) create() fyne.CanvasObject {
	bg := canvas.NewRectangle(color.Transparent)
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewStack(bg, l)
}

func (g *scoreGrid) update(id widget.TableCellID, o fyne.CanvasObject) {
	st := o.(*fyne.Container)
	bg, l := st.Objects[0].(*canvas.Rectangle), st.Objects[1].(*widget.Label)
	bg.FillColor = color.Transparent
	l.TextStyle = fyne.TextStyle{}
	l.Alignment = fyne.TextAlignCenter
	l.Importance = widget.MediumImportance
	switch {
	case id.Row == 0 && id.Col == 0:
		l.SetText("部门 \\ 指标")
		l.TextStyle.Bold = true
		return
	case id.Row == 0:
		in := g.inds[id.Col-1]
		l.TextStyle.Bold = true
		l.SetText(in.Name + " " + criteria.FormatPoints(in.Max))
		return
	case id.Col == 0:
		l.Alignment = fyne.TextAlignLeading
		l.SetText(g.sn.Round.Organs[id.Row-1].Name)
		return
	}
	r, c := id.Row-1, id.Col-1
	in := g.inds[c]
	text := ""
	if p, ok := g.sn.Points(g.sn.Round.Organs[r].ID, in, g.group.ID); ok {
		text = criteria.FormatPoints(p)
	}
	if in.FromData() {
		// computed: Tab passes it by, and it is changed with a reason on the results page
		l.Importance = widget.LowImportance
		text = strings.TrimSpace(computedMark + " " + text)
	}
	if r == g.row && c == g.col {
		bg.FillColor = theme.Color(theme.ColorNameSelection)
		if g.editing {
			text = g.buffer + "▏"
		}
	}
	if g.bad[[2]int{r, c}] {
		l.Importance = widget.DangerImportance
	}
	l.SetText(text)
	bg.Refresh()
}

// FocusGained and FocusLost keep the focus ring implicit: the selected cell shows it.
func (g *scoreGrid) FocusGained() { g.table.Refresh() }

// FocusLost saves a pending edit, as a spreadsheet does when you click elsewhere.
func (g *scoreGrid) FocusLost() { g.commit() }

// TypedRune types into the current cell.
func (g *scoreGrid) TypedRune(r rune) {
	if g.sn == nil || !strings.ContainsRune("0123456789.．０１２３４５６７８９", r) {
		return
	}
	if g.sn.Round.Locked {
		// Say so at the first keystroke, not after a whole score has been typed.
		if g.onMessage != nil {
			g.onMessage("“"+g.sn.Round.Name+"”已定稿锁定，不能录入；如确需修改，请点“解锁”并填写理由", true)
		}
		return
	}
	if in := g.inds[g.col]; in.FromData() {
		// Say so at the first keystroke, not after the whole score was typed.
		if g.onMessage != nil {
			g.onMessage("“"+in.Name+"”由系统计算，不能录入；如需修正，请在“结果汇总”点“修正计算值”并填写理由", true)
		}
		return
	}
	if !g.editing {
		g.editing, g.buffer = true, ""
	}
	g.buffer += string(r)
	g.table.Refresh()
}

// TypedKey moves and commits.
func (g *scoreGrid) TypedKey(e *fyne.KeyEvent) {
	if g.sn == nil {
		return
	}
	rows, cols := len(g.sn.Round.Organs), len(g.inds)
	move := func(dr, dc int) {
		if !g.commit() {
			return // refused: stay on the cell so it can be corrected
		}
		g.row = min(max(g.row+dr, 0), rows-1)
		g.col = g.typedColumn(g.col, dc, cols)
		g.table.ScrollTo(widget.TableCellID{Row: g.row + 1, Col: g.col + 1})
		g.table.Refresh()
	}
	switch e.Name {
	case fyne.KeyDown, fyne.KeyReturn, fyne.KeyEnter:
		move(1, 0)
	case fyne.KeyUp:
		move(-1, 0)
	case fyne.KeyTab:
		if g.shift {
			move(0, -1)
		} else {
			move(0, 1)
		}
	case fyne.KeyRight:
		move(0, 1)
	case fyne.KeyLeft:
		move(0, -1)
	case fyne.KeyEscape:
		g.editing, g.buffer = false, ""
		g.table.Refresh()
	case fyne.KeyBackspace:
		if g.editing && g.buffer != "" {
			g.buffer = string([]rune(g.buffer)[:len([]rune(g.buffer))-1])
			g.table.Refresh()
		}
	case fyne.KeyDelete:
		g.editing = false
		g.save(nil)
	}
}

// computedMark marks the cells the system computes (系统计算), which nobody types.
const computedMark = "系统计算"

// typedColumn is the column dc steps from col, passing by computed indicators as Tab and the
// arrows do; col itself when no typed column lies that way.
func (g *scoreGrid) typedColumn(col, dc, cols int) int {
	if dc == 0 {
		return col
	}
	for c := col + dc; c >= 0 && c < cols; c += dc {
		if !g.inds[c].FromData() {
			return c
		}
	}
	return col
}

// KeyDown and KeyUp follow the Shift keys: Tab arrives as a typed key without its modifier.
func (g *scoreGrid) KeyDown(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		g.shift = true
	}
}

// KeyUp ends Shift.
func (g *scoreGrid) KeyUp(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		g.shift = false
	}
}

func (g *scoreGrid) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(g); c != nil {
		c.Focus(g)
	}
}

// AcceptsTab keeps Tab in the grid (it moves right) instead of leaving the widget.
func (g *scoreGrid) AcceptsTab() bool { return true }

// commit saves the edit in progress; false when it was refused.
func (g *scoreGrid) commit() bool {
	if !g.editing {
		return true
	}
	g.editing = false
	text := g.buffer
	g.buffer = ""
	if text == "" {
		g.table.Refresh()
		return true
	}
	v, ok := sheets.ParsePoints(text)
	in := g.inds[g.col]
	if !ok {
		return g.refuse("“" + text + "”不是数字")
	}
	if err := criteria.CheckPoints(in, v); err != nil {
		return g.refuse(err.Error())
	}
	return g.save(&v)
}

func (g *scoreGrid) refuse(msg string) bool {
	g.bad[[2]int{g.row, g.col}] = true
	g.table.Refresh()
	if g.onMessage != nil {
		g.onMessage(g.sn.Round.Organs[g.row].Name+"："+msg+"，未保存", true)
	}
	return false
}

func (g *scoreGrid) save(v *float64) bool {
	o, in := g.sn.Round.Organs[g.row], g.inds[g.col]
	if in.FromData() {
		return g.refuse("“" + in.Name + "”由数据计算，请在结果页填写理由修正")
	}
	k := criteria.CellKey{Organ: o.ID, Indicator: in.ID, Group: g.group.ID}
	if err := criteria.SetScore(context.Background(), g.wb.Store, g.sn.Round.ID, k, v, ""); err != nil {
		return g.refuse(strings.TrimPrefix(err.Error(), criteria.ErrLocked.Error()+"："))
	}
	delete(g.bad, [2]int{g.row, g.col})
	if v == nil {
		delete(g.sn.Scores, k)
	} else {
		g.sn.Scores[k] = criteria.Score{Points: *v}
	}
	if g.onMessage != nil {
		text := "已清除"
		if v != nil {
			text = criteria.FormatPoints(*v) + " 分，已保存"
		}
		g.onMessage(o.Name+" · "+in.Name+"："+text, false)
	}
	if g.onSaved != nil {
		g.onSaved()
	}
	g.table.Refresh()
	return true
}
