package ui

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Chinese line breaking. Fyne's word wrap breaks a line at its last space and, in a line with
// no spaces (every Chinese sentence), at whatever character reaches the edge: a message broke
// inside a name (“胡 / 斌”) and, at the spaces data's messages put around figures, between a
// number and its unit (任期 3 / 年). A word joiner (U+2060) does not help: Fyne only looks for
// spaces. So the app's messages break here, by the rules of Chinese typesetting: between two
// characters, never before a closing mark (，。、：”）…) or after an opening one (“（《), never
// inside a short quotation (a name, a branch, a file), nor inside a run of Latin letters and
// figures (2026-11-28, 13/19) or between a figure and the unit after it (3年, 3 年, A岗).

// quoteRunes pairs the opening marks whose content is kept on one line with their closing ones.
var quoteRunes = map[rune]rune{'“': '”', '‘': '’', '《': '》', '「': '」', '『': '』', '【': '】', '（': '）', '(': ')'}

// maxQuote is the longest quotation kept whole: names of persons, branches, posts and files
// fit; a quoted sentence breaks like any other.
const maxQuote = 16

// closingRunes never start a line.
const closingRunes = "，。、；：？！）》」』】”’…—%,.;:?!)]}·"

// openingRunes never end a line.
const openingRunes = "“‘（《「『【([{"

func isIdeograph(r rune) bool { return unicode.Is(unicode.Han, r) }

// isWordRune is a rune of a Latin word or a figure, which stays with its neighbours.
func isWordRune(r rune) bool {
	switch {
	case r >= 0x80 || unicode.IsSpace(r):
		return false
	case strings.ContainsRune(".,:%", r): // 100.98, 1,000, 10:00, 100%
		return true
	}
	return !strings.ContainsRune(openingRunes+closingRunes, r)
}

// isLetterOrDigit is an ASCII letter or figure: what comes after it (3年, A岗) stays with it.
func isLetterOrDigit(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// lineStarts says for each rune of text whether a line may start there (index 0 always may).
func lineStarts(text []rune) []bool {
	ok := make([]bool, len(text)+1)
	ok[0], ok[len(text)] = true, true
	for i := 1; i < len(text); i++ {
		ok[i] = mayBreak(text, i)
	}
	// A short quotation stays on one line: no break after its opening mark up to its closing one.
	for i, r := range text {
		end, isQuote := quoteRunes[r]
		if !isQuote {
			continue
		}
		for j := i + 1; j < len(text) && j <= i+maxQuote+1; j++ {
			if text[j] == end {
				for k := i + 1; k <= j; k++ {
					ok[k] = false
				}
				break
			}
		}
	}
	return ok
}

// mayBreak tells whether a line may end before text[i].
func mayBreak(text []rune, i int) bool {
	prev, next := text[i-1], text[i]
	switch {
	case unicode.IsSpace(next):
		return false // break after the spaces, which end the line unseen
	case unicode.IsSpace(prev):
		j := i - 1
		for j > 0 && unicode.IsSpace(text[j]) {
			j--
		}
		// 3 年: the space between a figure and its unit is no place to break.
		return !(isWordRune(text[j]) && unicode.IsDigit(text[j]) && isIdeograph(next))
	case strings.ContainsRune(closingRunes, next), strings.ContainsRune(openingRunes, prev):
		return false
	case isWordRune(prev) && isWordRune(next):
		return false
	case isLetterOrDigit(prev) && isIdeograph(next):
		return false // 3年, 6000行, A岗
	}
	return true
}

// BreakLines breaks text into the lines it is drawn in at width, by the rules above; measure
// gives the drawn width of a piece of text. Newlines in text always start a new line; spaces at
// the end and the start of a line are not drawn. A piece with no break that is wider than a
// line (a long number, a long quotation) is cut where the line is full.
func BreakLines(text string, width float32, measure func(string) float32) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, breakParagraph([]rune(para), width, measure)...)
	}
	return out
}

func breakParagraph(text []rune, width float32, measure func(string) float32) []string {
	if len(text) == 0 {
		return []string{""}
	}
	ok := lineStarts(text)
	fits := func(from, to int) bool {
		return measure(strings.TrimRightFunc(string(text[from:to]), unicode.IsSpace)) <= width
	}
	var lines []string
	start := 0
	for start < len(text) {
		end := -1
		for b := start + 1; b <= len(text); b++ {
			if !ok[b] {
				continue
			}
			if !fits(start, b) {
				break
			}
			end = b
		}
		if end < 0 { // nothing breakable fits: cut where the line is full, at least one rune
			end = start + 1
			for end < len(text) && fits(start, end+1) {
				end++
			}
		}
		lines = append(lines, strings.TrimRightFunc(string(text[start:end]), unicode.IsSpace))
		start = end
		for start < len(text) && unicode.IsSpace(text[start]) {
			start++
		}
	}
	return lines
}

// WrapLabel is a label whose text wraps as Chinese is typeset (BreakLines) instead of by
// Fyne's word wrap: use it for messages — errors, warnings, notes. It is a widget.Label in
// everything else: Text, Importance, TextStyle, Alignment and SetText work the same.
type WrapLabel struct {
	widget.Label
}

// NewWrapLabel is a wrapping message label.
func NewWrapLabel(text string) *WrapLabel {
	l := &WrapLabel{}
	l.Text = text
	l.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

// SetText shows text.
func (l *WrapLabel) SetText(text string) {
	l.Text = text
	l.Refresh()
}

// Refresh redraws the label (widget.Label's own Refresh only knows its own renderer).
func (l *WrapLabel) Refresh() { l.BaseWidget.Refresh() }

// CreateRenderer draws the lines through a RichText with one paragraph a line, so the colours,
// styles and spacing are the same as a label's.
func (l *WrapLabel) CreateRenderer() fyne.WidgetRenderer {
	l.ExtendBaseWidget(l)
	r := &wrapLabelRenderer{l: l, text: widget.NewRichText()}
	r.Refresh()
	return r
}

type wrapLabelRenderer struct {
	l     *WrapLabel
	text  *widget.RichText
	lines []string
}

func (r *wrapLabelRenderer) Destroy() {}

func (r *wrapLabelRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.text} }

// Layout breaks the text for the new width; when that changes the number of lines the label
// asks to be measured again, as a wrapping widget.Label does.
func (r *wrapLabelRenderer) Layout(size fyne.Size) {
	before := len(r.lines)
	r.rebreak(size.Width)
	r.text.Move(fyne.NewPos(0, 0))
	r.text.Resize(size)
	if len(r.lines) != before {
		r.text.Refresh()
		r.l.BaseWidget.Refresh()
	}
}

// MinSize is one character wide, like any wrapping label, and as tall as the lines at the
// current width.
func (r *wrapLabelRenderer) MinSize() fyne.Size {
	th := r.l.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	one := fyne.MeasureText("国", th.Size(theme.SizeNameText), r.l.TextStyle)
	return fyne.NewSize(one.Width+2*pad, r.text.MinSize().Height)
}

func (r *wrapLabelRenderer) Refresh() {
	r.rebreak(r.l.Size().Width)
	r.text.Refresh()
}

// rebreak sets the RichText's rows to the text broken at width (unbroken before the first
// layout, when the width is not known yet).
func (r *wrapLabelRenderer) rebreak(width float32) {
	l := r.l
	th := l.Theme()
	size := th.Size(theme.SizeNameText)
	inner := width - 2*th.Size(theme.SizeNameInnerPadding)
	if width <= 0 || inner <= 0 {
		r.lines = strings.Split(l.Text, "\n")
	} else {
		r.lines = BreakLines(l.Text, inner, func(s string) float32 { return fyne.MeasureText(s, size, l.TextStyle).Width })
	}
	style := widget.RichTextStyle{Alignment: l.Alignment, ColorName: importanceColor(l.Importance), TextStyle: l.TextStyle, SizeName: theme.SizeNameText}
	segs := make([]widget.RichTextSegment, len(r.lines))
	for i, line := range r.lines {
		segs[i] = &widget.TextSegment{Text: line, Style: style}
	}
	r.text.Segments = segs
}

// importanceColor is the text colour a widget.Label gives an importance.
func importanceColor(imp widget.Importance) fyne.ThemeColorName {
	switch imp {
	case widget.LowImportance:
		return theme.ColorNameDisabled
	case widget.HighImportance:
		return theme.ColorNamePrimary
	case widget.DangerImportance:
		return theme.ColorNameError
	case widget.WarningImportance:
		return theme.ColorNameWarning
	case widget.SuccessImportance:
		return theme.ColorNameSuccess
	}
	return theme.ColorNameForeground
}
