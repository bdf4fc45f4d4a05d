package sheets

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

// Bounds on every file read from outside (rosters, A/B catalogues, score sheets, holiday
// tables): `eval import /dev/zero`, a 2 GB sparse .xlsx, a CSV linked to /dev/zero and a CSV of
// one 200 MB line each ran the program out of memory with a Go stack trace. Each reader now
// refuses, in one sentence, a file that is not a regular file, is larger than maxInputFile,
// unpacks to more than maxUnpacked (roster_zip.go), or has a CSV record longer than
// maxCSVRecord — before reading it into memory.

const (
	// maxInputFile bounds the file itself: a 100 000-member roster is about 10 MB as .xlsx and
	// 20 MB as CSV.
	maxInputFile = 200 << 20
	// maxCSVRecord bounds one CSV record (a line, or lines joined by a quoted field): a member's
	// row is well under 1 KB.
	maxCSVRecord = 1 << 20
)

// checkInputFile refuses what f (opened from path) cannot be as an input: a device, a pipe or
// a folder (through a link too), or a file larger than maxInputFile.
func checkInputFile(f *os.File, path string) error {
	base := filepath.Base(path)
	st, err := f.Stat()
	if err != nil {
		return refused(RefuseUnreadable, "无法读取“%s”：文件不存在或没有读取权限", base)
	}
	if !st.Mode().IsRegular() {
		return refused(RefuseNotSpreadsheet, "“%s”不是普通文件（是文件夹、设备或管道），不能导入；请选择一个 .xlsx 或 .csv 文件", base)
	}
	if st.Size() > maxInputFile {
		return refused(RefuseNotSpreadsheet, "“%s”有 %s，超过可导入的上限 %s，远大于任何可导入的表格（可能选错了文件或文件已损坏）；请只保留需要导入的工作表，另存后再导入",
			base, sizeText(st.Size()), sizeText(maxInputFile))
	}
	return nil
}

// openSmallBook opens a small .xlsx (the AB catalogue, the holidays, the organisations) within
// the small bound; a file of another kind is refused, saying what to save as .xlsx.
func openSmallBook(path string, opt excelize.Options, what string) (*excelize.File, error) {
	kind, err := sniff(path)
	if err != nil {
		return nil, err
	}
	if kind != "xlsx" {
		return nil, refused(RefuseNotSpreadsheet, "“%s”不是 .xlsx 工作簿；%s请用 Excel 或 WPS 另存为 .xlsx 后再导入", filepath.Base(path), what)
	}
	return openWorkbook(path, opt, maxUnpackedSmall)
}

// openWorkbook opens an .xlsx at path for reading, after the file and its zip directory passed
// the bounds (unpacked: at most limit bytes): the one way every .xlsx reader opens its file.
func openWorkbook(path string, opt excelize.Options, limit uint64) (*excelize.File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, refused(RefuseUnreadable, "无法打开“%s”：文件不存在或没有读取权限", filepath.Base(path))
	}
	defer fh.Close()
	if err := checkInputFile(fh, path); err != nil {
		return nil, err
	}
	st, _ := fh.Stat()
	if err := checkZip(fh, st.Size(), path, limit); err != nil {
		return nil, err
	}
	opt.UnzipSizeLimit = int64(limit)
	f, err := excelize.OpenFile(path, private(opt))
	if err != nil {
		return nil, refused(RefuseTruncated, "“%s”不完整或已损坏，无法打开（可能下载或复制时中断）；请重新获取该文件，或在 Excel 中打开后另存为 .xlsx 再导入", filepath.Base(path))
	}
	return f, nil
}

// readWorkbook is openWorkbook for a small workbook given as a reader (the score sheets): at
// most maxInputFile bytes are read, and the zip directory is checked before excelize unpacks it.
func readWorkbook(r io.Reader, name string, opt excelize.Options) (*excelize.File, error) {
	if f, ok := r.(*os.File); ok {
		if err := checkInputFile(f, name); err != nil {
			return nil, err
		}
	}
	b, err := io.ReadAll(io.LimitReader(r, maxInputFile+1))
	if err != nil {
		return nil, refused(RefuseUnreadable, "无法读取“%s”：文件不存在或没有读取权限", filepath.Base(name))
	}
	if len(b) > maxInputFile {
		return nil, refused(RefuseNotSpreadsheet, "“%s”超过可导入的上限 %s，远大于任何可导入的表格（可能选错了文件或文件已损坏）；请选择本程序打印的考评表", filepath.Base(name), sizeText(maxInputFile))
	}
	// Not a zip: excelize says what it is (an OLE file is a workbook with a password).
	if bytes.HasPrefix(b, []byte("PK")) {
		if err := checkZip(bytes.NewReader(b), int64(len(b)), name, maxUnpackedSmall); err != nil {
			return nil, err
		}
	}
	opt.UnzipSizeLimit = maxUnpackedSmall
	return excelize.OpenReader(bytes.NewReader(b), private(opt))
}

// errCSVRecord ends a CSV read at a record longer than maxCSVRecord.
var errCSVRecord = errors.New("csv record too long")

// csvInput is the text of a CSV as the csv package is to read it: a record longer than
// maxCSVRecord ends the read (encoding/csv would hold it all in memory), and a line ended by a
// lone carriage return (old Mac and some exporters) ends the line — encoding/csv reads "\r"
// alone as part of a field, so a whole file of such lines was read as one row, 识别 0 行.
type csvInput struct {
	r      io.Reader
	n      int  // bytes of the current record so far
	lastCR bool // the previous byte was a "\r", now a "\n": a "\n" right after it is dropped
}

func (c *csvInput) Read(p []byte) (int, error) {
	for {
		if c.n > maxCSVRecord {
			return 0, errCSVRecord
		}
		n, err := c.r.Read(p)
		w := 0
		for _, b := range p[:n] {
			switch {
			case b == '\n' && c.lastCR:
				c.lastCR = false
				continue
			case b == '\r':
				b, c.lastCR = '\n', true
			default:
				c.lastCR = false
			}
			p[w] = b
			w++
		}
		c.n += w
		if w > 0 || err != nil {
			return w, err
		}
	}
}

// record is called after each record read: the next one starts its count afresh.
func (c *csvInput) record() { c.n = 0 }

func csvTooLong(path string) error {
	return refused(RefuseNotSpreadsheet, "“%s”中有一行超过 %s，不像表格的一行（可能不是 CSV 文件或已损坏）；请用 Excel 打开后另存为 .xlsx 再导入", filepath.Base(path), sizeText(maxCSVRecord))
}

// sizeText says a size as the office reads it: 1 GB, 200 MB, 512 KB.
func sizeText(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GB", n>>30)
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d KB", max(n>>10, 1))
}
