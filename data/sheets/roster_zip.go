package sheets

import (
	"archive/zip"
	"io"
	"path/filepath"
)

// Checking an .xlsx container before excelize opens it. excelize reads every part except
// the worksheets into memory and sizes each buffer by the uncompressed size the zip's central
// directory declares, trusting it up to 16 GB: a damaged or crafted 16 KB file declaring a
// 2.5 GB docProps/core.xml made the reader allocate 2.5 GB and stall. The directory is read
// here (a few KB at the end of the file) and a file whose declared sizes cannot be true, or
// are larger than any roster, is refused before anything is unpacked.

const (
	// maxUnpacked bounds the whole unpacked workbook. A 100 000-row, 14-column roster unpacks
	// to about 60 MB; a workbook ten times that is no roster, nor any other sheet we read.
	maxUnpacked = 1 << 30
	// maxUnpackedSmall bounds the workbooks read whole into memory (A/B catalogues, score
	// sheets, holiday tables), which are a few MB at most: a 55 MB catalogue unpacked within
	// maxUnpacked took 2.7 GB of memory.
	maxUnpackedSmall = 64 << 20
	// maxDeflateRatio is the most deflate can expand: 258 bytes from each 2-bit code, about
	// 1032 : 1. A part declaring more than that over its compressed bytes lies.
	maxDeflateRatio = 1032
)

// checkZip refuses an .xlsx (n bytes of r, read from path) whose zip directory is
// unreadable, declares sizes deflate cannot produce, or unpacks to more than limit bytes. Every
// .xlsx reader goes through it (openWorkbook, readWorkbook).
func checkZip(r io.ReaderAt, n int64, path string, limit uint64) error {
	base := filepath.Base(path)
	zr, err := zip.NewReader(r, n)
	if err != nil {
		return refused(RefuseTruncated, "“%s”不完整或已损坏，无法打开（可能下载或复制时中断）；请重新获取该文件，或在 Excel 中打开后另存为 .xlsx 再导入", base)
	}
	var total uint64
	for _, f := range zr.File {
		size, packed := f.UncompressedSize64, f.CompressedSize64
		// Divided, not multiplied: a crafted packed size would overflow the product.
		lies := size > packed
		if f.Method != zip.Store {
			lies = size > 1024 && (size-1024)/maxDeflateRatio > packed
		}
		if lies {
			return refused(RefuseTruncated, "“%s”已损坏：其中“%s”记录的大小与实际内容不符（可能下载时出错或文件被改动过）；请重新获取该文件，或在 Excel 中打开后另存为 .xlsx 再导入", base, f.Name)
		}
		total += size
		if total > limit {
			return refused(RefuseNotSpreadsheet, "“%s”解压后超过 %s，远大于任何可导入的表格（可能是损坏或特意构造的文件）；请只保留需要导入的工作表，另存为新的 .xlsx 后再导入", base, sizeText(int64(limit)))
		}
	}
	return nil
}
