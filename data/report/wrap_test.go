package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// width measures like a monospaced CJK font: Chinese 2 units, everything else 1.
func width(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x2000 {
			w++
		} else {
			w += 2
		}
	}
	return w
}

func TestWrapLinesKeepsFormulasAndPunctuation(t *testing.T) {
	cases := []struct {
		text string
		w    float64
		want []string
	}{
		// The 说明 cell of 队伍建设: the formula stays whole on the second line.
		{"计算：逾期未换届支部 2 个，6 − 2 = 4", 30, []string{"计算：逾期未换届支部 2 个，", "6 − 2 = 4"}},
		// A closing mark never begins a line: the character before it comes along.
		{"一二三四五，六", 10, []string{"一二三四", "五，六"}},
		{"加分项（上限5）", 10, []string{"加分项（上", "限5）"}},
		{"加分项（上限5）", 14, []string{"加分项（上限", "5）"}},
		// Numbers are not split.
		{"书记由部门负责人担任 17/18 = 94.4% × 6 = 5.67", 24, []string{"书记由部门负责人担任", "17/18 = 94.4% × 6 = 5.67"}},
		// A number keeps its unit or measure word: 扣1分, （上限5分）, 12个, 2 个.
		{"每少一次扣1分", 12, []string{"每少一次扣", "1分"}},
		{"加分项（上限5分）", 15, []string{"加分项（上限", "5分）"}},
		{"共有服务事项12个", 15, []string{"共有服务事项", "12个"}},
		{"逾期未换届支部 2 个", 17, []string{"逾期未换届支部", "2 个"}},
		{"见第3行", 6, []string{"见", "第3行"}},
		// Chinese quotes: the closing one never begins a line.
		{"结合科研实际“压满实弹”：每少一次", 24, []string{"结合科研实际“压满实", "弹”：每少一次"}},
	}
	for _, c := range cases {
		got := wrapLines(c.text, c.w, width)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrapLines(%q, %v)\n got %q\nwant %q", c.text, c.w, got, c.want)
		}
	}
}

// Whatever the text and width, wrapping ends, loses no character but spaces at breaks, and
// only overfills a line with a piece that cannot be broken.
func FuzzWrapLines(f *testing.F) {
	f.Add("计算：逾期未换届支部 2 个，6 − 2 = 4", 10.0)
	f.Add("（（（（））））", 1.0)
	f.Add("aaaaaaaaaaaaaaaaaaaa", 3.0)
	f.Fuzz(func(t *testing.T, text string, w float64) {
		if !utf8.ValidString(text) || w < 2 || w > 1000 {
			return
		}
		lines := wrapLines(text, w, width)
		strip := func(s string) string { return strings.ReplaceAll(s, " ", "") }
		if strip(strings.Join(lines, "")) != strip(text) {
			t.Fatalf("text changed: %q → %q", text, lines)
		}
	})
}
