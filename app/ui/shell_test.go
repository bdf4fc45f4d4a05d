package ui_test

import (
	"testing"

	"dangjian/app/apptest"
	"dangjian/app/ui"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var placeholderTitles = []string{"组织机构", "党员花名册", "AB岗", "模范机关"}

// placeholderScreens returns the four top screens as labels; builds[i] counts
// how often screen i was built.
func placeholderScreens(builds *[4]int) []ui.Screen {
	icons := []fyne.Resource{theme.HomeIcon(), theme.AccountIcon(), theme.MailForwardIcon(), theme.ConfirmIcon()}
	screens := make([]ui.Screen, len(placeholderTitles))
	for i, title := range placeholderTitles {
		screens[i] = ui.Screen{
			Title: title,
			Icon:  icons[i],
			Build: func() fyne.CanvasObject {
				builds[i]++
				return widget.NewLabel(title + " 即将推出")
			},
		}
	}
	return screens
}

// shown returns the text of the placeholder label on show, or "" when the
// content area holds something else.
func shown(s *ui.Shell) string {
	if l, ok := s.Page().(*widget.Label); ok && l.Visible() {
		return l.Text
	}
	return ""
}

// findLabel returns the visible label with the given text and its position on
// the canvas, walking the tree as it is drawn (the driver's own position lookup
// does not see into the list's recycled rows).
func findLabel(t *testing.T, root fyne.CanvasObject, text string) (*widget.Label, fyne.Position) {
	t.Helper()
	var walk func(o fyne.CanvasObject, at fyne.Position) (*widget.Label, fyne.Position)
	walk = func(o fyne.CanvasObject, at fyne.Position) (*widget.Label, fyne.Position) {
		if !o.Visible() {
			return nil, fyne.Position{}
		}
		at = at.Add(o.Position())
		var children []fyne.CanvasObject
		switch o := o.(type) {
		case *widget.Label:
			if o.Text == text {
				return o, at
			}
		case *fyne.Container:
			children = o.Objects
		case fyne.Widget:
			children = test.WidgetRenderer(o).Objects()
		}
		for _, c := range children {
			if l, p := walk(c, at); l != nil {
				return l, p
			}
		}
		return nil, fyne.Position{}
	}
	l, p := walk(root, fyne.Position{})
	if l == nil {
		t.Fatalf("no visible label %q", text)
	}
	return l, p
}

func newTestShell(t *testing.T, builds *[4]int) (fyne.Window, *ui.Shell) {
	apptest.NewTestApp(t)
	w := test.NewTempWindow(t, nil)
	s := ui.NewShell(w, placeholderScreens(builds))
	w.Resize(fyne.NewSize(900, 600))
	return w, s
}

func TestShellShowsFirstScreenAndBuildsOnlyIt(t *testing.T) {
	var builds [4]int
	w, s := newTestShell(t, &builds)

	if got := shown(s); got != "组织机构 即将推出" {
		t.Fatalf("first screen on show = %q, want 组织机构", got)
	}
	if s.Current() != 0 {
		t.Errorf("Current() = %d, want 0", s.Current())
	}
	if builds != [4]int{1, 0, 0, 0} {
		t.Errorf("builds after start = %v, want only the first screen built", builds)
	}
	if w.Content() != s.Content() {
		t.Error("ui.NewShell did not set the window content")
	}
}

func TestShellTapRailSwitchesScreen(t *testing.T) {
	var builds [4]int
	w, s := newTestShell(t, &builds)

	_, pos := findLabel(t, w.Content(), "党员花名册")
	test.TapCanvas(w.Canvas(), pos.Add(fyne.NewPos(5, 5)))

	if got := shown(s); got != "党员花名册 即将推出" {
		t.Fatalf("after tapping 党员花名册 the content is %q", got)
	}
	if s.Current() != 1 {
		t.Errorf("Current() = %d, want 1", s.Current())
	}
}

func TestShellShortcutsSwitchAndBuildOnce(t *testing.T) {
	var builds [4]int
	w, s := newTestShell(t, &builds)
	press := func(key fyne.KeyName) {
		w.Canvas().(fyne.Shortcutable).TypedShortcut(
			&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
	}

	for _, step := range []struct {
		key  fyne.KeyName
		want string
	}{
		{fyne.Key3, "AB岗 即将推出"},
		{fyne.Key4, "模范机关 即将推出"},
		{fyne.Key2, "党员花名册 即将推出"},
		{fyne.Key3, "AB岗 即将推出"},
		{fyne.Key1, "组织机构 即将推出"},
		{fyne.Key9, "组织机构 即将推出"}, // no ninth screen: nothing happens
	} {
		press(step.key)
		if got := shown(s); got != step.want {
			t.Fatalf("after Ctrl+%s the content is %q, want %q", step.key, got, step.want)
		}
	}
	if builds != [4]int{1, 1, 1, 1} {
		t.Errorf("builds = %v, want each screen built exactly once", builds)
	}
}

func TestShellBadgesAndStatus(t *testing.T) {
	apptest.NewTestApp(t)
	gaps := "3"
	screens := placeholderScreens(new([4]int))
	screens[2].Badge = func() string { return gaps }
	w := test.NewTempWindow(t, nil)
	s := ui.NewShell(w, screens)
	w.Resize(fyne.NewSize(900, 600))

	if got := s.Badge(2); got != "3" {
		t.Errorf("badge of AB岗 = %q, want 3", got)
	}
	if got := s.Badge(0); got != "" {
		t.Errorf("badge of 组织机构 = %q, want none", got)
	}
	gaps = ""
	s.RefreshBadges()
	if got := s.Badge(2); got != "" {
		t.Errorf("badge after the gaps closed = %q, want none", got)
	}

	s.SetStatus("已导入 12 名党员")
	findLabel(t, w.Content(), "已导入 12 名党员")
	if s.Status() != "已导入 12 名党员" {
		t.Errorf("Status() = %q", s.Status())
	}
}
