//go:build !windows

package main

import (
	"database/sql"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
)

// The kill -9 soak: every command that writes (import roster, restore, backup, ab import, eval
// import) is killed with SIGKILL at random points of its run, and after each kill the database
// must open without repair, pass integrity_check, and hold either what it held before or what
// a completed run leaves — never a part, never a person without a membership who was not there
// before or after. SOAK_KILLS sets the kills per command: `make soak` runs 20; `make test` runs
// the default 3, which keeps the test well within CI's time.

// buildCLI builds the command line into a fresh folder of the test.
func buildCLI(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "dangjian-cli")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// dbState is what a user would compare: how many rows of each kind, and the persons no
// membership holds. Two states are equal only when every count is.
type dbState string

var stateQueries = []string{
	`SELECT COUNT(*) FROM person`, `SELECT COUNT(*) FROM membership`, `SELECT COUNT(*) FROM org`, `SELECT COUNT(*) FROM unit`,
	`SELECT COUNT(*) FROM batch`, `SELECT COUNT(*) FROM batch_change`, `SELECT COUNT(*) FROM ab_item`, `SELECT COUNT(*) FROM ab_assignment`,
	`SELECT COUNT(*) FROM eval_score`,
	`SELECT COUNT(*) FROM person p WHERE NOT EXISTS (SELECT 1 FROM membership m WHERE m.person_id = p.id)`,
}

// stateOf opens the database as the next start would, checks it and reads its state.
func stateOf(t *testing.T, db string) dbState {
	t.Helper()
	s, err := data.Open(db)
	if err != nil {
		t.Fatalf("the database does not open: %v", err)
	}
	defer s.Close()
	raw := rawDB(t, s)
	defer raw.Close() // before the store's own close
	return checkedState(t, raw)
}

func checkedState(t *testing.T, db *sql.DB) dbState {
	t.Helper()
	var check string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	var parts []string
	for _, q := range stateQueries {
		var n int
		if err := db.QueryRow(q).Scan(&n); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		parts = append(parts, strconv.Itoa(n))
	}
	return dbState(strings.Join(parts, "/"))
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// soakCase is one command to kill: args after -db, given the run's folder; check, when set,
// looks at what else the command leaves (the backup file).
type soakCase struct {
	name  string
	args  func(dir string) []string
	check func(t *testing.T, dir string, live dbState)
}

func TestKillNineAnywhereLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the CLI and kills it many times")
	}
	kills := 3
	if v := os.Getenv("SOAK_KILLS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("SOAK_KILLS=%q: want a number of kills per command", v)
		}
		kills = n
	}
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv("SOAK_SEED"); v != "" {
		seed, _ = strconv.ParseUint(v, 10, 64)
	}
	t.Logf("SOAK_KILLS=%d SOAK_SEED=%d", kills, seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	bin := buildCLI(t)

	// The fixtures: the demo institute (every run starts from a copy), a roster of new members,
	// the demo's A/B catalogue to import into a copy whose catalogue was emptied, a filled score
	// sheet, and a backup holding more than the live database, to restore.
	fix := t.TempDir()
	demo := filepath.Join(fix, "demo", "库.db")
	if _, e, code := cli(t, "-db", demo, "demo"); code != 0 {
		t.Fatalf("demo: %d %s", code, e)
	}
	roster := filepath.Join(fix, "名单.xlsx")
	writeBigRoster(t, roster, 8000)
	catalogue := filepath.Join(fix, "指南.xlsx")
	if _, e, code := cli(t, "-db", demo, "ab", "export", catalogue, "-guide"); code != 0 {
		t.Fatalf("ab export: %d %s", code, e)
	}
	noAB := filepath.Join(fix, "noab", "库.db")
	copyFile(t, demo, noAB)
	if s, err := data.Open(noAB); err != nil {
		t.Fatal(err)
	} else {
		raw := rawDB(t, s)
		_, err := raw.Exec(`DELETE FROM ab_assignment; DELETE FROM ab_item`)
		raw.Close() // before the store, so the last close writes the change into the file copied
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	scores := filledScoreSheet(t, demo, fix)
	bigger := filepath.Join(fix, "bigger", "库.db")
	copyFile(t, demo, bigger)
	if _, e, code := cli(t, "-db", bigger, "import", "roster", roster, "-create-branches"); code != 0 {
		t.Fatalf("import: %d %s", code, e)
	}
	backupIn := filepath.Join(fix, "备份.db")
	if _, e, code := cli(t, "-db", bigger, "backup", backupIn); code != 0 {
		t.Fatalf("backup: %d %s", code, e)
	}

	cases := []struct {
		soakCase
		start string // the database each run starts from
	}{
		{soakCase{name: "import roster", args: func(string) []string { return []string{"import", "roster", roster, "-create-branches"} }}, demo},
		{soakCase{name: "restore", args: func(string) []string { return []string{"restore", backupIn} }}, demo},
		{soakCase{
			name: "backup", args: func(dir string) []string { return []string{"backup", filepath.Join(dir, "out", "副本.db")} },
			check: func(t *testing.T, dir string, live dbState) {
				out := filepath.Join(dir, "out", "副本.db")
				if _, err := os.Stat(out); err != nil {
					return // killed before the rename: no backup, which the command never said it made
				}
				copyFile(t, out, filepath.Join(dir, "check", "副本.db"))
				if got := stateOf(t, filepath.Join(dir, "check", "副本.db")); got != live {
					t.Errorf("the backup file holds %s, the database %s: a half backup", got, live)
				}
			},
		}, demo},
		{soakCase{name: "ab import", args: func(string) []string { return []string{"ab", "import", catalogue} }}, noAB},
		{soakCase{name: "eval import", args: func(string) []string { return []string{"eval", "import", scores} }}, demo},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// A run to the end: what a completed run leaves, and how long one takes.
			dir := t.TempDir()
			db := filepath.Join(dir, "库.db")
			copyFile(t, c.start, db)
			before := stateOf(t, db)
			cmd := exec.Command(bin, append([]string{"-db", db}, c.args(dir)...)...)
			began := time.Now()
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("a run to the end failed: %v\n%s", err, out)
			}
			took := time.Since(began)
			after := stateOf(t, db)
			if c.name != "backup" && after == before {
				t.Fatalf("a completed %s changed nothing (%s): the soak would prove nothing", c.name, after)
			}
			t.Logf("a run to the end takes %v; before %s, after %s", took.Round(time.Millisecond), before, after)
			for i := range kills {
				dir := t.TempDir()
				db := filepath.Join(dir, "库.db")
				copyFile(t, c.start, db)
				at := time.Duration(rng.Int64N(int64(took) * 11 / 10))
				cmd := exec.Command(bin, append([]string{"-db", db}, c.args(dir)...)...)
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				time.Sleep(at)
				cmd.Process.Signal(syscall.SIGKILL)
				cmd.Wait()
				got := stateOf(t, db)
				if got != before && got != after {
					t.Fatalf("kill %d at %v: the database holds %s; want %s (before) or %s (completed)", i+1, at, got, before, after)
				}
				if c.check != nil {
					c.check(t, dir, got)
				}
			}
		})
	}
}

// filledScoreSheet prints the open round's score sheets from db and types a score into every
// score cell, as the office would fill them on paper and type them back.
func filledScoreSheet(t *testing.T, db, dir string) string {
	t.Helper()
	id := firstRound(t, db)
	sheets := filepath.Join(dir, "考评表")
	out, e, code := cli(t, "-db", db, "eval", "sheets", "-round", id, "-out", sheets, "-format", "xlsx")
	if code != 0 {
		t.Fatalf("eval sheets: %d %s", code, e)
	}
	path := strings.Fields(out)[0]
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for r := 3; r < len(rows); r++ {
			cell, _ := excelize.CoordinatesToCellName(6, r+1) // F: 考评分
			f.SetCellValue(sh, cell, 1)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	return path
}

// rawDB is a connection of its own to the store's file, for tests that look at or damage the
// database beneath the store: the CLI has no way past the store's use cases.
func rawDB(t *testing.T, s *data.Store) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+s.Path()+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
