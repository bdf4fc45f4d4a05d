package report

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo/demotest"
)

// The PDF guide names the A/B post holders with office phones: its export is in the 操作日志
// as the Excel guide's is.
func TestPDFGuideExportIsLogged(t *testing.T) {
	s := demotest.Store(t, time.Date(2026, 11, 28, 10, 0, 0, 0, time.Local))
	out := filepath.Join(t.TempDir(), "服务指南.pdf")
	if err := SaveGuide(context.Background(), s, out, s.Today()); err != nil {
		t.Fatal(err)
	}
	es, err := s.AuditLog(context.Background(), data.AuditFilter{Action: data.ActionExport, Text: out})
	if err != nil || len(es) != 1 || es[0].Subject != "一站式服务指南" || strings.HasPrefix(es[0].Detail, "0 人") || !strings.Contains(es[0].Detail, "含完整电话") {
		t.Fatalf("PDF guide export logged as %+v, %v", es, err)
	}
}
