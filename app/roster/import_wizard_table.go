package roster

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/sheets"
)

// The preview's table of the rows as they will be stored: the values after the column mapping
// and the reading of dates, ID numbers and categories, the branch each row lands in (a merged
// or a new one), ID numbers and phones masked as the roster masks them, and for a rejected row
// 不导入 with its reasons. It scrolls through a 100 000-row file (the table draws only what is
// in sight) and takes the keyboard: ↑/↓ move, Enter shows the row's whole text below.

// storedTable is the preview's table and what it shows.
type storedTable struct {
	title  string
	view   fyne.CanvasObject
	table  *ui.KeyTable
	rows   []int         // indexes into the plan's items, in file order (only flagged ones with 只看错误)
	detail *widget.Label // the selected row's whole text
}

// storedColumns head the table; storedWidths are their widths.
var (
	storedColumns = []string{"行", "导入结果", "姓名", "性别", "身份证号", "出生日期", "党员类别", "入党日期", "转正日期", "所在党支部", "联系电话", "原因与说明"}
	storedWidths  = []float32{64, 76, 100, 44, 176, 100, 84, 100, 100, 180, 120, 560}
)

// The table's columns, in the order of storedColumns.
const (
	colLine = iota
	colAction
	colName
	colGender
	colID
	colBirth
	colCategory
	colJoined
	colFull
	colBranch
	colPhone
	colNotes
)

func (w *importWizard) storedTable() *storedTable {
	st := &storedTable{}
	for i := range w.plan.Items {
		if !w.onlyErrors || w.plan.Items[i].Flagged() {
			st.rows = append(st.rows, i)
		}
	}
	st.title = fmt.Sprintf("入库预览（%d 行）", len(st.rows))
	if w.onlyErrors {
		st.title = fmt.Sprintf("入库预览（只看错误：%d 行）", len(st.rows))
	}
	branches := map[int64]string{}
	for _, o := range w.orgs {
		branches[o.ID] = o.Name
	}
	st.table = ui.NewKeyTable(
		func() (int, int) { return len(st.rows), len(storedColumns) },
		ui.NewTruncatingCell,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			it := &w.plan.Items[st.rows[id.Row]]
			l.Importance = cellImportance(it, id.Col)
			l.SetText(w.storedCell(it, id.Col, branches))
		})
	widths := append([]float32(nil), storedWidths...)
	if len(w.plan.Items) > 0 && w.sheetOf(w.plan.Items[0].Row) != "" {
		widths[colLine] = 150 // the sheet's name before the line
	}
	st.table.SetHeaders(storedColumns, widths)
	st.detail = widget.NewLabel("选中一行（点击，或用 ↑/↓ 移到该行后按 Enter）可在此看到该行的全部说明。")
	st.detail.Wrapping = fyne.TextWrapBreak
	show := func(row int) {
		if row < 0 || row >= len(st.rows) {
			return
		}
		it := &w.plan.Items[st.rows[row]]
		st.detail.SetText(fmt.Sprintf("%s第 %d 行 %s（%s）：%s", w.sheetOf(it.Row), it.Row.Line, it.Row.Member.Name,
			w.storedCell(it, colAction, branches), orNone(w.storedCell(it, colNotes, branches))))
	}
	st.table.OnSelected = func(id widget.TableCellID) { show(id.Row) }
	st.table.OnEnter = func() {}
	st.view = container.NewBorder(nil, st.detail, nil, nil, st.table)
	w.table = st
	return st
}

// storedCell is what column col shows for the item: the stored member for a new or updated
// row, the row as read for an unchanged or rejected one.
func (w *importWizard) storedCell(it *sheets.PlanItem, col int, branches map[int64]string) string {
	m := it.Member
	if m == nil {
		m = &it.Row.Member
	}
	switch col {
	case colLine:
		return w.sheetOf(it.Row) + fmt.Sprint(it.Row.Line)
	case colAction:
		return it.Action.String()
	case colName:
		return m.Name
	case colGender:
		return m.Gender
	case colID:
		return w.wb.ShowID(m.IDNumber)
	case colBirth:
		return ui.DayText(m.Birth)
	case colCategory:
		return m.Category
	case colJoined:
		return ui.DayText(m.Joined)
	case colFull:
		return ui.DayText(m.Full)
	case colBranch:
		return storedBranch(it, m, branches)
	case colPhone:
		return w.wb.ShowPhone(m.Phone)
	}
	return w.storedNotes(it)
}

// storedBranch is the branch the row lands in: the stored one it was matched or merged into,
// or the one the import creates.
func storedBranch(it *sheets.PlanItem, m *data.Member, branches map[int64]string) string {
	if it.Action == sheets.ActionRejected || it.Action == sheets.ActionUnchanged {
		return m.BranchName
	}
	if it.NewBranch != "" {
		return it.NewBranch + "（新建）"
	}
	if name, ok := branches[m.BranchID]; ok {
		return name
	}
	return m.BranchName
}

// storedNotes are the row's reasons (rejected) or its changes and notes, in one line.
func (w *importWizard) storedNotes(it *sheets.PlanItem) string {
	var out []string
	if it.Action == sheets.ActionRejected {
		for _, e := range it.Errors {
			out = append(out, "“"+e.Column+"”："+wizardReason(e, it.Row.Member.BranchName))
		}
		return strings.Join(out, "；")
	}
	if it.Action == sheets.ActionUpdate {
		out = append(out, "更新："+strings.Join(it.Changes, "、"))
	}
	return strings.Join(append(out, sheets.NoteTexts(it.Notes)...), "；")
}

// cellImportance colours a rejected row's result and reasons red and a warned row's notes
// as a warning; the values stay plain.
func cellImportance(it *sheets.PlanItem, col int) widget.Importance {
	if col != colAction && col != colNotes {
		return widget.MediumImportance
	}
	switch {
	case it.Action == sheets.ActionRejected:
		return widget.DangerImportance
	case it.Flagged() && col == colNotes:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

func orNone(s string) string {
	if s == "" {
		return "无"
	}
	return s
}
