package app

import (
	"testing"

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
		if got := MaskPhone(in); got != want {
			t.Errorf("MaskPhone(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRevealAfterConfirmation(t *testing.T) {
	a := newTestApp(t)
	w := a.NewWindow("t")
	w.Resize(fyne.NewSize(800, 600))
	wb := &Workbench{Window: w}
	id := "340104198001011234"
	if got := wb.ShowID(id); got != "3401**********1234" {
		t.Fatalf("masked id = %q", got)
	}
	if got := wb.ShowPhone("13912341234"); got != "139****1234" {
		t.Fatalf("masked phone = %q", got)
	}
	changed, ran := 0, 0
	wb.OnChange(func() { changed++ })
	wb.AskReveal(func() { ran++ })
	if wb.Revealed() || ran != 0 {
		t.Fatal("revealed before the user confirmed")
	}
	// The confirmation dialog is the window's top overlay; its 确定 button confirms.
	safetyTap(t, w, "确定")
	if !wb.Revealed() || ran != 1 || changed != 1 {
		t.Fatalf("after 确定: revealed=%v ran=%d changed=%d", wb.Revealed(), ran, changed)
	}
	if wb.ShowID(id) != id || wb.ShowPhone("13912341234") != "13912341234" {
		t.Fatal("revealed values still masked")
	}
}
