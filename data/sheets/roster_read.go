package sheets

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"dangjian/data"
)

// Reading a roster file: .xlsx streamed row by row with raw cell values (so date serials and
// numbers-that-were-IDs arrive as they are stored), or CSV in UTF-8 (with or without BOM),
// GBK/GB18030 or UTF-16 as Excel saves it. Files that cannot be a roster are refused whole,
// before anything is read into the store, with a sentence that says what to do.

// Refusal codes.
const (
	RefuseNotSpreadsheet = "not_spreadsheet"
	RefuseTruncated      = "truncated"
	RefuseEncrypted      = "encrypted"
	RefuseOldFormat      = "old_format"
	RefuseEmpty          = "empty"
	RefuseNoRoster       = "no_roster"
	RefuseUnreadable     = "unreadable"
	RefuseNoRoot         = "no_root"
	RefuseNoIDColumn     = "no_id_column"
)

// RefusedError says why a whole file was refused; nothing was read from it.
type RefusedError struct {
	Code    string
	Message string
}

func (e *RefusedError) Error() string { return e.Message }

func refused(code, format string, args ...any) error {
	return &RefusedError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ReadOptions narrow and correct a read.
type ReadOptions struct {
	Sheet string // read only this sheet; "" reads every sheet that holds a roster
	// Mappings replace the guessed column mapping of a sheet (the wizard's corrections).
	Mappings map[string]Mapping
	// Progress is told the number of rows read so far, every few thousand rows.
	Progress func(rows int)
}

// Sheet is one worksheet as the reader understood it.
type Sheet struct {
	Name      string
	HeaderRow int      // 1-based row of the header; 0 when the sheet was skipped
	Headers   []string // the header cells (two header rows merged)
	Mapping   Mapping  // field → column in use
	Guessed   Mapping  // the mapping the reader guessed from the headers
	Branch    string   // the branch taken from the sheet name, when it has no branch column
	Rows      int      // data rows recognised
	Skipped   string   // why the sheet was not read, "" when it was
	// Probationary: the sheet's name or title says it lists 预备党员 (inferCategory).
	Probationary bool
}

// Row is one data row: where it is, its cells as stored, the member read from them, notes
// (e.g. "只有年月，按该月1日计") and the errors that reject it.
type Row struct {
	Sheet  *Sheet
	Line   int
	Member data.Member
	Notes  []Note
	Errors []RowError
	// Parent is the 党总支 or 二级党委 the row names (filled down like the branch), "" when
	// the sheet has no such column.
	Parent string
	// categoryInferred: Member.Category is not the file's but inferred by a plan (classifyNew).
	categoryInferred bool
	// cells are the row's cells packed by packCells: one string instead of fourteen, since a
	// 100 000-row file keeps every row in memory until the commit.
	cells string
}

// Cells are the row's cells as stored in the file (raw values: a date is its serial).
func (r *Row) Cells() []string { return unpackCells(r.cells) }

// packCells puts cells into one string, each preceded by its length in bytes (a uvarint), so
// that whatever a cell holds comes back as it was. Joining them with a separator (U+001F) let a
// cell holding that character split in two and shift the rest of its row in the 错误行 file.
func packCells(cells []string) string {
	n := 0
	for _, c := range cells {
		n += binary.MaxVarintLen64 + len(c)
	}
	b := make([]byte, 0, n)
	for _, c := range cells {
		b = binary.AppendUvarint(b, uint64(len(c)))
		b = append(b, c...)
	}
	return string(b)
}

func unpackCells(s string) []string {
	var out []string
	for len(s) > 0 {
		n, k := binary.Uvarint([]byte(s[:min(len(s), binary.MaxVarintLen64)]))
		if k <= 0 || uint64(len(s)-k) < n {
			break // cannot happen: only packCells writes the string
		}
		out = append(out, s[k:k+int(n)])
		s = s[k+int(n):]
	}
	return out
}

// RosterFile is what a roster file holds.
type RosterFile struct {
	Path   string
	Sheets []*Sheet
	Rows   []*Row
	Notes  []string // sheets skipped and why
}

// ReadRoster reads a roster file; ctx cancels a long read.
func ReadRoster(ctx context.Context, path string, opt ReadOptions) (*RosterFile, error) {
	kind, err := sniff(path)
	if err != nil {
		return nil, err
	}
	return readRoster(ctx, path, kind, opt, nil)
}

// readRoster reads a sniffed file. With emit, each data row is handed to emit as it is read
// instead of being kept in the RosterFile's Rows; an error from emit ends the read and is
// returned as it is.
func readRoster(ctx context.Context, path, kind string, opt ReadOptions, emit func(*Row) error) (*RosterFile, error) {
	rf := &RosterFile{Path: path}
	rd := &reader{ctx: ctx, rf: rf, opt: opt, emit: emit}
	var err error
	if kind == "csv" {
		err = rd.readCSV(path)
	} else {
		err = rd.readXLSX(path)
	}
	var h *haltError
	if errors.As(err, &h) {
		return nil, h.err
	}
	if err != nil {
		return nil, err
	}
	if opt.Sheet != "" && !rd.sawSheet {
		return nil, refused(RefuseNoRoster, "“%s”中没有名为“%s”的工作表；请核对工作表名称", filepath.Base(path), opt.Sheet)
	}
	if !rd.anyCell {
		return nil, refused(RefuseEmpty, "“%s”是空的，里面没有任何数据；请确认选对了文件", filepath.Base(path))
	}
	read := 0
	for _, s := range rf.Sheets {
		if s.Skipped == "" {
			read++
		}
	}
	if read == 0 {
		if err := rd.skipped.refusal(path); err != nil {
			return nil, err
		}
	}
	if read == 0 {
		return nil, refused(RefuseNoRoster, "“%s”中没有找到花名册：没有哪张工作表的前 %d 行有“姓名”“公民身份号码”等表头；请确认选对了文件，或按导入模板填写后再导入",
			filepath.Base(path), headerScanRows)
	}
	return rf, nil
}

// sniff tells an .xlsx from a CSV by content and refuses what is neither.
func sniff(path string) (string, error) {
	base := filepath.Base(path)
	ext := strings.ToLower(filepath.Ext(path))
	f, err := os.Open(path)
	if err != nil {
		return "", refused(RefuseUnreadable, "无法打开“%s”：文件不存在或没有读取权限", base)
	}
	defer f.Close()
	if err := checkInputFile(f, path); err != nil {
		return "", err
	}
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		// An OLE compound file is either an old .xls/.et or an OOXML workbook encrypted with a
		// password, which Office wraps in the same container with an EncryptionInfo stream.
		f.Seek(0, io.SeekStart)
		all, _ := io.ReadAll(io.LimitReader(f, 64<<20))
		if bytes.Contains(all, utf16le("EncryptionInfo")) {
			return "", refused(RefuseEncrypted, "“%s”设有打开密码，本程序无法读取；请在 Excel 或 WPS 中用密码打开，取消密码后另存为 .xlsx 再导入", base)
		}
		return "", refused(RefuseOldFormat, "“%s”是旧版 Excel（.xls）或 WPS（.et）格式，请另存为 .xlsx 后再导入", base)
	case ext == ".xls" || ext == ".et" || ext == ".ett" || ext == ".xlt":
		return "", refused(RefuseOldFormat, "“%s”是旧版 Excel（.xls）或 WPS（.et）格式，请另存为 .xlsx 后再导入", base)
	case ext == ".csv" || ext == ".txt":
		return "csv", nil
	case n == 0:
		return "", refused(RefuseTruncated, "“%s”是空文件（0 字节），可能下载或复制未完成；请重新获取该文件", base)
	case bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return "xlsx", nil
	case bytes.HasPrefix(head, []byte("PK")):
		return "", refused(RefuseTruncated, "“%s”不完整，无法打开（可能下载或复制时中断）；请重新下载或复制该文件后再导入", base)
	case ext == ".xlsx" || ext == ".xlsm":
		return "", refused(RefuseNotSpreadsheet, "“%s”不是 Excel 工作簿：扩展名是 .xlsx，内容却是文本或其他格式（可能是 CSV 改了扩展名）；请用 Excel 打开后另存为 .xlsx，或把扩展名改为 .csv 后再导入", base)
	}
	return "", refused(RefuseNotSpreadsheet, "“%s”不是可导入的文件，只能导入 .xlsx 工作簿或 .csv 文件", base)
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

// reader carries one read across sheets.
type reader struct {
	ctx      context.Context
	rf       *RosterFile
	opt      ReadOptions
	anyCell  bool
	sawSheet bool
	count    int
	emit     func(*Row) error // nil keeps the rows in rf.Rows
	skipped  skipReasons      // what the skipped sheets were, for the file's refusal
}

// haltError carries an error of emit through the sheet reading, which would otherwise take
// any error for a damaged sheet.
type haltError struct{ err error }

func (e *haltError) Error() string { return e.err.Error() }

// halted tells errors that end a read without saying anything about the file.
func halted(err error) bool {
	var h *haltError
	return errors.As(err, &h) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

func (rd *reader) readXLSX(path string) error {
	base := filepath.Base(path)
	f, err := openWorkbook(path, excelize.Options{RawCellValue: true}, maxUnpacked)
	if err != nil {
		return err
	}
	defer f.Close()
	list := f.GetSheetList()
	if len(list) == 0 {
		return refused(RefuseTruncated, "“%s”不完整或已损坏，里面没有工作表；请重新获取该文件", base)
	}
	for _, name := range list {
		if rd.opt.Sheet != "" && name != rd.opt.Sheet {
			continue
		}
		rd.sawSheet = true
		rows, err := f.Rows(name)
		if err != nil {
			return refused(RefuseTruncated, "“%s”的工作表“%s”已损坏，无法读取；请在 Excel 中打开后另存为 .xlsx 再导入", base, name)
		}
		sh := rd.newSheet(name, true)
		seen := 0
		next, stop := prefetch(func() ([]string, bool, error) {
			if !rows.Next() {
				return nil, false, rows.Error()
			}
			// Notes under a roster and skipped sheets are read through without counting
			// members; a cancel must still end the read.
			if seen++; seen%4096 == 0 {
				if err := rd.ctx.Err(); err != nil {
					return nil, false, err
				}
			}
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			return cells, true, err
		})
		err = rd.readSheet(sh, next)
		stop()
		rows.Close()
		if halted(err) {
			return err
		}
		if err != nil {
			return refused(RefuseTruncated, "“%s”的工作表“%s”已损坏，无法读取（可能下载时中断）；请重新获取该文件", base, name)
		}
	}
	return nil
}

func (rd *reader) readCSV(path string) error {
	base := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return refused(RefuseUnreadable, "无法打开“%s”：文件不存在或没有读取权限", base)
	}
	defer f.Close()
	if err := checkInputFile(f, path); err != nil {
		return err // the file read is the one checked, even if it was swapped since sniff
	}
	br := bufio.NewReaderSize(f, 64<<10)
	peek, _ := br.Peek(64 << 10)
	var text io.Reader = br
	comma := ','
	switch {
	case bytes.HasPrefix(peek, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
	case bytes.HasPrefix(peek, []byte{0xFF, 0xFE}):
		// Excel's "Unicode text" is UTF-16 with tabs between cells.
		text, comma = transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()), '\t'
	case !validUTF8Prefix(peek):
		text = transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder())
	}
	if comma == ',' {
		if line, _, ok := bytes.Cut(peek, []byte("\n")); ok || len(line) > 0 {
			if bytes.Count(line, []byte("\t")) > bytes.Count(line, []byte(",")) {
				comma = '\t'
			}
		}
	}
	in := &csvInput{r: text}
	cr := csv.NewReader(in)
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes, cr.ReuseRecord = comma, -1, true, false
	rd.sawSheet = rd.opt.Sheet == ""
	sh := rd.newSheet(strings.TrimSuffix(base, filepath.Ext(base)), false)
	err = rd.readSheet(sh, func() ([]string, bool, error) {
		rec, err := cr.Read()
		in.record()
		if err == io.EOF {
			return nil, false, nil
		}
		return rec, err == nil, err
	})
	if errors.Is(err, errCSVRecord) {
		return csvTooLong(path)
	}
	if err != nil && !halted(err) {
		return refused(RefuseNotSpreadsheet, "“%s”无法按 CSV 读取（%s）；请用 Excel 打开后另存为 .xlsx 再导入", base, csvProblem(err))
	}
	return err
}

func csvProblem(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("第 %d 行格式有误", pe.Line)
	}
	return "内容无法识别"
}

// validUTF8Prefix tells UTF-8 text, allowing a character cut at the end of the peeked bytes.
func validUTF8Prefix(b []byte) bool {
	for i := 0; i < 3 && len(b) > 0 && !utf8.Valid(b); i++ {
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

func (rd *reader) newSheet(name string, branchFromName bool) *Sheet {
	sh := &Sheet{Name: name}
	if branchFromName && !genericSheetName(name) {
		sh.Branch = data.FoldName(name)
	}
	return sh
}

// prefetch runs next on its own goroutine, a chunk of rows ahead, so that parsing the XML and
// normalising the rows use both cores of an office PC. stop ends the goroutine early.
func prefetch(next func() ([]string, bool, error)) (func() ([]string, bool, error), func()) {
	type chunk struct {
		rows [][]string
		err  error
	}
	ch := make(chan chunk, 4)
	quit := make(chan struct{})
	go func() {
		defer close(ch)
		for {
			var c chunk
			more := true
			for len(c.rows) < 256 && more && c.err == nil {
				if len(c.rows)%16 == 0 && stopped(quit) {
					return
				}
				var cells []string
				cells, more, c.err = next()
				if more && c.err == nil {
					c.rows = append(c.rows, cells)
				}
			}
			select {
			case ch <- c:
			case <-quit:
				return
			}
			if !more || c.err != nil {
				return
			}
		}
	}()
	var cur chunk
	var pos int
	get := func() ([]string, bool, error) {
		for pos >= len(cur.rows) {
			if cur.err != nil {
				return nil, false, cur.err
			}
			c, ok := <-ch
			if !ok {
				return nil, false, nil
			}
			cur, pos = c, 0
		}
		pos++
		return cur.rows[pos-1], true, nil
	}
	var once bool
	// stop waits for the goroutine to end, so that no goroutine outlives the read and rows
	// can be closed safely; the goroutine sees quit within 16 rows.
	stop := func() {
		if !once {
			once = true
			close(quit)
			for range ch {
			}
		}
	}
	return get, stop
}

func stopped(quit <-chan struct{}) bool {
	select {
	case <-quit:
		return true
	default:
		return false
	}
}
