package sheets

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// FuzzReadRoster feeds the reader random bytes, truncated and altered workbooks and odd CSV:
// it must never panic, and whatever it refuses it refuses with a RefusedError.
func FuzzReadRoster(f *testing.F) {
	dir := f.TempDir()
	good := writeBook(f, filepath.Join(dir, "seed.xlsx"), sheetSpec{name: "第一党支部", dateFmt: 31, rows: [][]any{
		{"XX花名册"},
		{"姓 名", "身份证号", "入党日期", "出生年月"},
		{"甲", mkID(1980, 1, 1, 1, true), d(2005, 1, 1), "1980.01"},
		{"乙", 340104198005050000.0, 38000.5, "19800101"},
		{"填表人："},
	}})
	b, _ := os.ReadFile(good)
	f.Add(b, true)
	f.Add(b[:len(b)*2/3], true)
	f.Add(flipInside(b), true)
	f.Add([]byte("姓名,身份证号,入党日期\n甲,11010519491231002X,1985年3月\n\"乙,\"\"\n"), false)
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0}, true)
	f.Add([]byte("PK\x03\x04garbage"), true)
	f.Add([]byte{0xFF, 0xFE, 'a', 0}, false)
	f.Add(withDeclaredSize(f, b, "docProps/core.xml", 2492765332), true)
	capMinimizing()
	f.Fuzz(func(t *testing.T, data []byte, xlsx bool) {
		// One file per worker, overwritten: the calls of a worker run one after another, and a
		// directory made and removed per call costs more than the read of a small input.
		p := filepath.Join(dir, "f.csv")
		if xlsx {
			p = filepath.Join(dir, "f.xlsx")
		}
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		var rf *RosterFile
		if !boundedRead(t, len(data), func() (err error) {
			rf, err = ReadRoster(context.Background(), p, ReadOptions{})
			return err
		}) {
			return
		}
		for _, r := range rf.Rows {
			if len(r.Errors) == 0 && r.Member.IDNumber == "" {
				t.Fatalf("a row without an ID number must be rejected: %+v", r)
			}
		}
	})
}

// boundedRead runs a reader of size bytes of outside input and fails t when it allocated far
// more than the input can unpack to or failed with anything but a refusal; it tells whether the
// read succeeded.
func boundedRead(t *testing.T, size int, read func() error) bool {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err := read()
	runtime.ReadMemStats(&after)
	// Deflate expands at most about 1000-fold: a read that allocates far more than that
	// trusted a size written in the file (a 16 KB file once cost 2.5 GB).
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20+uint64(size)*4000 {
		t.Fatalf("reading %d bytes allocated %d MB", size, alloc>>20)
	}
	if err != nil {
		var re *RefusedError
		if !errors.As(err, &re) || re.Message == "" {
			t.Fatalf("a failure must be a refusal with a message, got %T %v", err, err)
		}
		return false
	}
	return true
}

// capMinimizing limits how long the fuzzing engine minimises each input that reaches new
// code, unless -fuzzminimizetime was given. It removes byte ranges one by one, a quadratic
// number of calls over a 16 KB workbook, for up to 60 s by default; the progress line counts
// none of those calls, so a 30 s run showed "execs: 8 (0/sec)" throughout while the worker
// minimised its first find. A thousand calls take well under a second here.
func capMinimizing() {
	given := false
	flag.Visit(func(fl *flag.Flag) { given = given || fl.Name == "test.fuzzminimizetime" })
	if !given {
		flag.Set("test.fuzzminimizetime", "1000x")
	}
}

// flipInside damages the sheet XML inside an otherwise whole zip.
func flipInside(b []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return b
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		r, _ := f.Open()
		var buf bytes.Buffer
		buf.ReadFrom(r)
		r.Close()
		data := buf.Bytes()
		if bytes.Contains([]byte(f.Name), []byte("sheet1")) && len(data) > 200 {
			data = append(data[:len(data)/2], []byte("<c r=\"A9\" t=\"s\"><v>99999</v></c></row>")...)
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	zw.Close()
	return out.Bytes()
}

// FuzzDateCell: any cell text gives a date or a Chinese error, never a panic.
func FuzzDateCell(f *testing.F) {
	for _, s := range []string{"1985-03-12", "1985.03", "31119", "38000.5", "19850312", "198503", "1985年3月", "0", "-1", "1e308", "２０１０年７月"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, _, err := parseDateCell(s)
		if err == nil && !d.IsZero() && (d.Year() < 1900 || d.Year() > 2100) {
			t.Fatalf("%q gave %v", s, d)
		}
	})
}
