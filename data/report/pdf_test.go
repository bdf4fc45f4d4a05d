package report

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewA4WritesChinese(t *testing.T) {
	pdf := NewA4(false)
	pdf.AddPage()
	pdf.SetFont(Font, "B", 16)
	pdf.CellFormat(0, 10, "一站式服务指南", "", 1, "C", false, 0, "")
	path := filepath.Join(t.TempDir(), "指南 测试.pdf")
	if err := Save(pdf, path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("not a PDF: %v", err)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", path, "-").Output()
		if err == nil && !strings.Contains(string(out), "一站式服务指南") {
			t.Errorf("pdftotext reads %q, want the Chinese title", out)
		}
	}
}
