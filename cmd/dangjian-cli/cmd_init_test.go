package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCLIInitSetsUpAnEmptyDatabaseOnce(t *testing.T) {
	db := filepath.Join(t.TempDir(), "新库.db")
	if _, e, code := cli(t, "-db", db, "init"); code != 2 || !strings.Contains(e, "-name") {
		t.Errorf("init without -name: exit %d, %q; want usage naming -name", code, e)
	}
	out, e, code := cli(t, "-db", db, "init", "-name", "中共某某研究院委员会", "-short", "院党委", "-institute", "某某研究院")
	if code != 0 || !strings.Contains(out, "中共某某研究院委员会") {
		t.Fatalf("init: exit %d, %q %q", code, out, e)
	}
	tree, _, _ := cli(t, "-db", db, "orgs")
	if strings.TrimSpace(tree) != "中共某某研究院委员会（党委）" {
		t.Errorf("tree after init: %q", tree)
	}
	_, e, code = cli(t, "-db", db, "init", "-name", "中共另一研究院委员会")
	if code != 1 || strings.Count(strings.TrimSpace(e), "\n") != 0 || !strings.Contains(e, "已经有党委") {
		t.Errorf("second init: exit %d, %q; want one refusal line", code, e)
	}
	if again, _, _ := cli(t, "-db", db, "orgs"); again != tree {
		t.Errorf("a refused init changed the tree: %q", again)
	}
}

// -create-branches on a database without a 党委 is refused before the file is opened, naming
// init: the file here is not even a workbook, and the refusal must not be about it.
func TestCLIImportCreateBranchesWithoutRootNamesInit(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "空库.db")
	file := filepath.Join(dir, "花名册.xlsx")
	if err := os.WriteFile(file, []byte("姓名,身份证号\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, dry := range []bool{false, true} {
		args := []string{"-db", db, "import", "roster", file, "-create-branches"}
		if dry {
			args = append(args, "-dry-run")
		}
		_, e, code := cli(t, args...)
		if code != 1 || !strings.Contains(e, "dangjian-cli init") || strings.Contains(e, "花名册.xlsx") {
			t.Errorf("dry-run %v: exit %d, %q; want a refusal naming init, not the file", dry, code, e)
		}
	}
}
