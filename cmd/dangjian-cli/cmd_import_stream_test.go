package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
)

// The real import streams the file into the store while the dry run plans it; both print the
// same JSON, in the contract's shape, and the real one writes the -rejects file too.
func TestCLIImportJSONShapeUnchanged(t *testing.T) {
	db := demoDB(t)
	file := newRosterFile(t)
	dry, e, code := cli(t, "-db", db, "import", "roster", file, "-json", "-dry-run", "-create-branches")
	if code != 0 {
		t.Fatalf("dry run: %d %s", code, e)
	}
	rej := filepath.Join(t.TempDir(), "错误行.xlsx")
	real, e, code := cli(t, "-db", db, "import", "roster", file, "-json", "-create-branches", "-rejects", rej)
	if code != 0 {
		t.Fatalf("import: %d %s", code, e)
	}
	if dry != real {
		t.Errorf("the import's JSON differs from the dry run's:\n%s\n%s", dry, real)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(real), &obj); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if want := []string{"errors", "file", "imported", "rejected", "rows", "unchanged", "updated"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("summary keys %v, want %v", keys, want)
	}
	var errs []map[string]any
	json.Unmarshal(obj["errors"], &errs)
	if len(errs) != 1 {
		t.Fatalf("want one error, got %s", obj["errors"])
	}
	var ekeys []string
	for k := range errs[0] {
		ekeys = append(ekeys, k)
	}
	sort.Strings(ekeys)
	if want := []string{"code", "column", "message", "row", "sheet"}; !reflect.DeepEqual(ekeys, want) {
		t.Errorf("error keys %v, want %v", ekeys, want)
	}
	if _, err := os.Stat(rej); err != nil {
		t.Errorf("-rejects file not written by the real import: %v", err)
	}
	if s := importJSON(t, "-db", db, "import", "roster", file, "-json"); s.Unchanged != 2 || s.Rejected != 1 {
		t.Errorf("importing again: %+v", s)
	}
}
