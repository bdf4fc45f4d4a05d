package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Screen is one entry of the navigation rail and the page it opens.
type Screen struct {
	Title string        // shown in the rail, e.g. "党员花名册"
	Icon  fyne.Resource // optional rail icon
	// Build makes the page. It runs once, on the first visit; the page is kept
	// afterwards so half-typed filters and scroll positions survive switching.
	Build func() fyne.CanvasObject
	// Badge, if set, returns a short text shown beside the title (e.g. "3" open
	// gaps); "" hides it. It runs on RefreshBadges and on every switch, on the
	// main goroutine, so it must be quick.
	Badge func() string
	// BadgeTip says what the badge counts, shown while the pointer is over it, e.g.
	// "未来一周有 1 个空岗日"; it gets the badge's text.
	BadgeTip func(badge string) string
}

// Shell is the main window layout: navigation rail on the left, the current
// screen on the right, a status line at the bottom.
type Shell struct {
	screens []Screen
	built   []fyne.CanvasObject
	badges  []string
	current int
	// left are what each screen asked to run when the person leaves it (WhenLeft): its own
	// error lines are about work on that screen and would be stale on return.
	left [][]func()
	// idle is the status line's text when no screen has anything to say (SetIdleStatus).
	idle string

	rail    *widget.List
	content *fyne.Container
	status  *widget.Label
	root    fyne.CanvasObject
}

// NewShell lays out screens in w, sets it as w's content, registers
// Ctrl+1 … Ctrl+9 (Cmd on macOS) for the first nine screens and shows the first one.
func NewShell(w fyne.Window, screens []Screen) *Shell {
	s := &Shell{
		screens: screens,
		built:   make([]fyne.CanvasObject, len(screens)),
		badges:  make([]string, len(screens)),
		left:    make([][]func(), len(screens)),
		current: -1,
		content: container.NewStack(),
		status:  widget.NewLabel(""),
	}
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.rail = widget.NewList(
		func() int { return len(s.screens) },
		s.createRailItem,
		s.updateRailItem,
	)
	s.rail.OnSelected = s.Show

	header := widget.NewLabelWithStyle("党建融合工作台", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	left := container.NewBorder(nil, nil, nil, widget.NewSeparator(), container.NewBorder(header, nil, nil, nil, s.rail))
	bottom := container.NewBorder(widget.NewSeparator(), nil, nil, nil, s.status)
	s.root = container.NewBorder(nil, bottom, left, nil, s.content)

	for i := range min(len(screens), 9) {
		sc := &desktop.CustomShortcut{KeyName: fyne.KeyName(strconv.Itoa(i + 1)), Modifier: fyne.KeyModifierShortcutDefault}
		w.Canvas().AddShortcut(sc, func(fyne.Shortcut) {
			if w.Canvas().Overlays().Top() == nil { // behind an open dialog the screen stays
				s.Show(i)
			}
		})
	}
	w.SetContent(s.root)
	s.Show(0)
	return s
}

// Show switches to screen i, building it on its first visit. Out-of-range
// indexes are ignored, so a shortcut for a missing screen does nothing.
func (s *Shell) Show(i int) {
	if i < 0 || i >= len(s.screens) {
		return
	}
	if i != s.current {
		if s.current >= 0 {
			for _, f := range s.left[s.current] {
				f()
			}
			s.status.SetText(s.idle) // a message about the screen left is stale on the next
		}
		s.current = i
		if s.built[i] == nil {
			s.built[i] = s.screens[i].Build()
		}
		s.content.Objects = []fyne.CanvasObject{s.built[i]}
		s.content.Refresh()
		s.RefreshBadges()
	}
	s.rail.Select(i) // a no-op when the rail already shows i, which ends the OnSelected loop
}

// Page returns the page on show (nil before the first Show); window-wide shortcuts of a screen
// act only while its page is on show.
func (s *Shell) Page() fyne.CanvasObject {
	if len(s.content.Objects) != 1 {
		return nil
	}
	return s.content.Objects[0]
}

// WhenLeft runs f each time the person leaves the screen being built (call it from a Build):
// a screen clears its own error lines with it.
func (s *Shell) WhenLeft(f func()) {
	if s.current >= 0 {
		s.left[s.current] = append(s.left[s.current], f)
	}
}

// Title is screen i's name in the rail.
func (s *Shell) Title(i int) string { return s.screens[i].Title }

// Current returns the index of the screen on show.
func (s *Shell) Current() int { return s.current }

// SetStatus replaces the text of the status line. Call it on the main
// goroutine; from background work wrap it in fyne.Do.
func (s *Shell) SetStatus(text string) { s.status.SetText(text) }

// SetIdleStatus sets the status line and the text it goes back to when the person switches
// screens (the database path).
func (s *Shell) SetIdleStatus(text string) {
	s.idle = text
	s.status.SetText(text)
}

// Status returns the text of the status line.
func (s *Shell) Status() string { return s.status.Text }

// Content returns the shell's root object (already set as the window content).
func (s *Shell) Content() fyne.CanvasObject { return s.root }

// RefreshBadges asks every screen for its badge text and redraws the rail.
func (s *Shell) RefreshBadges() {
	for i, sc := range s.screens {
		s.badges[i] = ""
		if sc.Badge != nil {
			s.badges[i] = sc.Badge()
		}
	}
	s.rail.Refresh()
}

// Badge returns the badge text last shown for screen i.
func (s *Shell) Badge(i int) string {
	if i < 0 || i >= len(s.badges) {
		return ""
	}
	return s.badges[i]
}

// createRailItem sizes the template with the longest title and a two-digit
// badge, so the rail is wide enough for every entry without truncating.
func (s *Shell) createRailItem() fyne.CanvasObject {
	longest := ""
	for _, sc := range s.screens {
		if len([]rune(sc.Title)) > len([]rune(longest)) {
			longest = sc.Title
		}
	}
	return newRailItem(theme.DocumentIcon(), longest, "99")
}

func (s *Shell) updateRailItem(id widget.ListItemID, item fyne.CanvasObject) {
	sc := s.screens[id]
	r := item.(*railItem)
	r.set(sc.Icon, sc.Title, s.badges[id])
	r.badge.tip = ""
	if sc.BadgeTip != nil && s.badges[id] != "" {
		r.badge.tip = sc.BadgeTip(s.badges[id])
	}
}

// railItem is one row of the navigation rail: icon, title and a badge — a
// small red pill with white text, the look users know from unread counters.
type railItem struct {
	widget.BaseWidget
	icon      *widget.Icon
	title     *widget.Label
	badgeBG   *canvas.Rectangle
	badgeText *canvas.Text
	badge     *badgePill
}

func newRailItem(icon fyne.Resource, title, badge string) *railItem {
	r := &railItem{
		icon:      widget.NewIcon(nil),
		title:     widget.NewLabel(""),
		badgeBG:   canvas.NewRectangle(PartyRed),
		badgeText: canvas.NewText("", theme.Color(theme.ColorNameForegroundOnPrimary)),
	}
	r.badgeBG.CornerRadius = 9
	r.badgeText.TextStyle = fyne.TextStyle{Bold: true}
	r.badgeText.TextSize = theme.CaptionTextSize()
	r.badge = &badgePill{pill: container.NewCenter(container.NewStack(r.badgeBG, container.NewCenter(r.badgeText)))}
	r.badge.ExtendBaseWidget(r.badge)
	r.ExtendBaseWidget(r)
	r.set(icon, title, badge)
	return r
}

// set updates the row; a nil icon or an empty badge hides that part.
func (r *railItem) set(icon fyne.Resource, title, badge string) {
	r.title.SetText(title)
	if icon != nil {
		r.icon.SetResource(icon)
		r.icon.Show()
	} else {
		r.icon.Hide()
	}
	if badge == "" {
		r.badge.Hide()
		return
	}
	r.badgeText.Text = badge
	r.badgeBG.SetMinSize(fyne.NewSize(max(r.badgeText.MinSize().Width+10, 18), 18))
	r.badgeText.Refresh()
	r.badge.Show()
	r.badge.Refresh()
}

// CreateRenderer lays the row out as icon | title | badge.
func (r *railItem) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, r.icon, r.badge, r.title))
}

// badgePill is the rail's red counter; with the pointer over it, it says what it counts (Fyne
// has no tooltips: a small pop-up under the pill stands in for one).
type badgePill struct {
	widget.BaseWidget
	pill *fyne.Container
	tip  string
	pop  *widget.PopUp
}

func (b *badgePill) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(b.pill) }

// MouseIn shows the tip under the pill.
func (b *badgePill) MouseIn(*desktop.MouseEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if b.tip == "" || c == nil {
		return
	}
	b.pop = widget.NewPopUp(widget.NewLabel(b.tip), c)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	b.pop.ShowAtPosition(at.Add(fyne.NewPos(0, b.Size().Height)))
}

// MouseMoved keeps the tip while the pointer stays over the pill.
func (b *badgePill) MouseMoved(*desktop.MouseEvent) {}

// MouseOut takes the tip away.
func (b *badgePill) MouseOut() {
	if b.pop != nil {
		b.pop.Hide()
		b.pop = nil
	}
}
