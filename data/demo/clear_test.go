package demo

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/internal/sqldb"
	"dangjian/data/storetest"
)

// Clearing the demo leaves a database as empty as a new one (every table but the audit log),
// after a backup that still holds the demo; a database that is not the demo is refused.
func TestClearLeavesAnEmptyDatabaseAfterABackup(t *testing.T) {
	s := storetest.Open(t, time.Date(2026, 11, 28, 10, 0, 0, 0, time.Local))
	if _, err := Clear(context.Background(), s); !errors.Is(err, ErrNotDemo) {
		t.Fatalf("clearing an empty database: %v", err)
	}
	if err := Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if demo, err := IsDemo(context.Background(), s); !demo || err != nil {
		t.Fatalf("IsDemo after loading = %v, %v", demo, err)
	}
	backup, err := Clear(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := sqldb.Of(s).Pool().Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit'`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	for _, tb := range tables {
		var n int
		sqldb.Of(s).Pool().QueryRow(`SELECT COUNT(*) FROM ` + tb).Scan(&n)
		if n != 0 && tb != "schema_version" {
			t.Errorf("table %s keeps %d rows after clearing", tb, n)
		}
	}
	if demo, _ := IsDemo(context.Background(), s); demo {
		t.Error("still marked as demo after clearing")
	}
	if empty, _ := IsEmpty(context.Background(), s); !empty {
		t.Error("not empty after clearing")
	}
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("no backup before clearing: %v", err)
	}
	b, err := data.Open(backup)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if empty, _ := IsEmpty(context.Background(), b); empty {
		t.Error("the backup taken before clearing does not hold the demo")
	}
	if err := Load(context.Background(), s); err != nil {
		t.Fatalf("the demo cannot be loaded again after clearing: %v", err)
	}
}
