package sheets

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/civil"
	"dangjian/data/demo"
	"dangjian/data/idcard"
)

// Issue 3's targets on a 100 000-row, 14-column roster written by excelize's StreamWriter:
// import end to end within 1.5× of excelize alone streaming the same cells, under 200 MB
// peak memory; export of 100 000 members under 3 s.

const benchRows = 100_000

// writeBenchRoster writes the benchmark roster with branches 第1…第20实验室党支部.
func writeBenchRoster(b *testing.B, path string) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	head := []any{"姓名", "性别", "民族", "出生日期", "公民身份号码", "学历", "学位", "职称", "所在党支部", "人员类别", "入党日期", "转正日期", "工作单位", "联系电话"}
	sw.SetRow("A1", head)
	row := make([]any, len(head))
	for i := 0; i < benchRows; i++ {
		birth := civil.Date(1955+i%40, time.Month(1+i%12), 1+(i/480)%28)
		male := i%3 != 0
		id := idcard.Make("340104", birth, (i/40)%100, male)
		g := "女"
		if male {
			g = "男"
		}
		joined := birth.AddDate(22+i%5, 0, 0)
		row[0], row[1], row[2] = fmt.Sprintf("党员%06d", i), g, "汉族"
		row[3] = excelize.Cell{StyleID: dateStyle, Value: birth}
		row[4], row[5], row[6], row[7] = id, "研究生", "博士", "研究员"
		row[8], row[9] = fmt.Sprintf("第%d实验室党支部", i%20+1), "正式党员"
		row[10] = excelize.Cell{StyleID: dateStyle, Value: joined}
		row[11] = excelize.Cell{StyleID: dateStyle, Value: joined.AddDate(1, 0, 0)}
		row[12], row[13] = fmt.Sprintf("第%d实验室", i%20+1), "139"+strconv.Itoa(10000000+i)
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(ref, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
}

// streamCells is the baseline: excelize alone streaming every cell with raw values.
func streamCells(path string) (int, error) {
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		return 0, err
	}
	defer f.Close()
	rows, err := f.Rows("Sheet1")
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return 0, err
		}
		n += len(cells)
	}
	return n, rows.Close()
}

func benchStore(b *testing.B, dir string, members int) *data.Store {
	s, err := data.Open(filepath.Join(dir, fmt.Sprintf("bench-%d.db", time.Now().UnixNano())))
	if err != nil {
		b.Fatal(err)
	}
	s.Now = func() time.Time { return testToday }
	if err := demo.Synthetic(context.Background(), s, members, 20); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkImportRoster measures excelize's streaming and our whole import of the same file
// (ImportRoster: read, normalise, classify and commit in one pass, as the command line does) in
// each iteration, and reports both, their ratio and the peak resident memory of the import.
// The wizard's separate phases are measured by BenchmarkCommitRoster.
func BenchmarkImportRoster(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "roster.xlsx")
	writeBenchRoster(b, path)
	var base, imp time.Duration
	var peak int64
	n := 0
	for b.Loop() {
		b.StopTimer()
		s := benchStore(b, dir, 20) // the 20 branches, each with its head
		b.StartTimer()
		t0 := time.Now()
		if cells, err := streamCells(path); err != nil || cells < benchRows*14 {
			b.Fatalf("stream: %d cells, %v", cells, err)
		}
		t1 := time.Now()
		resetPeak()
		res, err := ImportRoster(context.Background(), s, path, ImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		if res.New != benchRows || res.Batch == 0 {
			b.Fatalf("want %d new, got %+v: %v", benchRows, res.Counts, res.Errors())
		}
		peak = max(peak, peakRSS())
		base += t1.Sub(t0)
		imp += t2.Sub(t1)
		n++
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(base.Milliseconds())/float64(n), "excelize-ms")
	b.ReportMetric(float64(imp.Milliseconds())/float64(n), "import-ms")
	b.ReportMetric(float64(imp)/float64(base), "ratio")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
}

// BenchmarkExportRoster exports 100 000 members.
func BenchmarkExportRoster(b *testing.B) {
	dir := b.TempDir()
	s := benchStore(b, dir, benchRows)
	defer s.Close()
	ms, err := s.Members(context.Background(), data.MemberFilter{})
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(dir, "out.xlsx")
	for b.Loop() {
		if err := ExportMembers(context.Background(), ms, out, ExportOptions{IncludeFullIDs: true}, testToday, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// resetPeak clears the kernel's peak-RSS mark (VmHWM) so peakRSS measures from here.
func resetPeak() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS is the process's peak resident memory since resetPeak, from /proc/self/status.
func peakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// BenchmarkCommitRoster measures the commit of 100 000 new members alone, read and planned
// outside the timer, since the commit is the part of the import that is ours alone.
func BenchmarkCommitRoster(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "roster.xlsx")
	writeBenchRoster(b, path)
	rf, err := ReadRoster(context.Background(), path, ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		s := benchStore(b, dir, 20)
		p, err := PlanImport(context.Background(), s, rf, nil)
		if err != nil || p.New != benchRows {
			b.Fatalf("plan: %v, %d new", err, p.New)
		}
		b.StartTimer()
		if _, err := CommitImport(context.Background(), s, p, nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}
