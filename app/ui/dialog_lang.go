package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// Fyne's own dialogs (open and save file, confirm, the entry's menu) take their words from
// the system locale. The office PCs are Chinese, but an English Windows — or a locale Fyne
// cannot parse, such as "C" — would put "Open File", "Cancel", "OK" in a Chinese app. The
// words below replace Fyne's English (the fallback for every locale Fyne has no translation
// for) and its terse Simplified Chinese ("好", "不") with the ones our own dialogs use. The
// parent folder's tile reads "(上一级)" as in Windows' Explorer: "(上级文件夹)" is wider than
// the tile and broke into "(上级文件 / 夹)". Words Fyne draws without lang.L: files_words.go.

var dialogWords = []byte(`{
	"Advanced": "高级",
	"Cancel": "取消",
	"Confirm": "确定",
	"Copy": "复制",
	"Create Folder": "新建文件夹",
	"Cut": "剪切",
	"Enter filename": "输入文件名",
	"Error": "出错了",
	"Favourites": "常用位置",
	"File": "文件",
	"Folder": "文件夹",
	"New Folder": "新文件夹",
	"No": "否",
	"OK": "确定",
	"Open": "打开",
	"Paste": "粘贴",
	"Quit": "退出",
	"Redo": "重做",
	"Save": "保存",
	"Select all": "全选",
	"Show Hidden Files": "显示隐藏的文件",
	"Undo": "撤销",
	"Yes": "是",
	"file.name": {"other": "名称"},
	"file.parent": {"other": "上一级"}
}`)

func init() {
	for _, l := range []fyne.Locale{"en", "zh-Hans"} {
		if err := lang.AddTranslationsForLocale(dialogWords, l); err != nil {
			fyne.LogError("无法载入对话框的中文用语", err)
		}
	}
}
