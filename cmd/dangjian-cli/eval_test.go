package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestEvalCommands(t *testing.T) {
	db := demoDB(t)
	out, errOut, code := cli(t, "-db", db, "eval", "rounds", "-json")
	if code != 0 {
		t.Fatalf("eval rounds: %d %s", code, errOut)
	}
	var rounds []struct {
		ID   int64  `json:"id"`
		Year int    `json:"year"`
		Name string `json:"name"`
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct {
			ID   int64  `json:"id"`
			Year int    `json:"year"`
			Name string `json:"name"`
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		rounds = append(rounds, r)
	}
	if len(rounds) != 3 || rounds[0].Year != rounds[2].Year+2 {
		t.Fatalf("demo rounds %+v, want three consecutive years newest first", rounds)
	}
	last := rounds[1] // the locked, complete previous year
	id := func(r int64) string { return strconv.FormatInt(r, 10) }
	out, _, code = cli(t, "-db", db, "eval", "results", "-round", id(last.ID), "-json")
	if code != 0 {
		t.Fatal("eval results failed")
	}
	var first struct {
		Organ  string             `json:"organ"`
		Total  float64            `json:"total"`
		Rank   int                `json:"rank"`
		Grade  string             `json:"grade"`
		Scores map[string]float64 `json:"scores"`
	}
	json.Unmarshal([]byte(strings.Split(out, "\n")[0]), &first)
	if first.Organ != "科研处" || first.Rank != 1 || first.Grade != "优秀" || len(first.Scores) != 3 {
		t.Errorf("first result %+v, want 科研处 ranked 1 优秀 with three group totals", first)
	}
	dir := t.TempDir()
	out, errOut, code = cli(t, "-db", db, "eval", "sheets", "-round", id(rounds[0].ID), "-out", dir, "-format", "both")
	if code != 0 || len(strings.Fields(out)) != 6 {
		t.Fatalf("eval sheets: %d %q %s", code, out, errOut)
	}
	sheet := strings.Split(out, "\n")[0]
	f, err := excelize.OpenFile(sheet)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("院办公室", "F4", 99) // 理论武装, max 8
	f.SetCellValue("院办公室", "F5", 8)
	f.Save()
	out, errOut, code = cli(t, "-db", db, "eval", "import", sheet, "-json")
	if code != 0 {
		t.Fatalf("eval import: %d %s", code, errOut)
	}
	var imp struct {
		Imported, Rejected int
		Errors             []struct{ Cell, Message string }
	}
	json.Unmarshal([]byte(out), &imp)
	if imp.Imported != 1 || imp.Rejected != 1 || imp.Errors[0].Cell != "F4" || !strings.Contains(imp.Errors[0].Message, "院办公室 第4行 考评分（F4）") {
		t.Errorf("import %s", out)
	}
	if _, errOut, code = cli(t, "-db", db, "eval", "results"); code != 2 {
		t.Errorf("eval results without -round: %d %s", code, errOut)
	}
	bad := filepath.Join(dir, "bad.xlsx")
	os.WriteFile(bad, []byte("x"), 0o644)
	if _, errOut, code = cli(t, "-db", db, "eval", "import", bad); code != 1 || !strings.Contains(errOut, "不是可读取的 Excel") {
		t.Errorf("bad file: %d %s", code, errOut)
	}
}
