package sheets

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// withDeclaredSize rewrites an .xlsx so that the zip directory claims size bytes for part,
// leaving its compressed bytes as they are: the damage the fuzzer found (testdata/fuzz/
// FuzzReadRoster/4e67a508c9c2dbb1 declares 2 492 765 332 bytes for docProps/core.xml).
func withDeclaredSize(t testing.TB, b []byte, part string, size uint64) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		h := f.FileHeader
		if f.Name == part {
			h.UncompressedSize64 = size
		}
		w, err := zw.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		r, _ := f.OpenRaw()
		io.Copy(w, r)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// A 16 KB workbook that declares a 2.5 GB part is refused at once, without unpacking it: it
// used to make excelize allocate the declared size and stall the fuzzer.
func TestDeclaredSizeBombRefused(t *testing.T) {
	dir := t.TempDir()
	good := writeBook(t, filepath.Join(dir, "good.xlsx"), sheetSpec{name: "第一党支部", rows: [][]any{
		{"姓名", "身份证号"}, {"甲", mkID(1980, 1, 1, 1, true)},
	}})
	whole, _ := os.ReadFile(good)
	for _, part := range []string{"docProps/core.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml"} {
		p := filepath.Join(dir, "bomb.xlsx")
		if err := os.WriteFile(p, withDeclaredSize(t, whole, part, 2492765332), 0o600); err != nil {
			t.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		_, err := ReadRoster(context.Background(), p, ReadOptions{})
		took := time.Since(start)
		runtime.ReadMemStats(&after)
		var re *RefusedError
		if !errors.As(err, &re) || re.Code != RefuseTruncated || !strings.Contains(re.Message, "记录的大小与实际内容不符") || !strings.Contains(re.Message, part) {
			t.Fatalf("%s declared 2.5 GB: want a refusal naming the damaged part, got %v", part, err)
		}
		if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 16 {
			t.Errorf("%s: refusing a 16 KB file allocated %d MB", part, mb)
		}
		if took > 2*time.Second {
			t.Errorf("%s: refusing took %v", part, took)
		}
	}
	// The good file itself still reads.
	if _, err := ReadRoster(context.Background(), good, ReadOptions{}); err != nil {
		t.Fatalf("the undamaged file: %v", err)
	}
}

// A workbook that honestly unpacks to more than 1 GB is refused before it is unpacked.
func TestOversizedWorkbookRefused(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"} {
		// Declared within deflate's ratio of a packed size that is itself declared: the
		// directory is all checkZip reads.
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, CompressedSize64: 1 << 20, UncompressedSize64: 600 << 20}
		w, err := zw.CreateRaw(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte{0})
	}
	zw.Close()
	p := filepath.Join(t.TempDir(), "huge.xlsx")
	os.WriteFile(p, buf.Bytes(), 0o600)
	_, err := ReadRoster(context.Background(), p, ReadOptions{})
	var re *RefusedError
	if !errors.As(err, &re) || !strings.Contains(re.Message, "超过 1 GB") {
		t.Fatalf("want the 1 GB refusal, got %v", err)
	}
}

// A read that ends early — cancelled mid-sheet, or refused — leaves no goroutine behind.
func TestReadEndsItsGoroutine(t *testing.T) {
	dir := t.TempDir()
	rows := [][]any{{"姓名", "身份证号", "入党日期"}}
	for i := range 5000 {
		rows = append(rows, []any{"甲", mkID(1980, 1+i%12, 1+i%28, i%100, i%2 == 0), "2005-01-01"})
	}
	p := writeBook(t, filepath.Join(dir, "long.xlsx"), sheetSpec{name: "第一党支部", rows: rows})
	whole, _ := os.ReadFile(p)
	cut := filepath.Join(dir, "cut.xlsx")
	os.WriteFile(cut, whole[:len(whole)*3/4], 0o600)
	base := runtime.NumGoroutine()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := ReadRoster(ctx, p, ReadOptions{Progress: func(int) { cancel() }})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled read: want context.Canceled, got %v", err)
	}
	if _, err := ReadRoster(context.Background(), cut, ReadOptions{}); err == nil {
		t.Fatal("a truncated file was read")
	}
	if _, err := ReadRoster(context.Background(), p, ReadOptions{}); err != nil {
		t.Fatal(err)
	}
	noGoroutinesLeft(t, base)
}
