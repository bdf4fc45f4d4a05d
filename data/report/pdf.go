// Package report writes PDF files with the embedded Noto Sans SC font: the service guide,
// evaluation sheets, ballots and results.
package report

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/go-pdf/fpdf"

	"dangjian/assets"
	"dangjian/data"
)

// Font is the family name every document uses for Chinese text.
const Font = "noto"

// NewA4 starts an A4 document (portrait or landscape, millimetres) with Noto Sans SC
// registered as Font, regular and bold ("B"), so Chinese prints the same on every PC.
func NewA4(landscape bool) *fpdf.Fpdf {
	orient := "P"
	if landscape {
		orient = "L"
	}
	pdf := fpdf.New(orient, "mm", "A4", "")
	pdf.SetMargins(15, 15, 15)
	pdf.SetAutoPageBreak(true, 15)
	pdf.AddUTF8FontFromBytes(Font, "", assets.FontRegular)
	pdf.AddUTF8FontFromBytes(Font, "B", assets.FontBold)
	pdf.SetFont(Font, "", 10)
	// Every page says where it is in the document: an office files and counts the pages.
	pdf.AliasNbPages(pageTotalAlias)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-11)
		pdf.SetFont(Font, "", 9)
		pdf.CellFormat(0, 5, fmt.Sprintf("第 %d 页 共 %s 页", pdf.PageNo(), pageTotalAlias), "", 0, "C", false, 0, "")
	})
	return pdf
}

// pageTotalAlias is replaced by the page count when the document is written.
const pageTotalAlias = "{nb}"

// Save writes the document to a temp file beside path and renames it, so a failed write never
// leaves a half-written PDF where the user expects one.
func Save(pdf *fpdf.Fpdf, path string) error {
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("生成 PDF 失败：%w", err)
	}
	if err := data.CheckOutput(path); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".~"+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("无法写入 %s：%w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := pdf.Output(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("生成 PDF 失败：%w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("无法写入 %s：%w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("无法保存 %s（文件是否正被其他程序打开？）：%w", path, err)
	}
	return nil
}
