// Package disktest leaves a real database file, or the disk under it, the way a failing or full
// disk can, for the tests of data, the command line and the screens that must explain it: the
// same file the app would open, no mock. It imports nothing of data, so data's own tests can use
// it too.
package disktest

import (
	"os"
	"strings"
	"testing"
)

// Damage overwrites every other page of the file after the first, and the header's page count,
// as a failing disk would: SQLite then refuses the file as malformed.
func Damage(t testing.TB, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	junk := []byte(strings.Repeat("\xde\xad\xbe\xef", 1024))
	for off := int64(4096); off < st.Size(); off += 8192 {
		if _, err := f.WriteAt(junk, off); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.WriteAt([]byte{0xff, 0xff}, 100+28); err != nil { // the header's page count
		t.Fatal(err)
	}
}
