// Package assets embeds the icon and the Noto Sans SC fonts as plain bytes,
// so that both the desktop app and the Fyne-free CLI (PDF output) can use them.
package assets

import _ "embed"

// FontRegular is Noto Sans SC Regular (SIL Open Font License, see OFL.txt).
//
//go:embed NotoSansSC-Regular.ttf
var FontRegular []byte

// FontBold is Noto Sans SC Bold (SIL Open Font License, see OFL.txt).
//
//go:embed NotoSansSC-Bold.ttf
var FontBold []byte

// Icon is the 512×512 application icon as PNG.
//
//go:embed icon.png
var Icon []byte
