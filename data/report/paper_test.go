package report

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/go-pdf/fpdf"

	"dangjian/data"
	"dangjian/data/criteria"
	"dangjian/data/demo/demotest"
)

// pdfText renders the document uncompressed and tells whether text is drawn in it: the
// embedded font's text is written as escaped UTF-16BE strings.
func pdfText(t *testing.T, p *fpdf.Fpdf) func(string) bool {
	t.Helper()
	p.SetCompression(false)
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	return func(s string) bool {
		var enc []byte
		for _, u := range utf16.Encode([]rune(s)) {
			for _, b := range []byte{byte(u >> 8), byte(u)} {
				switch b {
				case '\\', '(', ')':
					enc = append(enc, '\\', b)
				case '\r':
					enc = append(enc, '\\', 'r')
				default:
					enc = append(enc, b)
				}
			}
		}
		return bytes.Contains(raw, enc)
	}
}

// demoRound is the demo institute, with its three evaluation rounds, and its round of year.
func demoRound(t *testing.T, year int) (*data.Store, *criteria.Snapshot) {
	s := demotest.Store(t, time.Date(2025, 11, 20, 10, 0, 0, 0, time.UTC))
	return s, demotest.Round(t, s, year)
}

// The evaluation sheets PDF: the profile's name in the title, 第 X 页 共 Y 页 on every page,
// the signature and seal lines, one page per organ, 系统计算 for computed values.
func TestEvalSheetsPDFPaper(t *testing.T) {
	s, sn := demoRound(t, 2025)
	p, _ := s.Profile(context.Background())
	doc := EvalSheetsPDF(sn, true)
	n := len(sn.Round.Organs)
	if doc.PageCount() != n {
		t.Errorf("%d pages for %d organs", doc.PageCount(), n)
	}
	has := pdfText(t, doc)
	want := []string{
		p.TitleName() + "2025年度模范机关创建考评表", fmt.Sprintf("第 1 页 共 %d 页", n), fmt.Sprintf("第 %d 页 共 %d 页", n, n),
		"考评人签字", "考评组组长签字", "被考评单位负责人签字", "（盖章）", "日期：", "系统计算", "填表说明：",
	}
	for _, w := range want {
		if !has(w) {
			t.Errorf("the PDF does not show %q", w)
		}
	}
}

// The results PDF: title with the name, page numbers, 制表人/审核人/领导小组（盖章）/日期, and a
// round in progress prints 未完成 for units whose scores are not all in.
func TestEvalResultsPDFPaper(t *testing.T) {
	s, sn := demoRound(t, 2025)
	p, _ := s.Profile(context.Background())
	has := pdfText(t, EvalResultsPDF(sn))
	for _, w := range []string{p.TitleName() + "2025年度模范机关创建考评结果汇总", "第 1 页 共 1 页", "制表人：", "审核人：", "考评工作领导小组（盖章）", "日期："} {
		if !has(w) {
			t.Errorf("the results PDF does not show %q", w)
		}
	}
	incomplete := false
	for _, r := range sn.Results() {
		if r.Missing > 0 && r.VetoReason == "" {
			incomplete = true
		}
	}
	if !incomplete {
		t.Fatal("the demo's 2025 round has no unit in progress")
	}
	if !has(criteria.Incomplete) {
		t.Errorf("a unit in progress is not printed 未完成")
	}
}

// The ballots PDF names the institute and numbers its pages.
func TestEvalBallotsPDFPaper(t *testing.T) {
	s, sn := demoRound(t, 2025)
	p, _ := s.Profile(context.Background())
	has := pdfText(t, EvalBallotsPDF(sn))
	if !has(p.TitleName()+"2025年度模范机关创建群众满意度测评表") || !has("第 1 页 共 ") {
		t.Error("the ballots PDF lacks the named title or page numbers")
	}
}

// Every document NewA4 starts numbers its pages 第 X 页 共 Y 页 (the service guide included).
func TestNewA4NumbersPages(t *testing.T) {
	p := NewA4(true)
	p.AddPage()
	p.AddPage()
	has := pdfText(t, p)
	if !has("第 1 页 共 2 页") || !has("第 2 页 共 2 页") {
		t.Error("pages are not numbered 第 X 页 共 Y 页")
	}
}
