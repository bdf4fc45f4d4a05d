package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"dangjian/assets"
)

// PartyRed is the primary colour: buttons marked high importance, the
// selected navigation entry and focus marks. Used sparingly on purpose.
var PartyRed = color.NRGBA{R: 0xC8, G: 0x10, B: 0x2E, A: 0xFF}

// Fonts and the icon wrapped once as Fyne resources; package assets stays Fyne-free
// because the CLI embeds the same bytes for its PDFs.
var (
	fontRegular = fyne.NewStaticResource("NotoSansSC-Regular.ttf", assets.FontRegular)
	fontBold    = fyne.NewStaticResource("NotoSansSC-Bold.ttf", assets.FontBold)
	appIcon     = fyne.NewStaticResource("icon.png", assets.Icon)
)

// AppIcon returns the application icon (a red square with 党建 in gold).
func AppIcon() fyne.Resource { return appIcon }

// workbenchTheme is Fyne's light theme with Noto Sans SC for all text,
// so Chinese renders the same on every office PC whatever fonts it has.
type workbenchTheme struct{}

// NewTheme returns the app's theme: always light, Noto Sans SC, party red as primary.
func NewTheme() fyne.Theme { return workbenchTheme{} }

// Color ignores the system variant: the office forms and printouts are light,
// and one look keeps screenshots and support calls simple.
func (workbenchTheme) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch name {
	case theme.ColorNamePrimary:
		return PartyRed
	case theme.ColorNameFocus:
		return color.NRGBA{R: 0xC8, G: 0x10, B: 0x2E, A: 0x7F}
	case theme.ColorNameSelection:
		return color.NRGBA{R: 0xC8, G: 0x10, B: 0x2E, A: 0x24}
	case theme.ColorNameForegroundOnPrimary:
		return color.White
	case theme.ColorNameHyperlink:
		return color.NRGBA{R: 0xA0, G: 0x0C, B: 0x24, A: 0xFF}
	}
	return theme.DefaultTheme().Color(name, theme.VariantLight)
}

// Font returns Noto Sans SC for every style; monospace and symbols keep
// Fyne's fonts because Noto Sans SC has neither a fixed pitch nor the symbols.
func (workbenchTheme) Font(style fyne.TextStyle) fyne.Resource {
	switch {
	case style.Monospace, style.Symbol:
		return theme.DefaultTheme().Font(style)
	case style.Bold:
		return fontBold
	default:
		return fontRegular
	}
}

// Icon returns Fyne's default icons.
func (workbenchTheme) Icon(name fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(name)
}

// Size returns Fyne's default sizes.
func (workbenchTheme) Size(name fyne.ThemeSizeName) float32 {
	return theme.DefaultTheme().Size(name)
}
