package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Fyne's file dialog (v2.7.1) draws some words without lang.L, so dialog_lang.go cannot reach
// them: the places in its side list ("Home", "Computer", "Desktop" …), the prompt it shows
// before saving over a file ("Overwrite?" / "Are you sure you want to overwrite the file …")
// and its refusals. Off Windows that dialog is the one staff see, so those words are put into
// Chinese on the widgets themselves, through what Fyne exports:
//
//   - a list's UpdateItem and a button's OnTapped are public fields, read at every call. The
//     side list is wrapped so that every row Fyne (re)draws — scrolling, selecting a place —
//     is turned into Chinese as it is drawn; a button is wrapped so that whatever its tap
//     opens (the overwrite prompt, the new-folder form, their refusals) is turned into
//     Chinese before it is ever painted, since a tap and the dialog it shows run in one go
//     on the main goroutine.
//   - the words are Fyne's exact English, so nothing else is touched; a Fyne upgrade that
//     rewords them fails TestFileDialogsSayEveryWordInChinese instead of slipping English in.
//
// The other ways were worse: our own check for an existing file before Fyne's cannot know the
// folder the person went to (Fyne keeps it private); a copy of Fyne's 1 000-line dialog would
// stop getting Fyne's fixes.

// fileDialogWords are Fyne's hard-coded words and ours. Keys are exactly as Fyne draws them
// (ShowError capitalises the first letter of its error). Fyne sizes a message dialog to its
// English text before we translate it, so the Chinese is broken into lines of its own that
// fit that width, rather than left to break inside a phrase.
var fileDialogWords = map[string]string{
	"Home":             "主目录",
	"Computer":         "计算机",
	"Desktop":          "桌面",
	"Documents":        "文档",
	"Downloads":        "下载",
	"Music":            "音乐",
	"Pictures":         "图片",
	"Videos":           "视频",
	"Movies":           "影片",
	"App Files":        "本程序的文件",
	"Overwrite?":       "替换已有的文件？",
	"Cannot overwrite": "不能替换",
	"Files cannot replace a directory,\ncheck the file name and try again": "这个名称已是一个文件夹，\n文件不能替换文件夹。\n请换一个文件名再保存。",
	"Folder cannot be created": "未能新建文件夹。\n请确认这里可以写入，\n名称中没有“/”。",
}

// overwritePrompt is how Fyne asks before saving over a file: the prefix, the name, "?".
const overwritePrompt = "Are you sure you want to overwrite the file\n"

// chineseFileWord is text in Chinese when it is one of Fyne's English words.
func chineseFileWord(text string) (string, bool) {
	if zh, ok := fileDialogWords[text]; ok {
		return zh, true
	}
	if name, ok := strings.CutPrefix(text, overwritePrompt); ok {
		return "“" + strings.TrimSuffix(name, "?") + "”已经存在。\n要用新文件替换它吗？", true
	}
	return "", false
}

// fileDialogTranslator turns into Chinese whatever a file dialog, and what it opens, shows over
// one window: the overlays that were not there before the dialog (the person's own dialog
// beneath is left alone), while the file dialog is open (what the app shows once a file is
// chosen is the app's own, and may hold the person's words).
type fileDialogTranslator struct {
	canvas  fyne.Canvas
	before  map[fyne.CanvasObject]bool
	dialog  fyne.CanvasObject // the file dialog's own overlay, known after the first pass
	wrapped map[fyne.CanvasObject]bool
}

// speakChinese is called just before a file dialog is shown over c; the returned func, called
// once it is shown, puts its words into Chinese and keeps them so.
func speakChinese(c fyne.Canvas) func() {
	t := &fileDialogTranslator{canvas: c, before: map[fyne.CanvasObject]bool{}, wrapped: map[fyne.CanvasObject]bool{}}
	for _, o := range c.Overlays().List() {
		t.before[o] = true
	}
	return t.pass
}

// pass walks the overlays over the file dialog's once, if it is still open.
func (t *fileDialogTranslator) pass() {
	open := false
	var mine []fyne.CanvasObject
	for _, o := range t.canvas.Overlays().List() {
		if t.before[o] {
			continue
		}
		if t.dialog == nil {
			t.dialog = o
		}
		open = open || o == t.dialog
		mine = append(mine, o)
	}
	if !open {
		return
	}
	for _, o := range mine {
		t.walk(o)
	}
}

func (t *fileDialogTranslator) walk(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *widget.Label:
		if zh, ok := chineseFileWord(x.Text); ok {
			x.SetText(zh)
		}
	case *widget.Button:
		t.wrapButton(x)
	case *widget.List:
		t.wrapList(x)
	case *widget.PopUp:
		t.walk(x.Content)
	case *widget.Form:
		for _, it := range x.Items {
			t.walk(it.Widget)
		}
	case *container.Scroll:
		t.walk(x.Content)
	case *container.Split:
		t.walk(x.Leading)
		t.walk(x.Trailing)
	case *fyne.Container:
		for _, k := range x.Objects {
			t.walk(k)
		}
	}
}

// wrapButton makes b's tap translate what it opened, once per button. Its own text is left
// as it is: Fyne's buttons already speak through lang.L, and the path above the files is made
// of buttons named after folders, which may well be called "Documents".
func (t *fileDialogTranslator) wrapButton(b *widget.Button) {
	if t.wrapped[b] || b.OnTapped == nil {
		return
	}
	t.wrapped[b] = true
	tapped := b.OnTapped
	b.OnTapped = func() {
		tapped()
		t.pass()
	}
}

// wrapList makes every row l draws Chinese, and redraws the rows already drawn.
func (t *fileDialogTranslator) wrapList(l *widget.List) {
	if t.wrapped[l] || l.UpdateItem == nil {
		return
	}
	t.wrapped[l] = true
	update := l.UpdateItem
	l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
		update(id, item)
		t.walk(item)
	}
	l.Refresh()
}
