package report

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// One naming rule and one writer pair for a round's print files, whichever front end asks.
func TestWriteEvalFilesNamesAndFormats(t *testing.T) {
	sn := sixtyOrgans(t)
	dir := filepath.Join(t.TempDir(), "打印")
	ctx := context.Background()
	paths, err := WriteEvalFiles(ctx, sn, dir, AllEvalFiles, EvalFormats{XLSX: true, PDF: true}, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
		names = append(names, filepath.Base(p))
	}
	want := []string{
		"2025年度模范机关考评表（空白）.xlsx", "2025年度模范机关群众满意度测评表.xlsx", "2025年度模范机关考评结果汇总.xlsx",
		"2025年度模范机关考评表（空白）.pdf", "2025年度模范机关群众满意度测评表.pdf", "2025年度模范机关考评结果汇总.pdf",
	}
	if !slices.Equal(names, want) {
		t.Errorf("files %v, want %v", names, want)
	}
	one, err := WriteEvalFiles(ctx, sn, dir, []EvalFile{EvalSheets}, EvalFormats{PDF: true}, false, nil)
	if err != nil || len(one) != 1 || filepath.Base(one[0]) != "2025年度模范机关考评表（填报）.pdf" {
		t.Errorf("one PDF: %v %v", one, err)
	}
	blocker := filepath.Join(t.TempDir(), "文件")
	os.WriteFile(blocker, []byte("x"), 0o600)
	if _, err := WriteEvalFiles(ctx, sn, filepath.Join(blocker, "打印"), AllEvalFiles, EvalFormats{XLSX: true}, false, nil); err == nil || !strings.HasPrefix(err.Error(), "无法创建文件夹") {
		t.Errorf("a folder under a file: %v", err)
	}
}
