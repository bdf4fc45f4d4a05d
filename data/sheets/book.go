package sheets

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
)

// Print-ready workbooks share one page set-up: A4, narrow margins, fit to one page wide, the
// header rows repeated on every printed page. Every export calls PrintSetup so that what staff
// print from Excel or WPS looks the same.

// PrintSetup sets A4 paper, orientation, margins, fit-to-width and the rows repeated at the top
// of every printed page (e.g. "$1:$3"; "" for none).
func PrintSetup(f *excelize.File, sheet string, landscape bool, repeatRows string) error {
	orient := "portrait"
	if landscape {
		orient = "landscape"
	}
	size := 9 // A4 in the OOXML paper-size table
	fitW, fitH := 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &fitW, FitToHeight: &fitH}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	l, r, t, b, h, ft := 0.4, 0.4, 0.5, 0.5, 0.3, 0.3
	center := true
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &l, Right: &r, Top: &t, Bottom: &b, Header: &h, Footer: &ft, Horizontally: &center}); err != nil {
		return err
	}
	if repeatRows != "" {
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!%s", sheet, repeatRows), Scope: sheet}); err != nil {
			return err
		}
	}
	return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页，共 &N 页"})
}

// saveBuilt builds a workbook and saves it at path (SaveAtomic), closing it after.
func saveBuilt(path string, build func() (*excelize.File, error)) error {
	f, err := build()
	if err != nil {
		return err
	}
	defer f.Close()
	return SaveAtomic(f, path)
}

// SaveAtomic writes the workbook to a temp file beside path and renames it into place, so a
// failed or cancelled export never leaves a half-written file where the user expects one. It
// refuses a path that is the database, one of its files or a backup (data.CheckOutput).
func SaveAtomic(f *excelize.File, path string) error {
	if err := data.CheckOutput(path); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".~"+filepath.Base(path)+"-*.xlsx")
	if err != nil {
		return fmt.Errorf("无法写入 %s：%w", path, err)
	}
	name := tmp.Name()
	defer os.Remove(name)
	if err := f.Write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("写入 %s 失败：%w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("写入 %s 失败：%w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("无法保存 %s（文件是否正在 Excel 或 WPS 中打开？请关闭后重试）：%w", path, err)
	}
	return nil
}

// styledBook is a new workbook whose one sheet is named sheet, with the shared styles; on an
// error it is closed already.
func styledBook(sheet string) (*excelize.File, Styles, error) {
	f := newBook()
	f.SetSheetName("Sheet1", sheet)
	st, err := NewStyles(f)
	if err != nil {
		f.Close()
		return nil, st, err
	}
	return f, st, nil
}

// cellBorder is the thin black border round every cell of a printed table.
func cellBorder() []excelize.Border {
	return []excelize.Border{
		{Type: "left", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1},
		{Type: "bottom", Color: "000000", Style: 1},
	}
}

// cellFont is the 10 pt 宋体 of a printed table's cells.
func cellFont() *excelize.Font { return &excelize.Font{Family: "宋体", Size: 10} }

// Styles are the cell styles every print-ready sheet uses.
type Styles struct {
	Title, Header, Cell, Text, Date, Wrap, Bold int
}

// NewStyles registers the shared styles in a workbook: a bold centred title, a bold shaded
// header with borders, bordered cells, text cells ("@", so ID numbers never become numbers),
// dates as yyyy-mm-dd, and wrapped text.
func NewStyles(f *excelize.File) (Styles, error) {
	border, font := cellBorder(), cellFont()
	var st Styles
	var err error
	add := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	mid := &excelize.Alignment{Vertical: "center"}
	st.Title = add(&excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 16, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	st.Header = add(&excelize.Style{
		Font: &excelize.Font{Family: "宋体", Size: 10, Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	st.Cell = add(&excelize.Style{Font: font, Border: border, Alignment: mid})
	textFmt := "@"
	st.Text = add(&excelize.Style{Font: font, Border: border, Alignment: mid, CustomNumFmt: &textFmt})
	dateFmt := "yyyy-mm-dd"
	st.Date = add(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}, CustomNumFmt: &dateFmt})
	st.Wrap = add(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	st.Bold = add(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 10, Bold: true}, Alignment: mid})
	return st, err
}
