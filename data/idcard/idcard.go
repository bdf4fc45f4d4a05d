// Package idcard checks and reads 公民身份号码 (GB 11643-1999): checksum, birth date, gender and 15→18 digit conversion.
package idcard

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"dangjian/data/civil"
)

// Error codes carried by *Error.
const (
	CodeEmpty      = "empty"       // nothing was written
	CodeChars      = "chars"       // characters other than digits and a final X
	CodeLength     = "length"      // neither 18 nor 15 characters
	CodeChecksum   = "checksum"    // the check digit does not match the first 17 digits
	CodeBirth      = "birth"       // the birth date is not a real date between 1900-01-01 and today
	CodeRegion     = "region"      // the region code does not start with 1–8
	CodeLostDigits = "lost_digits" // Excel stored the number as a number and dropped its last digits
)

// LostDigitsMessage is the reason and the fix given for an ID that Excel stored as a number.
const LostDigitsMessage = "身份证号被 Excel 当作数字保存，后几位已丢失，请将该列设置为文本格式后重新录入"

// Error is why an ID number was rejected: a stable Code for programs and a Chinese Message for people.
type Error struct {
	Code    string
	Message string
}

// Error returns the Chinese message.
func (e *Error) Error() string { return e.Message }

func fail(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Info is what an ID number says: the normalized 18-digit number, birth date (UTC midnight), gender and region code.
type Info struct {
	Number string
	Birth  time.Time
	Male   bool
	Region string
}

// Gender is the holder's gender as the roster writes it, 男 or 女.
func (i Info) Gender() string {
	if i.Male {
		return "男"
	}
	return "女"
}

// Age returns the holder's age in full years on the given day.
func (i Info) Age(on time.Time) int { return civil.YearsBetween(i.Birth, on) }

// Normalize removes ASCII and full-width spaces anywhere, turns full-width digits and letters into ASCII and x into X.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x3000 || r == 0x00A0:
			continue
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		}
		if r == 'x' {
			r = 'X'
		}
		b.WriteRune(r)
	}
	return b.String()
}

var weights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// Checksum computes the ISO 7064 MOD 11-2 check character ('0'–'9' or 'X') of the first 17 digits; it returns 0 if first17 is not 17 digits.
func Checksum(first17 string) byte {
	if len(first17) != 17 {
		return 0
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := first17[i]
		if c < '0' || c > '9' {
			return 0
		}
		sum += int(c-'0') * weights[i]
	}
	return "10X98765432"[sum%11]
}

var (
	reScientific = regexp.MustCompile(`^[0-9](?:\.[0-9]+)?[eE]\+?[0-9]+$`)
	reDecimal    = regexp.MustCompile(`^([0-9]+)\.0*$`)
)

// now is the clock used for "birth date not in the future"; tests replace it.
var now = time.Now

// Parse normalizes and checks an 18-digit ID or a 15-digit old ID (converted to 18 digits) and reads what it says.
// It recognises an ID that Excel stored as a number and lost its last digits (code "lost_digits").
func Parse(s string) (Info, error) {
	n := Normalize(s)
	if n == "" {
		return Info{}, fail(CodeEmpty, "身份证号为空，请填写18位公民身份号码")
	}
	if reScientific.MatchString(n) {
		return Info{}, fail(CodeLostDigits, "%s（单元格里是“%s”）", LostDigitsMessage, n)
	}
	if m := reDecimal.FindStringSubmatch(n); m != nil {
		n = m[1] // a number written with ".0" after it
	}
	for i, r := range n {
		if (r < '0' || r > '9') && !(r == 'X' && i == len(n)-1 && len(n) == 18) {
			return Info{}, fail(CodeChars, "身份证号含有不该有的字符“%c”，号码只能由数字和末位的 X 组成，请对照身份证重新录入", r)
		}
	}
	switch len(n) {
	case 18:
		return parse18(n)
	case 15:
		return parse15(n)
	default:
		return Info{}, fail(CodeLength, "身份证号有 %d 位，应为 18 位（旧证为 15 位），请核对是否多录或漏录了数字", len(n))
	}
}

func parse18(n string) (Info, error) {
	if err := checkRegion(n); err != nil {
		return Info{}, err
	}
	birth, err := checkBirth(n[6:14])
	if err != nil {
		return Info{}, err
	}
	if Checksum(n[:17]) != n[17] {
		if strings.HasSuffix(n, "000") {
			return Info{}, fail(CodeLostDigits, "%s（读到的号码以 000 结尾且校验位不符）", LostDigitsMessage)
		}
		return Info{}, fail(CodeChecksum, "身份证号校验位（最后一位）与前17位不符，号码中有录错的数字，请对照身份证原件核对")
	}
	return Info{Number: n, Birth: birth, Male: (n[16]-'0')%2 == 1, Region: n[:6]}, nil
}

func parse15(n string) (Info, error) {
	if err := checkRegion(n); err != nil {
		return Info{}, err
	}
	birth, err := checkBirth("19" + n[6:12])
	if err != nil {
		return Info{}, err
	}
	first17 := n[:6] + "19" + n[6:]
	return Info{Number: first17 + string(Checksum(first17)), Birth: birth, Male: (n[14]-'0')%2 == 1, Region: n[:6]}, nil
}

func checkRegion(n string) error {
	if n[0] < '1' || n[0] > '8' {
		return fail(CodeRegion, "身份证号前6位地区码“%s”无效（第1位应为 1 至 8），请对照身份证核对", n[:6])
	}
	return nil
}

func checkBirth(ymd string) (time.Time, error) {
	y, _ := strconv.Atoi(ymd[0:4])
	m, _ := strconv.Atoi(ymd[4:6])
	d, _ := strconv.Atoi(ymd[6:8])
	t := civil.Date(y, time.Month(m), d)
	today := now()
	today = civil.Date(today.Year(), today.Month(), today.Day())
	if m < 1 || m > 12 || d < 1 || t.Day() != d || y < 1900 || t.After(today) {
		return time.Time{}, fail(CodeBirth, "身份证号中的出生日期“%s”不是有效日期（应在 1900-01-01 至今天之间），请核对出生年月日几位数字", ymd)
	}
	return t, nil
}

// FromNumber checks an ID read from a cell whose raw value is a number. Excel keeps only 15 significant
// digits, so any value of 1e15 or more is an 18-digit ID whose last digits are already lost.
func FromNumber(f float64) (Info, error) {
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0) || f < 0 || f != math.Trunc(f):
		return Info{}, fail(CodeChars, "身份证号单元格里是数值 %v，不是有效的号码，请将该列设置为文本格式后对照身份证重新录入", f)
	case f >= 1e15:
		return Info{}, fail(CodeLostDigits, "%s（单元格里是数值 %s）", LostDigitsMessage, strconv.FormatFloat(f, 'f', 0, 64))
	}
	return Parse(strconv.FormatFloat(f, 'f', 0, 64))
}

// Mask hides the middle of an ID for display, keeping the first 4 and last 4 characters (3401**********1234);
// strings of 8 characters or fewer are returned as they are.
func Mask(s string) string {
	r := []rune(Normalize(s))
	if len(r) <= 8 {
		return s
	}
	return string(r[:4]) + strings.Repeat("*", len(r)-8) + string(r[len(r)-4:])
}

// Make builds a valid 18-digit ID from a 6-digit region code, birth date, sequence 0–99 and gender,
// for demo data and tests. It panics if region is not 6 digits or seq is out of range.
func Make(region string, birth time.Time, seq int, male bool) string {
	if len(region) != 6 || strings.Trim(region, "0123456789") != "" {
		panic("idcard.Make: 地区码必须是6位数字: " + region)
	}
	if seq < 0 || seq > 99 {
		panic(fmt.Sprintf("idcard.Make: 顺序码必须在 0 至 99 之间: %d", seq))
	}
	g := (seq % 5) * 2
	if male {
		g++
	}
	first17 := fmt.Sprintf("%s%04d%02d%02d%02d%d", region, birth.Year(), int(birth.Month()), birth.Day(), seq, g)
	return first17 + string(Checksum(first17))
}
