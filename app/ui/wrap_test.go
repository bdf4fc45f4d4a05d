package ui_test

import (
	"errors"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/apptest"
	"dangjian/app/ui"
)

// rows reads the lines a label draws, top to bottom, from the texts its renderer lays out.
func rows(o fyne.CanvasObject) []string {
	byY := map[float32]string{}
	var walk func(o fyne.CanvasObject, at fyne.Position)
	walk = func(o fyne.CanvasObject, at fyne.Position) {
		if !o.Visible() {
			return
		}
		at = at.Add(o.Position())
		if t, ok := o.(*canvas.Text); ok {
			byY[at.Y] += t.Text
			return
		}
		for _, k := range apptest.ChildrenOf(o) {
			walk(k, at)
		}
	}
	walk(o, fyne.Position{})
	var ys []float32
	for y := range byY {
		ys = append(ys, y)
	}
	sort.Slice(ys, func(i, j int) bool { return ys[i] < ys[j] })
	var out []string
	for _, y := range ys {
		if byY[y] != "" {
			out = append(out, byY[y])
		}
	}
	return out
}

// splitInside tells whether some line ends inside one of the pieces: the piece is cut between
// two lines.
func splitInside(lines []string, pieces ...string) string {
	for i := 0; i+1 < len(lines); i++ {
		joint := lines[i] + "|" + lines[i+1]
		for _, p := range pieces {
			for k := 1; k < len([]rune(p)); k++ {
				r := []rune(p)
				if strings.Contains(joint, string(r[:k])+"|"+string(r[k:])) {
					return p
				}
			}
		}
	}
	return ""
}

const undoRefusal = "导入后以下记录又被修改过，撤销会丢掉这些修改，因此未撤销：“胡斌”“欧阳晓明”。请先手工核对这些记录；新一届支委会任期 3 年，已逾期 12 天，共 386 人。"

// Over a range of widths a message never breaks inside a quoted name, between a figure and its
// unit, or before a closing mark. Fyne's own word wrap does, with or without word joiners
// (U+2060) around the name: it breaks only at spaces and otherwise wherever the line is full.
func TestWrapLabelBreaksBetweenClausesNotInsideNames(t *testing.T) {
	apptest.NewTestApp(t)
	pieces := []string{"“胡斌”", "“欧阳晓明”", "3 年", "12 天", "386 人", "销：", "录。"}
	fyneSplits := map[string]bool{}
	for w := float32(120); w <= 520; w += 7 {
		l := ui.NewWrapLabel(undoRefusal)
		l.Resize(fyne.NewSize(w, 400))
		lines := rows(l)
		if len(lines) < 2 && w < 400 {
			t.Fatalf("at %v px the message is drawn on %d line(s): %q", w, len(lines), lines)
		}
		if strings.ReplaceAll(strings.Join(lines, ""), " ", "") != strings.ReplaceAll(undoRefusal, " ", "") {
			t.Errorf("at %v px the lines %q lose text of %q", w, lines, undoRefusal)
		}
		if p := splitInside(lines, pieces...); p != "" {
			t.Errorf("at %v px a line ends inside %q: %q", w, p, lines)
		}
		for _, line := range lines {
			if line != "" && strings.ContainsRune("，。、；：”）", []rune(line)[0]) {
				t.Errorf("at %v px a line starts with a closing mark: %q", w, line)
			}
		}

		plain := widget.NewLabel(strings.ReplaceAll(strings.ReplaceAll(undoRefusal, "“胡斌”", "“\u2060胡\u2060斌\u2060”"), " ", ""))
		plain.Wrapping = fyne.TextWrapWord
		plain.Resize(fyne.NewSize(w, 400))
		if p := splitInside(strippedRows(plain), "“胡斌”", "3年"); p != "" {
			fyneSplits[p] = true
		}
	}
	if !fyneSplits["“胡斌”"] || !fyneSplits["3年"] {
		t.Errorf("Fyne's own word wrap no longer splits “胡斌” or 3年 (it split %v): the word joiners may do now", fyneSplits)
	}
}

// strippedRows is rows without the word joiners.
func strippedRows(o fyne.CanvasObject) []string {
	var out []string
	for _, r := range rows(o) {
		out = append(out, strings.ReplaceAll(r, "\u2060", ""))
	}
	return out
}

// A wrapping label in a window asks for the height of its lines and reads as the text set.
func TestWrapLabelInAWindow(t *testing.T) {
	apptest.NewTestApp(t)
	l := ui.NewWrapLabel(undoRefusal)
	l.Importance = widget.DangerImportance
	w := test.NewTempWindow(t, container.NewVBox(l))
	w.Resize(fyne.NewSize(300, 500))
	if n := len(rows(l)); n < 3 {
		t.Fatalf("at 300 px the message has %d lines: %q", n, rows(l))
	}
	if h := l.MinSize().Height; h < float32(len(rows(l)))*18 {
		t.Errorf("the label asks for %v px height for %d lines", h, len(rows(l)))
	}
	l.SetText("已保存")
	if got := rows(l); len(got) != 1 || got[0] != "已保存" {
		t.Errorf("after SetText the label draws %q", got)
	}
	if !apptest.Shows(w.Content(), "已保存") {
		t.Errorf("the window's texts %q do not show the label", apptest.Texts(w.Content()))
	}
}

// dialogWindow is a 1024×700 window (the smallest the app is used in) with a workbench
// whose dialogs the tests read.
func dialogWindow(t *testing.T) (fyne.Window, *ui.Workbench) {
	t.Helper()
	apptest.NewTestApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1024, 700))
	return w, &ui.Workbench{Window: w}
}

// messageOnTop is the label of the top dialog that shows msg — the WrapLabel when there is one,
// else a plain label; nil when none does.
func messageOnTop(w fyne.Window, msg string) fyne.Widget {
	top := w.Canvas().Overlays().Top()
	var l fyne.Widget
	for _, x := range apptest.FindAll[*widget.Label](top) {
		if x.Text == msg {
			l = x
		}
	}
	for _, x := range apptest.FindAll[*ui.WrapLabel](top) {
		if x.Text == msg {
			l = x
		}
	}
	return l
}

// The refusal to undo an import, as the error dialog shows it: the names stay whole, every line
// is drawn inside the dialog.
func TestErrorDialogKeepsNamesWhole(t *testing.T) {
	w, wb := dialogWindow(t)
	msg := "导入后以下记录又被修改过，撤销会丢掉这些修改，因此未撤销：“胡斌”、“欧阳晓明”、“司马相如”。请先手工核对这些记录"
	wb.ShowError("未能撤销", errors.New(msg))
	l := messageOnTop(w, msg)
	if l == nil {
		t.Fatal("the dialog does not show the message")
	}
	lines := rows(l)
	if len(lines) < 2 {
		t.Fatalf("the message is drawn on %d line(s) in a 460 px dialog: %q", len(lines), lines)
	}
	if p := splitInside(lines, "“胡斌”", "“欧阳晓明”", "“司马相如”"); p != "" {
		t.Errorf("a line ends inside %s: %q", p, lines)
	}
	if strings.Join(lines, "") != msg {
		t.Errorf("the dialog draws %q, not the whole message", lines)
	}
	if h, need := l.Size().Height, l.MinSize().Height; h < need {
		t.Errorf("the dialog gives the message %v px of the %v its %d lines need", h, need, len(lines))
	}
}

// A confirmation names what it acts on; the name stays whole and 确定 still confirms.
func TestConfirmKeepsNamesWhole(t *testing.T) {
	w, wb := dialogWindow(t)
	msg := "将用 2026-11-28 10:00 的“导入前”备份替换当前的全部数据，这次导入以及之后的所有修改都会撤回；“欧阳晓明”“司马相如”的修改也会撤回。确定恢复吗？"
	done := false
	wb.Confirm("恢复导入前的备份", msg, func() { done = true })
	l := messageOnTop(w, msg)
	if l == nil {
		t.Fatal("the confirmation does not show the message")
	}
	lines := rows(l)
	if p := splitInside(lines, "“欧阳晓明”", "“司马相如”", "“导入前”", "2026-11-28", "10:00"); p != "" || len(lines) < 2 {
		t.Errorf("a line ends inside %s: %q", p, lines)
	}
	apptest.Tap(t, w, "确定")
	if !done {
		t.Error("确定 did not confirm")
	}
}

// The breaking rules, with every character one unit wide.
func TestBreakLines(t *testing.T) {
	count := func(s string) float32 { return float32(len([]rune(s))) }
	for _, c := range []struct {
		text  string
		width float32
		want  []string
	}{
		// A short quotation stays whole; the closing 。 goes with it.
		{"因此未撤销：“胡斌”。请先核对", 7, []string{"因此未撤销：", "“胡斌”。请先", "核对"}},
		// A figure keeps its unit, with or without the space between them; the space before it
		// is where the line breaks, and it is not drawn.
		{"任期 3 年，共 386 人", 5, []string{"任期", "3 年，共", "386 人"}},
		{"任期3年，共386人", 4, []string{"任期", "3年，共", "386人"}},
		// A date, a score and an A/B post stay whole; a closing mark never starts a line.
		{"于2026-11-28到期", 11, []string{"于", "2026-11-28到", "期"}},
		{"得分100.98分。", 8, []string{"得分", "100.98分。"}},
		{"由A岗办理", 2, []string{"由", "A岗", "办理"}},
		// An opening mark never ends a line; a long quotation breaks like a sentence.
		{
			"请看“这是一段很长的引用文字，不是名字，也不是支部的名称，可以断开”", 12,
			[]string{"请看“这是一段很长的引用", "文字，不是名字，也不是支", "部的名称，可以断开”"},
		},
		// Newlines are kept; a piece wider than a line is cut where the line is full.
		{"第一行\n第二行", 10, []string{"第一行", "第二行"}},
		{"12345678901234", 5, []string{"12345", "67890", "1234"}},
		{"", 5, []string{""}},
	} {
		if got := ui.BreakLines(c.text, c.width, count); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q at %v: %q, want %q", c.text, c.width, got, c.want)
		}
	}
}
