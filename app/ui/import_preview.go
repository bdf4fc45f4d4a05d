package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// The list of an import preview, shared by the roster and organisation imports: one line per
// row worth a look, the refused in red, grouped by kind of remark where the import gives kinds.

// PreviewLine is one row of an import preview as the user reads it.
type PreviewLine struct {
	Text     string
	Refused  bool // the row is not imported: shown in red
	Doubtful bool // the row is imported with a value to check: shown as a warning
}

// previewShown bounds the lines drawn: a 100 000-row file with every row refused would take
// the window down; the full list goes out with 导出错误行.
const previewShown = 300

// AddPreviewLines adds lines to an import preview's box, each wrapped — the reason and its fix
// are the point, an ellipsis would hide them — and a very long list by its head.
func AddPreviewLines(box *fyne.Container, lines []PreviewLine) {
	addLines(box, lines, previewShown, "……另有 %d 行未列出，请用“导出错误行”查看全部原因。")
}

// addLines adds the first shown of lines to box, and then rest (with the number left out).
func addLines(box *fyne.Container, lines []PreviewLine, shown int, rest string) {
	for i, l := range lines {
		if i == shown {
			box.Add(Colored(fmt.Sprintf(rest, len(lines)-shown), widget.LowImportance))
			break
		}
		imp := widget.MediumImportance
		switch {
		case l.Refused:
			imp = widget.DangerImportance
		case l.Doubtful:
			imp = widget.WarningImportance
		}
		box.Add(Colored(l.Text, imp))
	}
}

// PreviewGroup is one kind of remark in an import preview: its heading with the count
// ("入党时间：只有年月，按该月1日计：23 行") and the rows it is said of, shown when opened.
type PreviewGroup struct {
	Title string
	Lines []PreviewLine
	Open  bool
	// Rest says where the rows beyond the first groupShown are read, with a %d for how many.
	Rest string
}

// groupShown bounds the rows drawn in one group: a kind said of 100 000 rows is read by its
// first rows; the rest are in the import's own full list (Rest).
const groupShown = 100

// PreviewSection is the groups of one level of remark (拒收, 警告, 提示 …) under a heading in
// the level's colour.
type PreviewSection struct {
	Title      string
	Importance widget.Importance
	Groups     []PreviewGroup
}

// NewPreviewSections lays out the sections of an import preview, each group a fold that opens
// to its rows: a few real problems are read first, and a thousand mild notes take one line
// until someone opens them.
func NewPreviewSections(sections []PreviewSection) fyne.CanvasObject {
	box := container.NewVBox()
	for _, s := range sections {
		head := Colored(s.Title, s.Importance)
		head.TextStyle = fyne.TextStyle{Bold: true}
		box.Add(head)
		folds := widget.NewAccordion()
		folds.MultiOpen = true
		for _, g := range s.Groups {
			lines := container.NewVBox()
			addLines(lines, g.Lines, groupShown, g.Rest)
			folds.Append(&widget.AccordionItem{Title: g.Title, Detail: lines, Open: g.Open})
		}
		box.Add(folds)
	}
	return box
}
