package safety

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"dangjian/app/apptest"
	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/demo"
	"dangjian/data/disktest"
)

func TestBackupTabBacksUpAndRestoresAfterConfirmation(t *testing.T) {
	wb, w := apptest.EmptyWorkbench(t)
	b := newBackupTab(wb)
	wb.OnChange(ui.Records, b.reload) // as New does
	w.SetContent(b.content)
	apptest.WaitFor(t, "empty list", func() bool { return strings.Contains(b.info.Text, "还没有备份") })

	apptest.Tap(t, w, "立即备份") // of the empty database
	apptest.WaitFor(t, "the backup listed", func() bool { return len(b.rows) == 1 })
	if got := b.cell(0, 1) + "/" + b.cell(0, 2) + "/" + b.cell(0, 4); got != "手动/0/完好" {
		t.Fatalf("row = %s, want 手动/0/完好", got)
	}

	if err := demo.Load(context.Background(), wb.Store); err != nil {
		t.Fatal(err)
	}
	loaded := apptest.MemberCount(t, wb.Store)
	var reopened *data.Store
	wb.OnRestore = func(s *data.Store) { reopened = s }
	b.reload()
	// Wait for this reload, not for a row count the list had before it: a reload landing after
	// the selection below would clear it.
	apptest.Settle(t, "reload", b.loads.Settled())
	apptest.WaitFor(t, "reload", func() bool { return len(b.rows) == 1 })
	if !b.restore.Disabled() {
		t.Fatal("restore enabled with nothing selected")
	}
	b.table.Select(widget.TableCellID{Row: 0, Col: 0})
	apptest.Tap(t, w, "恢复选中的备份…")
	if apptest.MemberCount(t, wb.Store) != loaded {
		t.Fatal("restored before the user confirmed")
	}
	apptest.Tap(t, w, "确定")
	apptest.WaitFor(t, "the restore", func() bool { return reopened != nil })
	if wb.Store != reopened {
		t.Fatal("workbench still holds the old store")
	}
	if got := apptest.MemberCount(t, wb.Store); got != 0 {
		t.Fatalf("%d members after restoring the empty backup, want 0", got)
	}
	// The state before the restore is itself a backup, with its members counted.
	apptest.WaitFor(t, "恢复前 listed", func() bool { return len(b.rows) == 2 })
	if b.cell(0, 1) != "恢复前" || b.cell(0, 2) != strconv.Itoa(loaded) {
		t.Fatalf("newest backup = %s %s, want 恢复前 with %d members", b.cell(0, 1), b.cell(0, 2), loaded)
	}
	log, _ := wb.Store.AuditLog(context.Background(), data.AuditFilter{Action: "恢复备份"})
	if len(log) != 1 || log[0].User != "wangli" {
		t.Fatalf("audit = %+v", log)
	}
}

// logSome writes audit entries as the other features would, on given days.
func logSome(t *testing.T, s *data.Store) {
	t.Helper()
	raw, err := sql.Open("sqlite", s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for i, e := range []struct{ day, action, subject, detail, reason string }{
		{"2026-10-08", "导入", "花名册导入", "新增 12 人，更新 3 人", "党员名单 2026.xlsx"},
		{"2026-11-02", "状态变更", "张伟", "正常 → 历史", "出国留学"},
		{"2026-11-20", "转接", "李娜", "材料所第一党支部 → 机关第二党支部", "调入科研处"},
		{"2026-11-27", "撤销导入", "花名册导入", "撤销第 1 批，还原 15 条记录", "导错了文件"},
	} {
		at, _ := time.ParseInLocation("2006-01-02", e.day, time.Local)
		s.Now = func() time.Time { return at.Add(time.Duration(9+i) * time.Hour) }
		// Written beside the store, as the features that log them would: app/ has no way in.
		if _, err := raw.Exec(`INSERT INTO audit(at, user, action, subject, detail, reason) VALUES (?,?,?,?,?,?)`,
			s.Now().Format(time.RFC3339), s.User, e.action, e.subject, e.detail, e.reason); err != nil {
			t.Fatal(err)
		}
	}
	s.Now = func() time.Time { return time.Date(2026, 11, 28, 10, 0, 0, 0, time.Local) }
}

func TestAuditTabFiltersAndExports(t *testing.T) {
	wb, w := apptest.EmptyWorkbench(t)
	logSome(t, wb.Store)
	l := newAuditTab(wb)
	w.SetContent(l.content)
	if len(l.entries) != 4 || l.cell(0, 2) != "撤销导入" {
		t.Fatalf("%d entries, newest %q", len(l.entries), l.cell(0, 2))
	}
	l.action.SetSelected("转接")
	if len(l.entries) != 1 || l.cell(0, 3) != "李娜" {
		t.Fatalf("action filter: %d entries", len(l.entries))
	}
	l.action.SetSelectedIndex(0)
	test.Type(l.text, "花名册")
	l.reload()
	if len(l.entries) != 2 {
		t.Fatalf("text filter: %d entries, want 2", len(l.entries))
	}
	l.text.SetText("")
	l.from.SetText("2026-11-01")
	l.to.SetText("2026年11月20日")
	l.reload()
	if len(l.entries) != 2 || !strings.Contains(l.count.Text, "2026-11-01 至 2026-11-20") {
		t.Fatalf("date filter: %d entries, %q", len(l.entries), l.count.Text)
	}
	l.to.SetText("上周")
	l.reload()
	if !strings.Contains(l.count.Text, "截止日期“上周”不是日期") || len(l.entries) != 2 {
		t.Fatalf("bad date: %q, %d entries", l.count.Text, len(l.entries))
	}
	l.to.SetText("")
	f, err := l.filter()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(filepath.Dir(wb.Store.Path()), "导出 日志.xlsx")
	done := make(chan struct{})
	l.export(f, out)
	go func() {
		apptest.WaitFor(t, "export", func() bool { _, err := os.Stat(out); return err == nil })
		close(done)
	}()
	<-done
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows("操作日志")
	if len(rows) != 2+3 || rows[0][0] != "操作日志（2026-11-01 起，共 3 条）" {
		t.Fatalf("export: %d rows, title %q", len(rows), rows[0][0])
	}
}

// importOne imports one member (a person in the branch 测试党支部), as a roster import does.
func importOne(t *testing.T, s *data.Store, name string) (int64, int64) {
	t.Helper()
	batch := apptest.ImportNames(t, s, name+".xlsx", name)
	persons, err := s.Persons(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range persons {
		if p.Name == name {
			return batch, p.ID
		}
	}
	t.Fatalf("%s not imported", name)
	return 0, 0
}

func TestBatchTabUndoesAndExplainsRefusal(t *testing.T) {
	wb, w := apptest.EmptyWorkbench(t)
	importOne(t, wb.Store, "赵敏")
	_, edited := importOne(t, wb.Store, "钱进")
	persons, _ := wb.Store.Persons(context.Background())
	for _, p := range persons {
		if p.ID == edited {
			p.Phone = "13912341234"
			if err := wb.Store.SavePerson(context.Background(), &p); err != nil {
				t.Fatal(err)
			}
		}
	}
	h := newBatchTab(wb)
	w.SetContent(h.content)
	if len(h.batches) != 2 || h.cell(0, 5) != "有效" {
		t.Fatalf("%d batches", len(h.batches))
	}
	wb.OnChange(ui.Records, func() { h.reload() })
	// The newest batch's person was edited since: undo is refused, naming the person.
	h.table.Select(widget.TableCellID{Row: 0})
	apptest.Tap(t, w, "撤销这次导入…")
	apptest.Tap(t, w, "撤销")
	apptest.WaitFor(t, "refusal", func() bool {
		top := w.Canvas().Overlays().Top()
		if top == nil {
			return false
		}
		found := false
		apptest.WalkLabels(top, func(l *widget.Label) { found = found || strings.Contains(l.Text, "钱进") })
		return found
	})
	w.Canvas().Overlays().Top().Hide()
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	if got, _ := wb.Store.Persons(context.Background()); len(got) != 2 {
		t.Fatalf("%d persons after a refused undo, want 2", len(got))
	}
	// The older batch was not edited: undo removes its person.
	h.table.Select(widget.TableCellID{Row: 1})
	apptest.Tap(t, w, "撤销这次导入…")
	apptest.Tap(t, w, "撤销")
	apptest.WaitFor(t, "undo", func() bool { return len(h.batches) == 2 && strings.Contains(h.cell(1, 5), "撤销") })
	if got, _ := wb.Store.Persons(context.Background()); len(got) != 1 || got[0].Name != "钱进" {
		t.Fatalf("persons after undo = %+v", got)
	}
}

func TestOpenFailureOffersTheNewestGoodBackup(t *testing.T) {
	a := apptest.NewTestApp(t)
	path := filepath.Join(t.TempDir(), "党建 数据", "我的 库.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AutoBackup("每日"); err != nil {
		t.Fatal(err)
	}
	want := apptest.MemberCount(t, s)
	s.Close()
	disktest.Damage(t, path)
	_, err = data.Open(path)
	if err == nil {
		t.Fatal("damaged database opened")
	}
	retried := 0
	w := ShowOpenFailure(a, path, err, func() { retried++ })
	if !apptest.HasLabel(w.Content(), "数据库文件已损坏") || apptest.HasLabel(w.Content(), "malformed") {
		t.Fatal("the damage is not explained in plain Chinese")
	}
	apptest.Tap(t, w, "恢复最新的完好备份")
	if retried != 1 {
		t.Fatal("retry not called after the restore")
	}
	s, err = data.Open(path)
	if err != nil {
		t.Fatalf("after restore: %v", err)
	}
	defer s.Close()
	if got := apptest.MemberCount(t, s); got != want {
		t.Fatalf("%d members, want %d", got, want)
	}

	// A database held by another window: no restore offered, only the explanation.
	release, _ := data.AcquireLock(path)
	defer release()
	_, lerr := data.AcquireLock(path)
	w2 := ShowOpenFailure(a, path, lerr, nil)
	if !apptest.HasLabel(w2.Content(), "已在另一个窗口中打开（用户 ") {
		t.Fatal("the lock window does not say who holds the database")
	}
	if apptest.Button(w2, "恢复最新的完好备份") != nil || !errors.Is(lerr, data.ErrLocked) {
		t.Fatal("restore offered for a database that is only in use")
	}
}
