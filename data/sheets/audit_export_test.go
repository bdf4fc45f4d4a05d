package sheets

import (
	"path/filepath"
	"testing"
	"time"

	"dangjian/data"
)

func TestWriteAuditLogReadsBackAsTheScreenShowsIt(t *testing.T) {
	at := time.Date(2026, 11, 28, 9, 30, 0, 0, time.Local)
	entries := []data.AuditEntry{
		{ID: 2, At: at.Add(time.Hour), User: "wangli", Action: "撤销导入", Subject: "花名册导入", Detail: "撤销第 1 批，还原 386 条记录", Reason: "导错了文件", BatchID: 1},
		{ID: 1, At: at, User: "wangli", Action: "导入", Subject: "花名册导入", Detail: "新增 386 人", Reason: "党员名单 2026.xlsx", BatchID: 1},
	}
	path := filepath.Join(t.TempDir(), "党建 导出", "操作日志.xlsx")
	if err := WriteAuditLog(path, entries, "全部", ""); err == nil {
		t.Fatal("wrote into a folder that does not exist")
	}
	path = filepath.Join(t.TempDir(), "操作 日志.xlsx")
	if err := WriteAuditLog(path, entries, "2026-11-28", ""); err != nil {
		t.Fatal(err)
	}
	f := openBook(t, path)
	rows, _ := f.GetRows("操作日志")
	if len(rows) != 4 {
		t.Fatalf("%d rows, want title + header + 2", len(rows))
	}
	if rows[0][0] != "操作日志（2026-11-28，共 2 条）" {
		t.Errorf("title = %q", rows[0][0])
	}
	want := []string{"1", "2026-11-28 10:30:00", "wangli", "撤销导入", "花名册导入", "撤销第 1 批，还原 386 条记录", "导错了文件", "1"}
	for i, w := range want {
		if rows[2][i] != w {
			t.Errorf("row 3 col %d = %q, want %q", i+1, rows[2][i], w)
		}
	}
	if rows[1][5] != "内容" || rows[1][6] != "原因" {
		t.Errorf("header = %v", rows[1])
	}
}
