package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The list of an import preview, shared by the roster and organisation imports: one line per
// row worth a look, the refused in red.

// PreviewLine is one row of an import preview as the user reads it.
type PreviewLine struct {
	Text    string
	Refused bool // the row is not imported: shown in red
}

// previewShown bounds the lines drawn: a 100 000-row file with every row refused would take
// the window down; the full list goes out with 导出错误行.
const previewShown = 300

// AddPreviewLines adds lines to an import preview's box, each wrapped — the reason and its fix
// are the point, an ellipsis would hide them — and a very long list by its head.
func AddPreviewLines(box *fyne.Container, lines []PreviewLine) {
	for i, l := range lines {
		if i == previewShown {
			box.Add(Colored(fmt.Sprintf("……另有 %d 行未列出，请用“导出错误行”查看全部原因。", len(lines)-previewShown), widget.LowImportance))
			break
		}
		imp := widget.MediumImportance
		if l.Refused {
			imp = widget.DangerImportance
		}
		box.Add(Colored(l.Text, imp))
	}
}
