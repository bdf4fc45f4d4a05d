package ui_test

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"dangjian/app/apptest"
	"dangjian/app/ui"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Off Windows the file dialogs are Fyne's. A person opens a sheet, saves one (over one that is
// there, over a folder by mistake), makes a new folder, looks at the options, picks the folder
// for print files: every word drawn over the window is Chinese, file and folder names aside.
func TestFileDialogsSayEveryWordInChinese(t *testing.T) {
	a := apptest.NewTestApp(t)
	home := t.TempDir()
	t.Setenv("HOME", home) // the places Fyne lists: 主目录, 桌面, 文档, 下载
	for _, d := range []string{"Desktop", "Documents", "Downloads"} {
		if err := os.Mkdir(filepath.Join(home, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	sheets := filepath.Join(t.TempDir(), "花名册")
	for _, d := range []string{sheets, filepath.Join(sheets, "导出")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	existing := filepath.Join(sheets, "党员名册.xlsx")
	if err := os.WriteFile(existing, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	a.Preferences().SetString("roster.lastFolder", sheets)
	w := test.NewTempWindow(t, widget.NewLabel("主窗口"))
	w.Resize(fyne.NewSize(1366, 768))
	wb := &ui.Workbench{Window: w}
	// Names on disk are the person's, not the dialog's words: every path component in play.
	names := map[string]bool{"导出": true, "党员名册.xlsx": true, "党员名册": true}
	for _, p := range []string{sheets, home} {
		for _, c := range strings.Split(p, string(filepath.Separator)) {
			names[c] = true
		}
	}
	// Documents: the folder on disk that print files go to, named in the path above the files.
	names["Documents"] = true
	var byLength []string // the longest first: 党员名册.xlsx before 党员名册
	for n := range names {
		if n != "" {
			byLength = append(byLength, n)
		}
	}
	sort.Slice(byLength, func(i, j int) bool { return len(byLength[i]) > len(byLength[j]) })
	english := func(where string) []string {
		t.Helper()
		texts := overlayTexts(w)
		if len(texts) == 0 {
			t.Fatalf("%s: nothing is drawn over the window", where)
		}
		for _, s := range texts {
			bare := s
			for _, n := range byLength {
				bare = strings.ReplaceAll(bare, n, "")
			}
			if latinWord.MatchString(bare) {
				t.Errorf("%s: %q is drawn in English (all texts: %q)", where, s, texts)
			}
		}
		return texts
	}
	shows := func(where string, texts []string, want ...string) {
		t.Helper()
		drawn := strings.Join(texts, "") // a message is drawn line by line
		for _, s := range want {
			if !strings.Contains(drawn, s) {
				t.Errorf("%s: %q is not drawn; it shows %q", where, s, texts)
			}
		}
	}
	top := func() fyne.CanvasObject { return w.Canvas().Overlays().Top() }

	opened := ""
	ui.ChooseFile(wb, []string{".xlsx"}, func(p string) { opened = p })
	texts := english("打开")
	shows("打开", texts, "打开文件", "主目录", "计算机", "桌面", "文档", "下载", "打开", "取消")
	whole := false
	for _, s := range texts {
		if s == "打开 文件" {
			t.Error("the open dialog is titled 打开 文件, two words")
		}
		whole = whole || s == "(上一级)"
	}
	if !whole {
		t.Errorf("the parent folder's tile does not read (上一级) on one line: %q", texts)
	}
	// The new-folder form and the options menu.
	for _, b := range apptest.FindAll[*widget.Button](top()) {
		if b.Text == "" && b.Icon != nil && b.Icon.Name() == theme.FolderNewIcon().Name() {
			test.Tap(b)
		}
	}
	shows("新建文件夹", english("新建文件夹"), "新文件夹", "名称", "新建文件夹", "取消")
	test.Tap(apptest.FindButton(top(), "取消"))
	// The places list redraws its rows when one is picked (主目录, whose folders are the
	// person's): they stay Chinese.
	lists := apptest.FindAll[*widget.List](top())
	if len(lists) == 0 {
		t.Fatal("the open dialog lists no places")
	}
	lists[0].Select(0)
	var places []string
	for _, x := range apptest.FindAll[*canvas.Text](lists[0]) {
		places = append(places, x.Text)
	}
	if strings.Join(places, " ") != "主目录 计算机 桌面 文档 下载" {
		t.Errorf("after picking 主目录 the places read %q", places)
	}
	test.Tap(apptest.FindButton(top(), "取消"))
	if opened != "" || top() != nil {
		t.Fatalf("cancelling opened %q / left %v over the window", opened, top())
	}

	saved := ""
	ui.SaveFile(wb, "党员名册.xlsx", ".xlsx", func(p string) {
		saved = p
		// What the app shows once the file is chosen is its own, words of the person's
		// included: a folder called Documents stays so.
		dialog.ShowInformation("已导出", "Documents", w)
	})
	shows("保存", english("保存"), "保存文件", "主目录", "保存", "取消")
	// Over a folder: refused, in Chinese.
	name := apptest.EntriesOf(top())
	if len(name) != 1 {
		t.Fatalf("the save dialog has %d text fields, want the file name", len(name))
	}
	name[0].SetText("导出")
	test.Tap(apptest.FindButton(top(), "保存"))
	shows("保存到文件夹", english("保存到文件夹"), "不能替换", "文件不能替换文件夹")
	test.Tap(apptest.FindButton(top(), "确定"))
	// Over the sheet that is there: asked, in Chinese, and saved after 是.
	name[0].SetText("党员名册.xlsx")
	test.Tap(apptest.FindButton(top(), "保存"))
	shows("覆盖", english("覆盖"), "替换已有的文件？", "“党员名册.xlsx”已经存在。要用新文件替换它吗？", "是", "否")
	test.Tap(apptest.FindButton(top(), "是"))
	if saved != existing {
		t.Fatalf("saved to %q after 是, want %q", saved, existing)
	}
	if !apptest.HasLabel(top(), "Documents") {
		t.Errorf("the app's own dialog after saving was translated too: %q", apptest.Texts(top()))
	}
	test.Tap(apptest.FindButton(top(), "确定"))

	ui.ChoosePrintFolder(wb, func(string) {})
	shows("打印位置", english("打印位置"), "选择打印文件的保存位置", "主目录", "文档")
}

// latinWord is two Latin letters in a row: an English word among the Chinese.
var latinWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// overlayTexts is every text drawn over w's content (the dialogs), leaving out the file-type
// badges of file icons ("XLSX"), which are the files' own.
func overlayTexts(w fyne.Window) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.FileIcon:
			return
		case *canvas.Text:
			if strings.TrimSpace(x.Text) != "" {
				out = append(out, x.Text)
			}
			return
		}
		for _, k := range apptest.ChildrenOf(o) {
			walk(k)
		}
	}
	for _, o := range w.Canvas().Overlays().List() {
		walk(o)
	}
	return out
}
