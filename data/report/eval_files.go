package report

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"dangjian/data/criteria"
	"dangjian/data/sheets"
)

// A round's print files: the one naming rule and the one pairing of each Excel writer with its
// PDF writer, for the window's 打印 buttons and the command line's eval sheets alike.

// EvalFile is one of a round's print files.
type EvalFile int

// The print files of a round, in the order they are written.
const (
	EvalSheets  EvalFile = iota // 考评表, filled in or blank
	EvalBallots                 // 群众满意度测评表
	EvalResults                 // 考评结果汇总
)

// AllEvalFiles are every print file of a round.
var AllEvalFiles = []EvalFile{EvalSheets, EvalBallots, EvalResults}

// EvalFormats choose the formats written: Excel to edit, PDF to print.
type EvalFormats struct{ XLSX, PDF bool }

// EvalFileName is a print file's name without its extension, e.g. "2025年度模范机关考评表（空白）".
func EvalFileName(year int, f EvalFile, blank bool) string {
	base := fmt.Sprintf("%d年度模范机关", year)
	switch f {
	case EvalSheets:
		kind := "填报"
		if blank {
			kind = "空白"
		}
		return base + "考评表（" + kind + "）"
	case EvalBallots:
		return base + "群众满意度测评表"
	}
	return base + "考评结果汇总"
}

// evalWriters are a print file's Excel and PDF writers.
func evalWriters(sn *criteria.Snapshot, f EvalFile, blank bool) (xlsx, pdf func(string) error) {
	switch f {
	case EvalSheets:
		return func(p string) error { return sheets.WriteEvalSheets(p, sn, blank) },
			func(p string) error { return WriteEvalSheets(p, sn, blank) }
	case EvalBallots:
		return func(p string) error { return sheets.WriteEvalBallots(p, sn) },
			func(p string) error { return WriteEvalBallots(p, sn) }
	}
	return func(p string) error { return sheets.WriteEvalResults(p, sn) },
		func(p string) error { return WriteEvalResults(p, sn) }
}

// WriteEvalFiles writes the chosen print files of a round into dir (made when missing): every
// Excel file first, then every PDF. It returns the paths written, in that order; progress,
// when given, hears each file before it is written.
func WriteEvalFiles(ctx context.Context, sn *criteria.Snapshot, dir string, files []EvalFile, formats EvalFormats, blank bool, progress func(done, total int, path string)) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建文件夹 %s，请换一个位置或检查权限", dir)
	}
	type job struct {
		path  string
		write func(string) error
	}
	var jobs []job
	for _, ext := range []string{".xlsx", ".pdf"} {
		if (ext == ".xlsx" && !formats.XLSX) || (ext == ".pdf" && !formats.PDF) {
			continue
		}
		for _, f := range files {
			x, p := evalWriters(sn, f, blank)
			w := x
			if ext == ".pdf" {
				w = p
			}
			jobs = append(jobs, job{filepath.Join(dir, EvalFileName(sn.Round.Year, f, blank)+ext), w})
		}
	}
	var written []string
	for i, j := range jobs {
		if err := ctx.Err(); err != nil {
			return written, err
		}
		if progress != nil {
			progress(i, len(jobs), j.path)
		}
		if err := j.write(j.path); err != nil {
			return written, err
		}
		written = append(written, j.path)
	}
	return written, nil
}
