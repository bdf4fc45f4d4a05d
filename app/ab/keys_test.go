package ab

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
	"dangjian/data/abpost"
)

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// Ctrl+N opens the form of the tab on show, Ctrl+F goes to the search, Enter edits.
func TestABShortcuts(t *testing.T) {
	wb, a := abOpen(t, fyne.NewSize(1200, 760))
	c := wb.Window.Canvas()
	a.cat.dept.SetSelected("财务处")
	c.Focus(a.cat.table)
	a.cat.table.TypedShortcut(ctrl(fyne.KeyN))
	if got := abTopTexts(wb); !strings.Contains(got, "新增服务事项") {
		t.Fatalf("Ctrl+N on the catalogue should open a new item, got:\n%s", got)
	}
	if got := apptest.FindAll[*widget.SelectEntry](c.Overlays().Top()); len(got) != 1 || got[0].Text != "财务处" {
		t.Fatalf("the new item should be in the department the list shows")
	}
	c.Overlays().Top().Hide()

	a.tabs.SelectIndex(1)
	c.Focus(a.abs.table)
	a.abs.table.TypedShortcut(ctrl(fyne.KeyN))
	if got := abTopTexts(wb); !strings.Contains(got, "登记请假/出差") {
		t.Fatalf("Ctrl+N on 请假登记 should open a new absence, got:\n%s", got)
	}
	c.Overlays().Top().Hide()

	a.abs.table.TypedShortcut(ctrl(fyne.KeyF))
	if a.tabs.SelectedIndex() != 0 || c.Focused() != a.cat.search {
		t.Fatalf("Ctrl+F should show the catalogue with the search focused (tab %d)", a.tabs.SelectedIndex())
	}
	a.cat.dept.SetSelected(abAllDepts)
	test.Type(a.cat.search, "报销")
	a.cat.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := abTopTexts(wb); !strings.Contains(got, "编辑服务事项 · 差旅费报销") {
		t.Fatalf("Enter in the search with one match should edit it, got:\n%s", got)
	}
	c.Overlays().Top().Hide()

	// Enter in the table edits the row under the keyboard cursor.
	c.Focus(a.cat.table)
	a.cat.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := abTopTexts(wb); !strings.Contains(got, "编辑服务事项 · 差旅费报销") {
		t.Fatalf("Enter in the table should edit the row, got:\n%s", got)
	}
}

// Esc closes a dialog through its own 取消 button, also from inside a text field.
func TestEscapeClosesDialogs(t *testing.T) {
	wb, a := abOpen(t, fyne.NewSize(1200, 760))
	ui.InstallEscape(wb.Window)
	c := wb.Window.Canvas()
	a.abs.onNew()
	if c.Overlays().Top() == nil {
		t.Fatal("no form")
	}
	c.Unfocus() // nothing focused: the key goes to the window
	c.(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Overlays().Top() != nil {
		t.Fatal("Esc with nothing focused should close the form")
	}

	showABItemForm(wb, abpost.Item{}, a.cat.depts)
	entries := apptest.FindAll[*ui.EscapeEntry](c.Overlays().Top())
	c.Focus(entries[1])
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Overlays().Top() != nil {
		t.Fatal("Esc in a text field of the form should close it")
	}
	if n := len(a.cat.all); n != 21 {
		t.Fatalf("Esc saved something: %d items", n)
	}

	// A confirmation answers no.
	asked := false
	wb.Confirm("删除", "确定吗？", func() { asked = true })
	c.(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if asked || c.Overlays().Top() != nil {
		t.Fatalf("Esc on a confirmation should close it without doing it (done=%v)", asked)
	}
}

// The import preview shows the whole reason of the selected row under the table.
func TestABImportPreviewShowsTheWholeReason(t *testing.T) {
	apptest.NewTestApp(t)
	long := "A岗：“严芳”不在资产处，全院有 2 位同名人员，无法确定是哪一位；请改填本部门人员，或先在花名册中区分同名人员"
	plan := &abpost.ImportPlan{Rows: []abpost.PlannedRow{
		{ImportRow: abpost.ImportRow{Line: 2}, Action: abpost.ImportNew, Item: abpost.Item{Dept: "财务处", Name: "公务卡还款", AName: "郭涛", BName: "新来的甲"}, NewB: true},
		{ImportRow: abpost.ImportRow{Line: 4}, Action: abpost.ImportRejected, Item: abpost.Item{Dept: "资产处", Name: "办公用房调整", AName: "严芳", BName: "陆晓"}, Errors: []string{long}},
	}, New: 1, Rejected: 1}
	w := test.NewTempWindow(t, abPreviewContent(plan))
	w.Resize(fyne.NewSize(980, 400))
	var table *widget.Table
	var labels []*widget.Label
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Table:
			table = x
		case *widget.Label:
			labels = append(labels, x)
		case *ui.WrapLabel:
			labels = append(labels, &x.Label)
		case *container.Scroll:
			walk(x.Content)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(w.Content())
	if table == nil {
		t.Fatal("no table in the preview")
	}
	table.Select(widget.TableCellID{Row: 1, Col: 0})
	found := false
	for _, l := range labels {
		if strings.Contains(l.Text, long) && strings.Contains(l.Text, "第 4 行") {
			found = true
		}
	}
	if !found {
		t.Fatalf("the selected row's whole reason should show under the table")
	}
}
