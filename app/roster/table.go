package roster

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
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
	// drop is the order in which a narrow window leaves the column out (1 first); 0 always
	// shows. What goes first is what another column already says (年龄 stands for 出生日期);
	// the masked 身份证号 says little in a list and is whole in the member form.
	drop int
}

// rosterBranchCol is the 所在党支部 column.
const rosterBranchCol = 5

var rosterColumns = []rosterColumn{
	{title: "姓名", width: 90, text: func(_ *Screen, m *data.Member) string { return m.Name }},
	{title: "性别", width: 56, text: func(_ *Screen, m *data.Member) string { return m.Gender }},
	{
		title: "出生日期", width: 108, drop: 2, text: func(_ *Screen, m *data.Member) string { return ui.DayText(m.Birth) },
		cmp: func(a, b *data.Member, _ time.Time) int { return a.Birth.Compare(b.Birth) },
	},
	{
		title: "年龄", width: 56, drop: 5, text: func(r *Screen, m *data.Member) string { return countText(data.Age(m.Birth, r.today())) },
		cmp: func(a, b *data.Member, d time.Time) int {
			return cmp.Compare(data.Age(a.Birth, d), data.Age(b.Birth, d))
		},
	},
	{
		title: "身份证号", width: 186, drop: 4, text: func(r *Screen, m *data.Member) string { return r.showID(m.IDNumber) },
		cmp: func(a, b *data.Member, _ time.Time) int { return cmp.Compare(a.IDNumber, b.IDNumber) },
	},
	{title: "所在党支部", width: 160, text: func(_ *Screen, m *data.Member) string { return m.BranchName }},
	{title: "人员类别", width: 90, text: func(_ *Screen, m *data.Member) string { return m.Category }},
	{
		title: "入党日期", width: 108, text: func(_ *Screen, m *data.Member) string { return ui.DayText(m.Joined) },
		cmp: func(a, b *data.Member, _ time.Time) int { return a.Joined.Compare(b.Joined) },
	},
	{
		title: "党龄", width: 56, drop: 3, text: func(r *Screen, m *data.Member) string { return standingText(m.Membership, r.today()) },
		cmp: func(a, b *data.Member, d time.Time) int {
			return cmp.Compare(data.PartyStanding(a.Membership, d), data.PartyStanding(b.Membership, d))
		},
	},
	{
		title: "转正日期", width: 108, drop: 1, text: func(_ *Screen, m *data.Member) string { return ui.DayText(m.Full) },
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
	// cols are the rosterColumns on show, left to right (fit): a table column's index is a
	// position in cols.
	cols []int
	// fitted is the width fit last laid the columns out for: a resize to the same width (every
	// layout pass) changes nothing.
	fitted float32
}

// Resize fits the columns to the new width before the table lays them out.
func (t *rosterTable) Resize(s fyne.Size) {
	if s.Width != t.fitted {
		t.fitted = s.Width
		t.fit(s.Width)
	}
	t.KeyTable.Resize(s)
}

// fit shows as many columns as the width holds, leaving out the ones with the lowest drop
// first, and gives what is left to 所在党支部 (the one column whose text varies in length), so
// that 联系电话 and 党籍状态 are never cut at the right edge.
func (t *rosterTable) fit(width float32) {
	pad := theme.Padding()
	room := width - theme.ScrollBarSize() - pad
	shown := make([]bool, len(rosterColumns))
	need := float32(0)
	for i, c := range rosterColumns {
		shown[i] = true
		need += c.width + pad
	}
	for d := 1; width > 0 && need > room; d++ {
		gone := false
		for i, c := range rosterColumns {
			if c.drop == d {
				shown[i], need, gone = false, need-c.width-pad, true
			}
		}
		if !gone {
			break // nothing more to leave out: the table scrolls sideways
		}
	}
	t.cols = t.cols[:0]
	for i, on := range shown {
		if on {
			t.cols = append(t.cols, i)
		}
	}
	for j, i := range t.cols {
		w := rosterColumns[i].width
		if i == rosterBranchCol && room > need {
			w += room - need
		}
		t.SetColumnWidth(j, w)
	}
}

func newRosterTable(r *Screen) *rosterTable {
	t := &rosterTable{}
	for i := range rosterColumns {
		t.cols = append(t.cols, i)
	}
	t.OnEnter, t.OnMove = r.editSelected, r.moveSelection
	t.Length = func() (int, int) { return len(r.view), len(t.cols) }
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
		col := t.cols[id.Col]
		if col == rosterBranchCol {
			l.Truncation = fyne.TextTruncateEllipsis
		}
		l.SetText(rosterColumns[col].text(r, &m))
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
		col := t.cols[id.Col]
		text := rosterColumns[col].title
		if col == r.sortCol {
			text += map[bool]string{false: " ▲", true: " ▼"}[r.sortDesc]
		}
		b.SetText(text)
		b.OnTapped = func() { r.sortBy(col) }
	}
	t.OnSelected = func(id widget.TableCellID) { r.selectRow(id.Row) }
	t.ExtendBaseWidget(t)
	t.fit(0) // the widths as written until the first layout
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
