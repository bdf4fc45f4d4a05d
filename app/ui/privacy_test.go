package ui_test

import (
	"strings"
	"testing"

	"dangjian/app/apptest"
	"dangjian/app/ui"

	"fyne.io/fyne/v2"
)

func TestMaskPhone(t *testing.T) {
	for in, want := range map[string]string{
		"13912341234":   "139****1234",
		"0551-65551234": "055******1234",
		"12345":         "*2345",
		"1234":          "****",
		"":              "",
	} {
		if got := ui.MaskPhone(in); got != want {
			t.Errorf("ui.MaskPhone(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRevealAfterConfirmation(t *testing.T) {
	a := apptest.NewTestApp(t)
	w := a.NewWindow("t")
	w.Resize(fyne.NewSize(800, 600))
	wb := &ui.Workbench{Window: w}
	id := "340104198001011234"
	if got := wb.ShowID(id); got != "3401**********1234" {
		t.Fatalf("masked id = %q", got)
	}
	if got := wb.ShowPhone("13912341234"); got != "139****1234" {
		t.Fatalf("masked phone = %q", got)
	}
	changed, ran := 0, 0
	wb.OnChange(ui.Privacy, func() { changed++ })
	wb.AskReveal(func() { ran++ })
	if wb.Revealed() || ran != 0 {
		t.Fatal("revealed before the user confirmed")
	}
	// The confirmation dialog is the window's top overlay; its 确定 button confirms.
	apptest.Tap(t, w, "确定")
	if !wb.Revealed() || ran != 1 || changed != 1 {
		t.Fatalf("after 确定: revealed=%v ran=%d changed=%d", wb.Revealed(), ran, changed)
	}
	if wb.ShowID(id) != id || wb.ShowPhone("13912341234") != "13912341234" {
		t.Fatal("revealed values still masked")
	}
}

// FuzzMaskPhone: a masked phone never shows more than its first 3 and last 4 characters and
// keeps its length, so columns line up.
func FuzzMaskPhone(f *testing.F) {
	for _, s := range []string{"13912341234", "0551-65551234", "123", "", " 139 1234 1234 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in := []rune(strings.TrimSpace(s))
		out := []rune(ui.MaskPhone(s))
		if len(out) != len(in) {
			t.Fatalf("ui.MaskPhone(%q) = %q: length changed", s, string(out))
		}
		shown := 0
		for _, r := range out {
			if r != '*' {
				shown++
			}
		}
		if len(in) > 4 && shown > 7 {
			t.Fatalf("ui.MaskPhone(%q) = %q shows %d characters", s, string(out), shown)
		}
	})
}
