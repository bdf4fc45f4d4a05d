//go:build linux

package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
	"dangjian/data/disktest"
	"dangjian/data/sheets"
)

// A roster import that fills the disk must leave the database exactly as it was: SQLite rolls
// the transaction back by itself on SQLITE_FULL, and a retry of the failed rows then ran outside
// any transaction, committing persons without a membership or a batch. Both the command line's
// streaming import and the window's CommitImport are driven into the full disk.
func TestFullDiskImportLeavesTheDatabaseAsItWas(t *testing.T) {
	if testing.Short() {
		t.Skip("mounts small file systems and fills them with a large roster")
	}
	roster := filepath.Join(t.TempDir(), "全院名单.xlsx") // on the ordinary disk: only the database fills
	writeBigRoster(t, roster, 20000)
	// Where the disk fills decides which statement meets it: at 7 MB a membership insert (whose
	// row-by-row retry then failed on its rolled-back person), at 9 MB a person insert (whose
	// retry committed 400 persons).
	for _, size := range []string{"7m", "9m"} {
		t.Run(size, func(t *testing.T) { fillDiskWithImport(t, size, roster) })
	}
}

func fillDiskWithImport(t *testing.T, size, roster string) {
	db := filepath.Join(disktest.SmallDisk(t, size), "库.db")
	if _, e, code := cli(t, "-db", db, "demo"); code != 0 {
		t.Fatalf("demo: %d %s", code, e)
	}
	before := stateOf(t, db)

	_, e, code := cli(t, "-db", db, "import", "roster", roster, "-create-branches")
	t.Logf("command line: exit %d, %s", code, strings.TrimSpace(e))
	if code != 1 || !strings.Contains(e, "磁盘") || !strings.Contains(e, "已满") || strings.Count(strings.TrimSpace(e), "\n") > 0 {
		t.Errorf("import on a full disk: exit %d, stderr %q; want exit 1 and one line saying the disk is full", code, e)
	}
	for _, english := range []string{"database or disk", "SQLITE", "(13)"} {
		if strings.Contains(e, english) {
			t.Errorf("the refusal shows SQLite's text %q: %q", english, e)
		}
	}
	if after := stateOf(t, db); after != before {
		t.Errorf("the command line's import on a full disk changed the database: before %+v, after %+v", before, after)
	}

	// The window's path: the plan shown in the wizard, then CommitImport.
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	plan := windowPlan(t, s, roster)
	_, err = sheets.CommitImport(context.Background(), s, plan, nil)
	s.Close()
	if msg := data.Explain(err); err == nil || !strings.Contains(msg, "磁盘") || !strings.Contains(msg, "已满") {
		t.Errorf("the window's commit on a full disk: %v (shown as %q); want the disk named full", err, msg)
	}
	if after := stateOf(t, db); after != before {
		t.Errorf("the window's commit on a full disk changed the database: before %+v, after %+v", before, after)
	}
}
