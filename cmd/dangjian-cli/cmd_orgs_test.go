package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

type orgLine struct {
	Name      string `json:"name"`
	ShortName string `json:"short_name"`
	TypeCode  int    `json:"type_code"`
	Parent    string `json:"parent"`
	Unit      string `json:"unit"`
	Founded   string `json:"founded"`
	Members   int    `json:"members"`
}

// An office's first day from the command line: an empty database, init, the organisation
// sheet (previewed, then imported), the roster, and the tree with its headcounts; then the tree
// exported and imported again changes nothing.
func TestCLIFirstDay(t *testing.T) {
	db := filepath.Join(t.TempDir(), "新单位.db")
	if _, e, code := cli(t, "-db", db, "init", "-name", "中共某某研究院委员会", "-short", "院党委", "-institute", "某某研究院"); code != 0 {
		t.Fatal(e)
	}
	orgs := writeSheet(t, "基层党组织基本情况一览表.xlsx", [][]any{
		{"序号", "党组织名称", "组织类别", "上级党组织", "依托单位", "单位类型", "成立时间", "简称"},
		{1, "材料实验室党支部", "631", "材料所党总支", "材料实验室", "实验室", "2001-07-01", "材料支部"},
		{2, "材料所党总支", "党总支", "", "材料研究所", "科研单元", "1995年3月", ""},
		{3, "科研处党支部", "党支部", "院党委", "科研处", "行政机构", "2003.05.01", ""},
	})
	dry := importJSON(t, "-db", db, "import", "orgs", orgs, "-dry-run", "-json")
	if dry.Imported != 3 {
		t.Fatalf("preview: %+v", dry)
	}
	if tree, _, _ := cli(t, "-db", db, "orgs"); strings.Contains(tree, "材料") {
		t.Fatalf("the preview wrote: %q", tree)
	}
	if s := importJSON(t, "-db", db, "import", "orgs", orgs, "-json"); s.Imported != 3 || s.Rejected != 0 {
		t.Fatalf("import orgs: %+v", s)
	}
	roster := writeSheet(t, "花名册.xlsx", [][]any{
		{"姓名", "公民身份号码", "所在党支部", "党员类别", "入党日期"},
		{"甲", testID(1980, 1), "材料支部", "正式党员", "2005-07-01"},
		{"乙", testID(1981, 2), "材料实验室党支部", "正式党员", "2006-07-01"},
		{"丙", testID(1982, 3), "科研处党支部", "预备党员", "2026-06-01"},
	})
	if s := importJSON(t, "-db", db, "import", "roster", roster, "-json"); s.Imported != 3 {
		t.Fatalf("import roster: %+v", s)
	}
	out, _, _ := cli(t, "-db", db, "orgs", "-json")
	got := map[string]orgLine{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var o orgLine
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatal(err)
		}
		got[o.Name] = o
	}
	want := map[string]orgLine{
		"中共某某研究院委员会": {Name: "中共某某研究院委员会", ShortName: "院党委", TypeCode: 611},
		"材料所党总支":     {Name: "材料所党总支", TypeCode: 621, Parent: "中共某某研究院委员会", Unit: "材料研究所", Founded: "1995-03-01"},
		"材料实验室党支部":   {Name: "材料实验室党支部", ShortName: "材料支部", TypeCode: 631, Parent: "材料所党总支", Unit: "材料实验室", Founded: "2001-07-01", Members: 2},
		"科研处党支部":     {Name: "科研处党支部", TypeCode: 631, Parent: "中共某某研究院委员会", Unit: "科研处", Founded: "2003-05-01", Members: 1},
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("orgs -json %s: %+v, want %+v", name, got[name], w)
		}
	}
	exported := filepath.Join(t.TempDir(), "导出组织.xlsx")
	if _, e, code := cli(t, "-db", db, "export", "orgs", exported); code != 0 {
		t.Fatal(e)
	}
	if s := importJSON(t, "-db", db, "import", "orgs", exported, "-json"); s.Unchanged != 4 || s.Rows != 4 {
		t.Errorf("round trip: %+v; want all 4 unchanged", s)
	}
}

// A roster given to import orgs, an empty file, and an organisation sheet given to import
// roster: one refusal line each, exit 1.
func TestCLIImportOrgsRefusesOtherFiles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "库.db")
	orgs := writeSheet(t, "组织.xlsx", [][]any{{"党组织名称", "组织类别", "上级党组织"}, {"一支部", "党支部", ""}})
	if _, e, code := cli(t, "-db", db, "import", "orgs", orgs); code != 1 || !strings.Contains(e, "dangjian-cli init") {
		t.Errorf("import orgs before init: exit %d, %q; want a refusal naming init", code, e)
	}
	cli(t, "-db", db, "init", "-name", "中共某某研究院委员会")
	roster := writeSheet(t, "花名册.xlsx", [][]any{{"姓名", "公民身份号码", "所在党支部"}, {"甲", "11010519491231002X", "一支部"}})
	empty := writeSheet(t, "空.xlsx", nil)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "orgs", roster}, "花名册"},
		{[]string{"import", "orgs", empty}, "空的"},
		{[]string{"import", "roster", orgs}, "import orgs"},
	} {
		_, e, code := cli(t, append([]string{"-db", db}, c.args...)...)
		if code != 1 || !strings.Contains(e, c.want) || strings.Count(strings.TrimSpace(e), "\n") != 0 {
			t.Errorf("%v: exit %d, %q; want one line with %q", c.args, code, e, c.want)
		}
	}
	if tree, _, _ := cli(t, "-db", db, "orgs"); strings.Contains(tree, "一支部") {
		t.Errorf("a refused file changed the tree: %q", tree)
	}
}
