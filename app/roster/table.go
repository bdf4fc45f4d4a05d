package roster

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/idcard"
)

// The roster table: its columns, how each one sorts, and a Table that also answers Enter,
// double-click and arrow keys the way a spreadsheet user expects.

// rosterColumn is one column: its header, width, the cell text and its sort order.
type rosterColumn struct {
	title string
	width float32
	text  func(r *Screen, m *data.Member) string
	// cmp orders two members for this column; nil sorts by the collated cell text, so Chinese
	// names go in pinyin order as in the office's printed lists.
	cmp func(a, b *data.Member, today time.Time) int
}

// rosterBranchCol is the 所在党支部 column.
const rosterBranchCol = 5

var rosterColumns = []rosterColumn{
	{title: "姓名", width: 90, text: func(_ *Screen, m *data.Member) string { return m.Name }},
	{title: "性别", width: 56, text: func(_ *Screen, m *data.Member) string { return m.Gender }},
	{
		title: "出生日期", width: 108, text: func(_ *Screen, m *data.Member) string { return ui.DayText(m.Birth) },
		cmp: func(a, b *data.Member, _ time.Time) int { return a.Birth.Compare(b.Birth) },
	},
	{
		title: "年龄", width: 56, text: func(r *Screen, m *data.Member) string { return countText(data.Age(m.Birth, r.today())) },
		cmp: func(a, b *data.Member, d time.Time) int {
			return cmp.Compare(data.Age(a.Birth, d), data.Age(b.Birth, d))
		},
	},
	{
		title: "身份证号", width: 186, text: func(r *Screen, m *data.Member) string { return r.showID(m.IDNumber) },
		cmp: func(a, b *data.Member, _ time.Time) int { return cmp.Compare(a.IDNumber, b.IDNumber) },
	},
	{title: "所在党支部", width: 236, text: func(_ *Screen, m *data.Member) string { return m.BranchName }},
	{title: "人员类别", width: 90, text: func(_ *Screen, m *data.Member) string { return m.Category }},
	{
		title: "入党日期", width: 108, text: func(_ *Screen, m *data.Member) string { return ui.DayText(m.Joined) },
		cmp: func(a, b *data.Member, _ time.Time) int { return a.Joined.Compare(b.Joined) },
	},
	{
		title: "党龄", width: 56, text: func(r *Screen, m *data.Member) string { return standingText(m.Membership, r.today()) },
		cmp: func(a, b *data.Member, d time.Time) int {
			return cmp.Compare(data.PartyStanding(a.Membership, d), data.PartyStanding(b.Membership, d))
		},
	},
	{
		title: "转正日期", width: 108, text: func(_ *Screen, m *data.Member) string { return ui.DayText(m.Full) },
		cmp: func(a, b *data.Member, _ time.Time) int { return a.Full.Compare(b.Full) },
	},
	{
		title: "联系电话", width: 130, text: func(r *Screen, m *data.Member) string { return r.showPhone(m.Phone) },
		cmp: func(a, b *data.Member, _ time.Time) int { return cmp.Compare(a.Phone, b.Phone) },
	},
	{title: "党籍状态", width: 90, text: func(_ *Screen, m *data.Member) string { return m.Status }},
}

func countText(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// standingText is the 党龄 cell: years for full members, 预备 during probation.
func standingText(m data.Membership, day time.Time) string {
	if m.Category == data.CategoryProbation {
		return "预备"
	}
	return countText(data.PartyStanding(m, day))
}

// showID and showPhone mask unless the user both revealed numbers this session and keeps the
// screen's 显示完整号码 ticked.
func (r *Screen) showID(s string) string {
	if r.reveal.Checked {
		return r.wb.ShowID(s)
	}
	if s == "" {
		return ""
	}
	return idcard.Mask(s)
}

func (r *Screen) showPhone(s string) string {
	if r.reveal.Checked {
		return r.wb.ShowPhone(s)
	}
	return ui.MaskPhone(s)
}

// sortOrder is every indexed position ordered by column col (ties keep the roster's own
// branch-and-name order), computed once per header tap so each keystroke only filters.
func sortOrder(idx *data.RosterIndex, col int, desc bool, r *Screen) []int {
	n := idx.Len()
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	c := rosterColumns[col]
	var less func(a, b int) int
	if c.cmp != nil {
		day := r.today()
		less = func(a, b int) int {
			ma, mb := idx.At(a), idx.At(b)
			return c.cmp(&ma, &mb, day)
		}
	} else {
		keys := r.collKeys[col]
		if len(keys) != n { // computed once per loaded roster: the second tap only reverses
			coll := collate.New(language.Chinese)
			var buf collate.Buffer
			keys = make([][]byte, n)
			for i := range keys {
				m := idx.At(i)
				keys[i] = bytes.Clone(coll.KeyFromString(&buf, c.text(r, &m)))
				buf.Reset()
			}
			r.collKeys[col] = keys
		}
		less = func(a, b int) int { return bytes.Compare(keys[a], keys[b]) }
	}
	// Ties keep the index order (branch, then name); an explicit tie-break lets the faster
	// unstable sort give the same result as a stable one.
	slices.SortFunc(order, func(a, b int) int {
		c := less(a, b)
		if desc {
			c = -c
		}
		if c == 0 {
			return a - b
		}
		return c
	})
	return order
}

// rosterTable is the roster's Table with keyboard and double-click: ↑/↓ move the selected
// row, Enter or a double-click opens it.
type rosterTable struct {
	ui.KeyTable
}

func newRosterTable(r *Screen) *rosterTable {
	t := &rosterTable{}
	t.OnEnter, t.OnMove = r.editSelected, r.moveSelection
	t.Length = func() (int, int) { return len(r.view), len(rosterColumns) }
	t.CreateCell = func() fyne.CanvasObject { return widget.NewLabel("") }
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Row >= len(r.view) {
			l.SetText("")
			return
		}
		m := r.idx.At(r.view[id.Row])
		l.Importance = widget.MediumImportance
		// The Table highlights one cell; bold marks the whole selected row.
		l.TextStyle.Bold = m.PersonID == r.selected
		if m.Status != data.StatusNormal {
			l.Importance = widget.LowImportance // members no longer in the roster read grey
		}
		// Only the branch column can outgrow its width; truncating costs text shaping on every
		// redraw, which a keystroke over 100 000 members cannot afford in every cell.
		l.Truncation = fyne.TextTruncateOff
		if id.Col == rosterBranchCol {
			l.Truncation = fyne.TextTruncateEllipsis
		}
		l.SetText(rosterColumns[id.Col].text(r, &m))
	}
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		text := rosterColumns[id.Col].title
		if id.Col == r.sortCol {
			text += map[bool]string{false: " ▲", true: " ▼"}[r.sortDesc]
		}
		b.SetText(text)
		col := id.Col
		b.OnTapped = func() { r.sortBy(col) }
	}
	t.OnSelected = func(id widget.TableCellID) { r.selectRow(id.Row) }
	t.ExtendBaseWidget(t)
	for i, c := range rosterColumns {
		t.SetColumnWidth(i, c.width)
	}
	return t
}

// Tapped selects the row under the pointer and keeps the keyboard on this table (the embedded
// KeyTable would focus itself, not the widget the window holds).
func (t *rosterTable) Tapped(e *fyne.PointEvent) {
	t.Table.Tapped(e)
	ui.FocusLater(t)
}

// DoubleTapped opens the member under the pointer. The driver sends a double-click instead of
// its first tap, so the row is selected here first.
func (t *rosterTable) DoubleTapped(e *fyne.PointEvent) {
	t.Table.Tapped(e)
	t.OnEnter()
}

// TypedShortcut hands the window's shortcuts (Ctrl+N, Ctrl+F, Ctrl+1 …) on while the table has
// the keyboard — from this widget, which the window knows, not the embedded KeyTable.
func (t *rosterTable) TypedShortcut(s fyne.Shortcut) { ui.ForwardShortcut(t, s) }
