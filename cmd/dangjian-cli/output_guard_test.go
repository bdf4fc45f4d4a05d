package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// No command may write its output over the database, its -wal, a backup or the file it reads,
// however the path is spelled: `export roster <the database>` replaced the live database with a
// workbook and said 已导出. Each writer is pointed at each of these while another program (the
// window) holds the database open in WAL mode, and must refuse in one line, leaving the
// database byte for byte as it was.
func TestOutputNeverLandsOnTheDatabase(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	if _, e, code := cli(t, "-db", db, "backup"); code != 0 {
		t.Fatalf("backup: %d %s", code, e)
	}
	backups, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "backups", "*.db"))
	if len(backups) == 0 {
		t.Fatal("no backup was taken")
	}
	// The input: the roster exported from this database (so importing it changes nothing),
	// with one row made invalid, so that a rejects file has a row to write.
	input := filepath.Join(dir, "名单.xlsx")
	if _, e, code := cli(t, "-db", db, "export", "roster", input); code != 0 {
		t.Fatalf("export: %d %s", code, e)
	}
	f, err := excelize.OpenFile(input)
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetName(0)
	rows, _ := f.GetRows(sheet)
	for r, row := range rows {
		if c := slices.IndexFunc(row, func(h string) bool { return strings.Contains(h, "身份") }); c >= 0 {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			f.SetCellValue(sheet, cell, "12345")
			break
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	// The window: a connection of another program keeps the database open, so its -wal and
	// -shm exist, as they do while staff work.
	window, err := sql.Open("sqlite", "file:"+db+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	defer window.Close()
	var n int
	if err := window.QueryRow(`SELECT COUNT(*) FROM person`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(db + "-wal"); err != nil {
		t.Fatalf("the -wal should exist while the database is open: %v", err)
	}
	linkXLSX := filepath.Join(dir, "花名册.xlsx")
	linkPDF := filepath.Join(dir, "指南.pdf")
	for _, l := range []string{linkXLSX, linkPDF} {
		if err := os.Symlink(db, l); err != nil {
			t.Fatal(err)
		}
	}
	dotted := filepath.Join(filepath.Dir(db), ".", "..", filepath.Base(filepath.Dir(db)), filepath.Base(db))

	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]string{}
	for name, target := range map[string]string{
		"数据库": db, "另一种写法的数据库": dotted, "-wal": db + "-wal", "-shm": db + "-shm", "-journal（尚不存在）": db + "-journal",
		"锁文件": db + ".lock", "备份": backups[0], "指向数据库的链接": linkXLSX,
	} {
		cases["export roster → "+name] = []string{"export", "roster", target}
		cases["export template → "+name] = []string{"export", "template", target}
		cases["import -rejects → "+name] = []string{"import", "roster", input, "-rejects", target}
		cases["import -dry-run -rejects → "+name] = []string{"import", "roster", input, "-dry-run", "-rejects", target}
		cases["backup → "+name] = []string{"backup", target}
	}
	cases["import -rejects → 输入文件"] = []string{"import", "roster", input, "-rejects", input}
	cases["import -dry-run -rejects → 输入文件"] = []string{"import", "roster", input, "-dry-run", "-rejects", input}
	cases["ab export → 指向数据库的链接"] = []string{"ab", "export", linkXLSX}
	cases["ab export -guide → 指向数据库的链接"] = []string{"ab", "export", "-guide", linkXLSX}
	cases["ab export -guide PDF → 指向数据库的链接"] = []string{"ab", "export", "-guide", linkPDF}
	round := firstRound(t, db)
	cases["eval sheets -out → 数据库"] = []string{"eval", "sheets", "-round", round, "-out", db}
	cases["eval sheets -out → 备份文件夹"] = []string{"eval", "sheets", "-round", round, "-out", filepath.Dir(backups[0])}
	inputBefore, _ := os.ReadFile(input)
	for name, args := range cases {
		_, e, code := cli(t, append([]string{"-db", db}, args...)...)
		if name == "export roster → 锁文件" {
			t.Logf("%s: %s", name, strings.TrimSpace(e))
		}
		if code != 1 || strings.Count(strings.TrimSpace(e), "\n") != 0 || !strings.Contains(e, "不能写入") {
			t.Errorf("%s: exit %d, stderr %q; want exit 1 and one line refusing the path", name, code, e)
		}
		if now, _ := os.ReadFile(db); !bytes.Equal(now, before) {
			t.Fatalf("%s: the database file changed", name)
		}
		if now, _ := os.ReadFile(input); !bytes.Equal(now, inputBefore) {
			t.Fatalf("%s: the input file changed", name)
		}
		if _, err := os.Stat(db + "-journal"); err == nil {
			t.Fatalf("%s: a file was written as the database's -journal", name)
		}
	}
	if err := window.QueryRow(`SELECT COUNT(*) FROM person`).Scan(&n); err != nil || n == 0 {
		t.Errorf("the window's database after the refusals: %d persons, %v", n, err)
	}
	// An ordinary output beside the database is still written.
	if _, e, code := cli(t, "-db", db, "export", "roster", filepath.Join(filepath.Dir(db), "花名册.xlsx")); code != 0 {
		t.Errorf("an export beside the database was refused: %s", e)
	}
}

// firstRound is the id of the newest evaluation round, as eval rounds -json prints it.
func firstRound(t *testing.T, db string) string {
	t.Helper()
	out, e, code := cli(t, "-db", db, "eval", "rounds", "-json")
	var r struct{ ID int64 }
	if code != 0 || json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &r) != nil {
		t.Fatalf("eval rounds: %d %q %s", code, out, e)
	}
	return strconv.FormatInt(r.ID, 10)
}
