package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"dangjian/assets"
)

func TestThemeFonts(t *testing.T) {
	th := NewTheme()
	tests := []struct {
		name  string
		style fyne.TextStyle
		want  []byte
	}{
		{"regular", fyne.TextStyle{}, assets.FontRegular},
		{"bold", fyne.TextStyle{Bold: true}, assets.FontBold},
		{"italic falls back to regular", fyne.TextStyle{Italic: true}, assets.FontRegular},
		{"bold italic", fyne.TextStyle{Bold: true, Italic: true}, assets.FontBold},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := th.Font(tt.style).Content()
			if len(got) != len(tt.want) || &got[0] != &tt.want[0] {
				t.Errorf("Font(%+v) = %s (%d bytes), want the embedded Noto Sans SC (%d bytes)",
					tt.style, th.Font(tt.style).Name(), len(got), len(tt.want))
			}
		})
	}
	if mono := th.Font(fyne.TextStyle{Monospace: true}); mono == th.Font(fyne.TextStyle{}) {
		t.Error("monospace should keep Fyne's monospace font, got Noto Sans SC")
	}
}

func TestThemeIsLightAndRed(t *testing.T) {
	test.NewTempApp(t) // Fyne's default theme reads the current app's settings
	th := NewTheme()
	if got := th.Color(theme.ColorNamePrimary, theme.VariantDark); got != PartyRed {
		t.Errorf("primary = %v, want party red %v", got, PartyRed)
	}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		r, g, b, _ := th.Color(theme.ColorNameBackground, v).RGBA()
		if r < 0xE000 || g < 0xE000 || b < 0xE000 {
			t.Errorf("background for variant %d = %v, want a light colour", v, color.RGBA64{uint16(r), uint16(g), uint16(b), 0xFFFF})
		}
	}
}
