package idcard

import (
	"errors"
	"strings"
	"testing"
	"time"

	"dangjian/data/civil"
)

func init() {
	now = func() time.Time { return time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC) }
}

// 11010519491231002X is the example number printed in GB 11643-1999.
const sample = "11010519491231002X"

func TestChecksum(t *testing.T) {
	cases := map[string]byte{
		"11010519491231002": 'X',
		"44052418800101001": '4',
		"34010419900312123": '9',
		"1101051949123100":  0,
		"1101051949123100a": 0,
	}
	for in, want := range cases {
		if got := Checksum(in); got != want {
			t.Errorf("Checksum(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalize(t *testing.T) {
	cases := map[string]string{
		" 11010519491231002x ": sample,
		"１１０１０５１９４９１２３１００２ｘ":        sample,
		"110105\u3000194912 31002Ｘ": sample,
		"110105\t19491231\n002X":    sample,
		"":                          "",
	}
	for in, want := range cases {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParse(t *testing.T) {
	valid := []struct {
		in     string
		number string
		birth  time.Time
		male   bool
	}{
		{sample, sample, civil.Date(1949, 12, 31), false},
		{"11010519491231002x", sample, civil.Date(1949, 12, 31), false},
		{"  110105 1949 1231 002X ", sample, civil.Date(1949, 12, 31), false},
		{"１１０１０５１９４９１２３１００２Ｘ", sample, civil.Date(1949, 12, 31), false},
		{"110105491231002", "11010519491231002X", civil.Date(1949, 12, 31), false},
		{"340104900312123", "340104199003121239", civil.Date(1990, 3, 12), true},
		{"340104199003121239.0", "340104199003121239", civil.Date(1990, 3, 12), true},
		{"110105200002290013", "", civil.Date(2000, 2, 29), true},
	}
	for _, c := range valid {
		info, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		want := c.number
		if want == "" {
			want = c.in
		}
		if info.Number != want || !info.Birth.Equal(c.birth) || info.Male != c.male || info.Region != want[:6] {
			t.Errorf("Parse(%q) = %+v", c.in, info)
		}
		if info.Birth.Location() != time.UTC {
			t.Errorf("Parse(%q) birth not UTC", c.in)
		}
	}

	invalid := []struct{ in, code string }{
		{"", CodeEmpty},
		{"   ", CodeEmpty},
		{"110105194912310021", CodeChecksum},
		{"11010519491231002Y", CodeChars},
		{"1101051949123100X2", CodeChars},
		{"11010549123100X", CodeChars},
		{"11010519491231002", CodeLength},
		{"1101051949123100211", CodeLength},
		{"110105199002300012", CodeBirth}, // 1990-02-30
		{"110105199013010012", CodeBirth},
		{"110105189912310012", CodeBirth},
		{"440524188001010014", CodeBirth}, // valid checksum, but born before 1900
		{"110105203001010012", CodeBirth}, // in the future
		{"110105900230123", CodeBirth},
		{"010105199001010012", CodeRegion},
		{"910105199001010012", CodeRegion},
		{"3.40104199003121E+17", CodeLostDigits},
		{"3.40104199003121e+17", CodeLostDigits},
		{"340104199003121000", CodeLostDigits},
		{"张三", CodeChars},
	}
	for _, c := range invalid {
		_, err := Parse(c.in)
		var e *Error
		if !errors.As(err, &e) || e.Code != c.code {
			t.Errorf("Parse(%q) err = %#v, want code %q", c.in, err, c.code)
			continue
		}
		if e.Error() != e.Message || e.Message == "" {
			t.Errorf("Parse(%q): bad message %q", c.in, e.Message)
		}
		if c.code == CodeLostDigits && !strings.Contains(e.Message, LostDigitsMessage) {
			t.Errorf("Parse(%q): message %q lacks the fix", c.in, e.Message)
		}
	}

	// An ID whose check digit really is 0 and that ends in 000 is valid.
	id := "11010519900101000"
	id += string(Checksum(id))
	if id[17] == '0' {
		if _, err := Parse(id); err != nil {
			t.Errorf("Parse(%q): %v", id, err)
		}
	}
}

func TestFromNumber(t *testing.T) {
	cases := []struct {
		f    float64
		code string
	}{
		{340104199003121239, CodeLostDigits},
		{340104199003121000, CodeLostDigits},
		{1e15, CodeLostDigits},
		{340104900312123, ""},
		{34010490031212, CodeLength},
		{3401049003121.5, CodeChars},
		{-340104900312123, CodeChars},
	}
	for _, c := range cases {
		info, err := FromNumber(c.f)
		if c.code == "" {
			if err != nil || info.Number != "340104199003121239" {
				t.Errorf("FromNumber(%v) = %+v, %v", c.f, info, err)
			}
			continue
		}
		var e *Error
		if !errors.As(err, &e) || e.Code != c.code {
			t.Errorf("FromNumber(%v) err = %v, want code %q", c.f, err, c.code)
		}
	}
}

func TestMask(t *testing.T) {
	cases := map[string]string{
		sample:            "1101**********002X",
		"340104900312123": "3401*******2123",
		"12345678":        "12345678",
		"123":             "123",
		"":                "",
	}
	for in, want := range cases {
		if got := Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMakeAndAge(t *testing.T) {
	birth := civil.Date(1985, 3, 12)
	for seq := 0; seq < 100; seq++ {
		for _, male := range []bool{true, false} {
			id := Make("340104", birth, seq, male)
			info, err := Parse(id)
			if err != nil {
				t.Fatalf("Make(%d,%v) = %q: %v", seq, male, id, err)
			}
			if info.Male != male || !info.Birth.Equal(birth) || info.Region != "340104" {
				t.Fatalf("Make(%d,%v) parsed to %+v", seq, male, info)
			}
		}
	}
	info, _ := Parse(Make("340104", birth, 1, true))
	if got := info.Age(civil.Date(2025, 3, 11)); got != 39 {
		t.Errorf("Age = %d, want 39", got)
	}
	if got := info.Age(civil.Date(2025, 3, 12)); got != 40 {
		t.Errorf("Age = %d, want 40", got)
	}
	for _, bad := range []func(){
		func() { Make("34010", birth, 1, true) },
		func() { Make("340104", birth, 100, true) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("Make should panic on bad input")
				}
			}()
			bad()
		}()
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		sample, "11010519491231002x", "340104900312123", "3.40104199003121E+17",
		"340104199003121000", "１１０１０５１９４９１２３１００２Ｘ", "110105199002300012", " 1 ", "", "340104199003121239.0",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		info, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Code == "" || e.Message == "" {
				t.Fatalf("Parse(%q): error %#v is not a coded *Error", s, err)
			}
			return
		}
		n := info.Number
		if len(n) != 18 || Checksum(n[:17]) != n[17] {
			t.Fatalf("Parse(%q) accepted %q with a bad checksum", s, n)
		}
		again, err := Parse(n)
		if err != nil || again != info {
			t.Fatalf("Parse(%q) = %+v, but re-parse gives %+v, %v", s, info, again, err)
		}
		_ = Mask(s)
	})
}
