package report

import (
	"strings"
	"unicode"

	"github.com/go-pdf/fpdf"
)

// fpdf's SplitText and MultiCell break Chinese text after any character that fills the line, so
// a formula "6 − 2 = 4" came out as "6 −" over "2 = 4" and a line could begin with "；" or "）".
// wrapLines breaks the way printed Chinese does: between characters, but never inside a number
// or Latin word, never around the operators of a formula, never before closing punctuation and
// never after opening punctuation, and never between a number and its unit or measure word
// (扣1分, （上限5分）, 12个, 2025年, 第3行). Every PDF of the package (evaluation sheets, the service
// guide) wraps its cells with it.

// noLineStart may not begin a line; noLineEnd may not end one.
const (
	noLineStart = "，。、；：？！）》」』】”’％,.;:?!)%…·"
	noLineEnd   = "（《「『【“‘("
	formulaOps  = "−-+×÷=/≈<>≤≥"
	// units and measure words that stay on the line of the number before them
	numberUnits = "分个次项年月日号人名天元倍页条张岁届件位家所周行列栏%％"
)

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// canBreak reports whether a line may break between rs[i-1] and rs[i].
func canBreak(rs []rune, i int) bool {
	a, b := rs[i-1], rs[i]
	switch {
	case strings.ContainsRune(noLineStart, b), strings.ContainsRune(noLineEnd, a):
		return false
	case (isDigit(a) || a == ' ') && isDigit(prevNonSpace(rs, i-1)) && strings.ContainsRune(numberUnits, nextNonSpace(rs, i)):
		return false // 扣1分, 2 个: the number keeps its unit
	case a == '第' && isDigit(nextNonSpace(rs, i)):
		return false
	case isWordRune(a) && isWordRune(b):
		return false
	case strings.ContainsRune(formulaOps, a), strings.ContainsRune(formulaOps, b):
		return false
	case a == ' ' && strings.ContainsRune(formulaOps, nextNonSpace(rs, i)):
		return false
	case b == ' ' && (strings.ContainsRune(formulaOps, prevNonSpace(rs, i-1)) || strings.ContainsRune(formulaOps, nextNonSpace(rs, i))):
		return false
	}
	return true
}

// isWordRune is a character of a number or a Latin word.
func isWordRune(r rune) bool {
	return r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '%')
}

func nextNonSpace(rs []rune, i int) rune {
	for ; i < len(rs); i++ {
		if rs[i] != ' ' {
			return rs[i]
		}
	}
	return 0
}

func prevNonSpace(rs []rune, i int) rune {
	for ; i >= 0; i-- {
		if rs[i] != ' ' {
			return rs[i]
		}
	}
	return 0
}

// wrapLines splits one paragraph into lines no wider than w, as measured by width. A piece
// that cannot be broken and is wider than a line is cut where it overflows.
func wrapLines(text string, w float64, width func(string) float64) []string {
	rs := []rune(text)
	var lines []string
	start := 0
	for start < len(rs) {
		end, lastBreak, used := start, -1, 0.0
		// fpdf measures a string as the sum of its characters, so the line grows one at a time.
		for end < len(rs) && used+width(string(rs[end])) <= w {
			used += width(string(rs[end]))
			end++
			if end < len(rs) && canBreak(rs, end) {
				lastBreak = end
			}
		}
		switch {
		case end == len(rs):
		case lastBreak > start:
			end = lastBreak
		case end == start:
			end = start + 1 // a single character wider than the cell
		}
		lines = append(lines, strings.TrimRight(string(rs[start:end]), " "))
		start = end
		for start < len(rs) && rs[start] == ' ' {
			start++
		}
	}
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}

// wrapText splits text, whose paragraphs are separated by "\n", into the lines it takes in w
// millimetres in pdf's current font.
func wrapText(pdf *fpdf.Fpdf, text string, w float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, wrapLines(para, w, pdf.GetStringWidth)...)
	}
	return lines
}
