package assets

import (
	"bytes"
	"image/png"
	"testing"
)

func TestEmbedded(t *testing.T) {
	for name, b := range map[string][]byte{"FontRegular": FontRegular, "FontBold": FontBold} {
		// TrueType/OpenType fonts start with 0x00010000 or "OTTO".
		if len(b) < 4 || !(bytes.Equal(b[:4], []byte{0, 1, 0, 0}) || string(b[:4]) == "OTTO") {
			t.Errorf("%s is not a TrueType/OpenType font (len %d)", name, len(b))
		}
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("Icon is not a PNG: %v", err)
	}
	if cfg.Width != 512 || cfg.Height != 512 {
		t.Errorf("Icon is %d×%d, want 512×512", cfg.Width, cfg.Height)
	}
}
