package sheets

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
)

// Every file of personal data written out is in the 操作日志: what, how many persons, whether
// full ID numbers or phones are in it, and the file — the roster export with and without full
// IDs, the rejected rows, the AB岗 guide and 报备表, the audit log itself, and a backup.
func TestExportsOfPersonalDataAreLogged(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	dir := t.TempDir()
	all, _ := s.Members(ctx, data.MemberFilter{})
	logged := func(action, what string) data.AuditEntry {
		t.Helper()
		es, err := s.AuditLog(ctx, data.AuditFilter{Action: action, Text: what})
		if err != nil || len(es) == 0 {
			t.Fatalf("no %s entry for %q in the 操作日志 (%v)", action, what, err)
		}
		return es[0]
	}
	masked := filepath.Join(dir, "花名册-隐去.xlsx")
	if _, err := ExportRoster(ctx, s, data.MemberFilter{}, masked, ExportOptions{Title: "全院党员花名册"}, nil); err != nil {
		t.Fatal(err)
	}
	e := logged(data.ActionExport, masked)
	if e.Subject != "全院党员花名册" || !strings.Contains(e.Detail, "身份证号已隐去") || !strings.Contains(e.Detail, "含完整电话") ||
		!strings.HasPrefix(e.Detail, strings.Split(data.Export{Persons: len(all)}.Detail(), "；")[0]) {
		t.Errorf("masked roster export logged as %q: %q", e.Subject, e.Detail)
	}
	full := filepath.Join(dir, "花名册-完整.xlsx")
	if _, err := ExportRoster(ctx, s, data.MemberFilter{}, full, ExportOptions{IncludeFullIDs: true}, nil); err != nil {
		t.Fatal(err)
	}
	if e := logged(data.ActionExport, full); !strings.Contains(e.Detail, "含完整身份证号") {
		t.Errorf("a roster with full ID numbers logged as %q", e.Detail)
	}

	bad := filepath.Join(dir, "第一党支部.csv")
	if err := os.WriteFile(bad, []byte("姓名,身份证号,入党日期\n坏号,340104198001010011,2005-01-01\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	rejects := filepath.Join(dir, "错误行.xlsx")
	if wrote, err := SaveRejects(s, rejects, mustPlan(t, s, mustRead(t, bad, ReadOptions{}), nil)); err != nil || !wrote {
		t.Fatalf("SaveRejects: %v %v", wrote, err)
	}
	if e := logged(data.ActionExport, rejects); !strings.HasPrefix(e.Detail, "1 人") || !strings.Contains(e.Detail, "含完整身份证号") {
		t.Errorf("rejected rows logged as %q", e.Detail)
	}

	guide, filing := filepath.Join(dir, "指南.xlsx"), filepath.Join(dir, "报备表.xlsx")
	if err := ExportGuide(ctx, s, guide, s.Today()); err != nil {
		t.Fatal(err)
	}
	if err := ExportFiling(ctx, s, filing, s.Today()); err != nil {
		t.Fatal(err)
	}
	if e := logged(data.ActionExport, guide); e.Subject != "一站式服务指南" || strings.HasPrefix(e.Detail, "0 人") {
		t.Errorf("guide logged as %q: %q", e.Subject, e.Detail)
	}
	if e := logged(data.ActionExport, filing); e.Subject != "AB岗位设置报备表" || !strings.Contains(e.Detail, "不含电话") {
		t.Errorf("报备表 logged as %q: %q", e.Subject, e.Detail)
	}

	entries, _ := s.AuditLog(ctx, data.AuditFilter{})
	auditOut := filepath.Join(dir, "操作日志.xlsx")
	if err := SaveAuditLog(ctx, s, auditOut, entries, "全部"); err != nil {
		t.Fatal(err)
	}
	logged(data.ActionExport, auditOut)
	// Its title names the institute, as every printed title does.
	if book, err := excelize.OpenFile(auditOut); err != nil {
		t.Fatal(err)
	} else {
		title, _ := book.GetCellValue("操作日志", "A1")
		book.Close()
		if p, _ := s.Profile(ctx); p.TitleName() == "" || !strings.HasPrefix(title, p.TitleName()+"操作日志（全部") {
			t.Errorf("audit export titled %q, want the institute's name first", title)
		}
	}

	backup := filepath.Join(dir, "备份.db")
	if err := s.BackupTo(backup); err != nil {
		t.Fatal(err)
	}
	if e := logged(data.ActionBackup, backup); !strings.Contains(e.Detail, "含完整身份证号") || !strings.Contains(e.Detail, "含完整电话") {
		t.Errorf("backup logged as %q", e.Detail)
	}
}
