package roster

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
	"dangjian/data"
)

// rsRoster shows the roster screen in the workbench window and waits for the whole roster.
func rsRoster(t *testing.T, wb *ui.Workbench) *Screen {
	t.Helper()
	r := Open(wb)
	// The test driver runs fyne.Do at once on the loading goroutine, so the window is laid out
	// only after the load, never beside it.
	rsWait(t, r)
	wb.Window.SetContent(r.root)
	return r
}

// rsDemo opens the demo institute at size and shows its whole roster.
func rsDemo(t *testing.T, size fyne.Size) (*ui.Workbench, *Screen) {
	t.Helper()
	wb := apptest.Demo(t, size)
	return wb, rsRoster(t, wb)
}

func rsWait(t *testing.T, r *Screen) {
	t.Helper()
	apptest.Settle(t, "roster load", r.Settled())
}

func TestRosterSearchNarrowsTheCount(t *testing.T) {
	wb, r := rsDemo(t, fyne.NewSize(1280, 720))
	all, _ := wb.Store.Members(context.Background(), data.MemberFilter{})
	if want := fmt.Sprintf("共 %d 人", len(all)); r.count.Text != want {
		t.Fatalf("count = %q, want %q", r.count.Text, want)
	}
	m := all[137]
	test.Type(r.search, m.IDNumber[:14])
	if r.count.Text != "共 1 人" {
		t.Errorf("after typing 14 digits of %s's ID number the count is %q, want 共 1 人", m.Name, r.count.Text)
	}
	r.search.SetText("")
	surname := []rune(m.Name)[:1]
	test.Type(r.search, string(surname))
	same := 0
	for _, x := range all {
		if strings.Contains(x.Name, string(surname)) {
			same++
		}
	}
	if want := fmt.Sprintf("共 %d 人", same); r.count.Text != want || same == len(all) {
		t.Errorf("typing %q: count %q, want %q (of %d)", string(surname), r.count.Text, want, len(all))
	}
	// The branch filter takes in the branches under a general branch.
	r.search.SetText("")
	apptest.Choose(t, r.branch, "强磁场科学中心党总支")
	orgs, _ := wb.Store.Orgs(context.Background())
	var gb int64
	for _, o := range orgs {
		if o.Name == "强磁场科学中心党总支" {
			gb = o.ID
		}
	}
	under, _ := wb.Store.Members(context.Background(), data.MemberFilter{BranchID: gb})
	if want := fmt.Sprintf("共 %d 人", len(under)); r.count.Text != want || len(under) < 20 {
		t.Errorf("branch filter: count %q, want %q", r.count.Text, want)
	}
}

func TestRosterSortsOnHeaderTap(t *testing.T) {
	_, r := rsDemo(t, fyne.NewSize(1280, 720))
	header := rsButton(r.root, "出生日期")
	if header == nil {
		t.Fatal("no 出生日期 header")
	}
	test.Tap(header)
	first, last := r.idx.At(r.view[0]), r.idx.At(r.view[len(r.view)-1])
	if !first.Birth.Before(last.Birth) || header.Text != "出生日期 ▲" {
		t.Fatalf("after one tap: first born %s, last %s, header %q", ui.DayText(first.Birth), ui.DayText(last.Birth), header.Text)
	}
	test.Tap(header)
	first = r.idx.At(r.view[0])
	if first.Birth.Before(last.Birth) || header.Text != "出生日期 ▼" {
		t.Fatalf("after the second tap the oldest is still first (%s), header %q", ui.DayText(first.Birth), header.Text)
	}
	// Sorting survives a search.
	test.Type(r.search, "张")
	for i := 1; i < len(r.view); i++ {
		if r.idx.At(r.view[i-1]).Birth.Before(r.idx.At(r.view[i]).Birth) {
			t.Fatal("search lost the descending birth order")
		}
	}
}

// rsButton finds a visible button whose text starts with text.
func rsButton(o fyne.CanvasObject, text string) *widget.Button {
	for _, b := range apptest.FindAll[*widget.Button](o) {
		if strings.HasPrefix(b.Text, text) {
			return b
		}
	}
	return nil
}

func TestRosterMasksNumbersUntilRevealed(t *testing.T) {
	wb, r := rsDemo(t, fyne.NewSize(1600, 720))
	m := r.idx.At(r.view[0])
	if apptest.Shows(r.root, m.IDNumber) || !apptest.Shows(r.root, m.IDNumber[:4]+"**********") {
		t.Fatalf("first row's ID number %s is not masked", m.IDNumber)
	}
	test.Tap(r.reveal)
	if r.reveal.Checked || apptest.Shows(r.root, m.IDNumber) {
		t.Fatal("numbers revealed before the user confirmed")
	}
	apptest.Tap(t, wb.Window, "确定")
	rsWait(t, r) // confirming tells every screen to reload
	if !r.reveal.Checked || !apptest.Shows(r.root, m.IDNumber) {
		t.Fatal("after 确定 the full ID number is not shown")
	}
	test.Tap(r.reveal) // untick: masked again
	if apptest.Shows(r.root, m.IDNumber) {
		t.Fatal("unticking 显示完整号码 did not mask the numbers again")
	}
}

func TestRosterKeyboard(t *testing.T) {
	wb, r := rsDemo(t, fyne.NewSize(1280, 720))
	c := wb.Window.Canvas()
	c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if c.Focused() != r.search {
		t.Fatal("Ctrl+F did not focus the search box")
	}
	r.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	r.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	second := r.idx.At(r.view[1])
	if r.selected != second.PersonID {
		t.Fatalf("two ↓ presses selected person %d, want the second row %s", r.selected, second.Name)
	}
	r.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !apptest.Shows(c.Overlays().Top(), "编辑党员 · "+second.Name) {
		t.Fatal("Enter did not open the member form")
	}
	if f := rsButton(c.Overlays().Top(), "取消"); f != nil {
		test.Tap(f)
	}
	// Ctrl+F with the focus in the table goes to the window, as a focused widget would swallow it.
	c.Focus(r.table)
	r.table.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if c.Focused() != r.search {
		t.Fatal("Ctrl+F in the table did not focus the search box")
	}
	// Ctrl+N with the focus in the search box still opens a new member form.
	c.Focus(r.search)
	r.search.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault})
	if top := c.Overlays().Top(); top == nil || rsButton(top, "保存") == nil {
		t.Fatal("Ctrl+N did not open the member form")
	}
}

// Type a name in the search box and press Enter: the first hit opens; ↓ moves into the table.
func TestRosterSearchEnterOpensFirstHit(t *testing.T) {
	wb, r := rsDemo(t, fyne.NewSize(1280, 720))
	c := wb.Window.Canvas()
	target := r.idx.At(r.view[5])
	c.Focus(r.search)
	test.Type(r.search, target.Name)
	if len(r.view) == 0 || r.selected != 0 {
		t.Fatalf("search for %s: %d hits, selected %d", target.Name, len(r.view), r.selected)
	}
	first := r.idx.At(r.view[0])
	r.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !apptest.Shows(c.Overlays().Top(), "编辑党员 · "+first.Name) {
		t.Fatalf("Enter in the search box did not open the first hit %s", first.Name)
	}
	test.Tap(rsButton(c.Overlays().Top(), "取消"))

	r.search.SetText("")
	r.selected = 0
	r.apply()
	c.Focus(r.search)
	r.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if c.Focused() != r.table || r.selected != r.idx.At(r.view[0]).PersonID {
		t.Fatal("↓ in the search box did not move into the table on the first row")
	}
	r.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if r.selected != r.idx.At(r.view[1]).PersonID {
		t.Fatal("↓ in the table after the search box did not move to the second row")
	}
}

// A chosen branch is readable in its filter, indent and all, not cut to "人事处…".
func TestRosterBranchFilterShowsTheWholeName(t *testing.T) {
	_, r := rsDemo(t, fyne.NewSize(1280, 720))
	var label string
	for _, o := range r.branch.Options {
		if strings.TrimSpace(strings.ReplaceAll(o, "　", " ")) == "超导托卡马克实验室第一党支部" {
			label = o
		}
	}
	r.branch.SetSelected(label)
	need := fyne.MeasureText(label, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding() + theme.IconInlineSize()
	if got := r.branch.Size().Width; got < need {
		t.Errorf("the branch filter is %.0f px wide, %q needs %.0f", got, label, need)
	}
}

func TestScreenshotRoster(t *testing.T) {
	_, r := rsDemo(t, fyne.NewSize(1280, 720))
	r.sortBy(0)
	apptest.SaveScreenshot(t, "roster", r.root, fyne.NewSize(1280, 720), "姓名 ▲", "所在党支部", "党籍状态", "白艳晨", "5101**********3016")
}
