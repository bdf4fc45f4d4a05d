package data

import (
	"bufio"
	"database/sql"
	"os"
	"os/exec"
	"testing"
)

// The tests of a killed process (a lock, temporary files) run this test binary again as the
// other process: startHelper starts it running the helper test, which finds its database with
// helperDB and prints what it did before it waits to be killed.

// startHelper starts the helper test, with the database db in the environment variable env,
// and reads the first n lines it prints, of which the first must be ready. The helper is killed
// when the test ends if the test has not killed it before.
func startHelper(t *testing.T, test, env, db, ready string, n int) (*exec.Cmd, []string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$")
	cmd.Env = append(os.Environ(), env+"="+db)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	sc := bufio.NewScanner(out)
	var lines []string
	for len(lines) < n && sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) != n || lines[0] != ready {
		t.Fatalf("helper said %q, want %s first", lines, ready)
	}
	return cmd, lines
}

// helperDB is the database the helper test was started for; in a plain test run, where no
// helper is wanted, the test is skipped.
func helperDB(t *testing.T, env string) string {
	db := os.Getenv(env)
	if db == "" {
		t.Skip("helper process only")
	}
	return db
}

// rawExec runs statements on the SQLite file at path through the driver alone, as another
// program would, bypassing the store: how a test crafts a file the store must refuse.
func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	raw.SetMaxOpenConns(1) // PRAGMA writable_schema holds for its own connection only
	for _, q := range stmts {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
}
