package data

import (
	"strings"
	"sync"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// Staff look people up by sound: "zs" or "zhangsan" for 张三. The roster index, every picker
// and the command line's -q find names through NamePinyin, and the roster is ordered by it.

// surnameReadings are the surnames whose reading differs from the character's common one:
// 单 is shan as a surname, not dan; 曾 zeng, not ceng. The library knows a character's readings
// but not which of them a surname takes, so the surname's own is said here.
var surnameReadings = map[rune]string{
	'单': "shan", '曾': "zeng", '解': "xie", '仇': "qiu", '朴': "piao", '区': "ou", '查': "zha",
	'盖': "ge", '乐': "yue", '尉': "wei", '覃': "qin", '翟': "zhai", '秘': "bi", '缪': "miao",
	'种': "chong", '繁': "po", '员': "yun", '召': "shao", '折': "she", '冼': "xian", '洗': "xian",
	'句': "gou", '能': "nai", '长': "chang", '重': "chong", '柏': "bai", '薄': "bo", '葛': "ge",
	'纪': "ji", '牟': "mou", '隗': "wei", '谌': "chen", '宿': "su", '黑': "he",
	'相': "xiang", '燕': "yan", '蕃': "pi", '过': "guo", '那': "na", '华': "hua", '藏': "zang",
	'祭': "zhai", '眭': "sui", '阚': "kan", '贲': "ben", '莘': "shen", '晟': "cheng",
}

// compoundSurnames are the two-character surnames with a reading of their own: full, initials.
var compoundSurnames = map[string][2]string{
	"尉迟": {"yuchi", "yc"}, "万俟": {"moqi", "mq"}, "长孙": {"zhangsun", "zs"}, "澹台": {"tantai", "tt"}, "单于": {"chanyu", "cy"},
}

// runePinyin caches each character's toneless reading: the library converts through regular
// expressions, and 100 000 names share a few thousand characters.
var runePinyin sync.Map // rune → string ("" for no reading)

func readingOf(r rune) string {
	if v, ok := runePinyin.Load(r); ok {
		return v.(string)
	}
	py := ""
	if ps := pinyin.SinglePinyin(r, pinyin.Args{Style: pinyin.Normal}); len(ps) > 0 {
		py = ps[0]
	}
	runePinyin.Store(r, py)
	return py
}

// NamePinyin is a name's full pinyin and its initials, lower-case, toneless and without
// separators: 张三 → "zhangsan", "zs"; 单田芳 → "shantianfang", "stf" (a surname read as a
// surname); ü is written v (吕 lv), as Chinese input methods take it. Letters and digits in
// the name are kept in both; a name without Chinese characters has none ("", "").
func NamePinyin(name string) (full, initials string) {
	han := false
	var f, in strings.Builder
	rest := name
	if py, ok := compoundSurnames[firstRunes(name, 2)]; ok && len(name) > len(firstRunes(name, 2)) {
		f.WriteString(py[0])
		in.WriteString(py[1])
		rest, han = name[len(firstRunes(name, 2)):], true
	}
	first := !han
	for _, r := range rest {
		switch {
		case unicode.Is(unicode.Han, r):
			py, ok := "", false
			if first {
				py, ok = surnameReadings[r]
			}
			if !ok {
				py = readingOf(r)
			}
			first = false
			if py == "" {
				continue
			}
			han = true
			f.WriteString(py)
			in.WriteByte(py[0])
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			l := unicode.ToLower(r)
			f.WriteRune(l)
			in.WriteRune(l)
		}
	}
	if !han {
		return "", ""
	}
	return f.String(), in.String()
}

// NameMatches tells whether typed search text (as SearchText leaves it) finds a name: in the
// name itself, its full pinyin or its initials. Pickers use it, as the roster index does.
func NameMatches(name, q string) bool {
	if q == "" || strings.Contains(strings.ToLower(strings.ReplaceAll(name, " ", "")), q) {
		return true
	}
	if !isASCII(q) {
		return false
	}
	full, initials := NamePinyin(name)
	return strings.Contains(full, q) || strings.Contains(initials, q)
}

// firstRunes is the leading n characters of s (all of s when shorter).
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
