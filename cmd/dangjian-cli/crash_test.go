//go:build !windows

package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/civil"
	"dangjian/data/idcard"
	"dangjian/data/sheets"
)

// crashRows is large enough that the import's one transaction takes a while on this machine,
// so the kill lands inside it.
const crashRows = 40000

// writeBigRoster writes a roster of n valid members in 20 branches, with the office's headers,
// through the roster export (which the import reads back unchanged).
func writeBigRoster(t *testing.T, path string, n int) {
	t.Helper()
	ms := make([]data.Member, n)
	for i := range ms {
		birth := civil.Date(1960+i%40, time.Month(1+i%12), 1+i%28)
		male := i%2 == 0
		m := &ms[i]
		m.Name = fmt.Sprintf("党员%05d", i)
		m.Gender = map[bool]string{true: "男", false: "女"}[male]
		m.Ethnicity = "汉族"
		m.Birth = birth
		m.IDNumber = idcard.Make("340104", birth, (i/480)%100, male)
		m.BranchName = fmt.Sprintf("第%d党支部", 1+i%20)
		m.Category = data.CategoryFull
		m.Joined = civil.Date(2000+i%20, 7, 1)
		m.Full = civil.Date(2001+i%20, 7, 1)
		m.Phone = fmt.Sprintf("139%08d", i)
		m.Status = data.StatusNormal
	}
	opt := sheets.ExportOptions{Title: "党员花名册", IncludeFullIDs: true}
	if err := sheets.ExportMembers(context.Background(), ms, path, opt, civil.Date(2026, 11, 28), nil); err != nil {
		t.Fatal(err)
	}
}

// TestKilledImportLeavesNoneOrAllOfTheBatch starts the real CLI on a large roster, kills it with
// SIGKILL while its transaction is being written, and checks that the next start opens the
// database without repair and finds either none or all of the import.
func TestKilledImportLeavesNoneOrAllOfTheBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the CLI and imports a large roster")
	}
	if errors.Is(runImport(&env{}, nil), errNotYet) {
		t.Skip("import roster is not implemented yet")
	}
	dir := t.TempDir()
	bin := buildCLI(t)
	roster := filepath.Join(dir, "全院 党员名单.xlsx")
	writeBigRoster(t, roster, crashRows)
	db := filepath.Join(dir, "党建 数据", "库.db")
	// The institute's 党委 exists before the first import; new branches are created under it.
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveOrg(context.Background(), &data.Org{TypeCode: data.TypeCommittee, Name: "中共某研究院委员会"}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	cmd := exec.Command(bin, "-db", db, "import", "roster", roster, "-create-branches")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	started := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// The transaction spills pages into the -wal file as it writes; once that has grown well
	// past a fresh database's, the import is inside its transaction.
	const midway = 2 << 20
	var walAt int64
	killed := false
	for deadline := time.Now().Add(3 * time.Minute); time.Now().Before(deadline) && !killed; time.Sleep(2 * time.Millisecond) {
		select {
		case err := <-exited:
			t.Fatalf("the import ended (%v) before it could be killed; raise crashRows", err)
		default:
		}
		if st, err := os.Stat(db + "-wal"); err == nil && st.Size() > midway {
			walAt = st.Size()
			cmd.Process.Signal(syscall.SIGKILL)
			killed = true
		}
	}
	if !killed {
		cmd.Process.Kill()
		t.Fatal("the import never reached its transaction")
	}
	err = <-exited
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("child was not killed: %v", err)
	}
	t.Logf("killed %v after the start, with the -wal file at %d KB", time.Since(started).Round(time.Millisecond), walAt>>10)

	s, err = data.Open(db)
	if err != nil {
		t.Fatalf("the database does not open after the kill: %v", err)
	}
	defer s.Close()
	raw := rawDB(t, s)
	defer raw.Close()
	var check string
	if err := raw.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	var members, batches int
	raw.QueryRow(`SELECT COUNT(*) FROM membership`).Scan(&members)
	raw.QueryRow(`SELECT COUNT(*) FROM batch`).Scan(&batches)
	t.Logf("after the kill: %d members, %d batches", members, batches)
	if !(members == 0 && batches == 0) && !(members == crashRows && batches == 1) {
		t.Fatalf("%d members in %d batches: the killed import left part of itself", members, batches)
	}
}
