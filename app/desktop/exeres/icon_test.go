package exeres

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// The .exe's icon has an image drawn for each size Windows shows; none is left for Windows to
// shrink from 512 pixels.
func TestIconCarriesEverySize(t *testing.T) {
	icon, err := Icon()
	if err != nil {
		t.Fatal(err)
	}
	sizes, err := iconSizes(icon)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sizes, []int{16, 24, 32, 48, 256}) {
		t.Fatalf("icon sizes %v, want 16, 24, 32, 48, 256", sizes)
	}
}

// At 16 pixels the star must stand out: gold pixels in the middle, red around it, and the
// star's points reaching near the edges — not a blur of orange.
func TestSixteenPixelIconReads(t *testing.T) {
	img, err := DrawIcon(16)
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() != 16 || img.Bounds().Dy() != 16 {
		t.Fatalf("size %v", img.Bounds())
	}
	isGold := func(x, y int) bool {
		r, g, b, a := img.At(x, y).RGBA()
		return a > 0xF000 && r > 0xE000 && g > 0xB000 && b < 0x6000
	}
	isRed := func(x, y int) bool {
		r, g, b, a := img.At(x, y).RGBA()
		return a > 0xF000 && r > 0xA000 && g < 0x3000 && b < 0x4000
	}
	if !isGold(8, 8) || !isGold(7, 9) {
		t.Error("the star's centre is not gold")
	}
	for _, p := range [][2]int{{2, 2}, {13, 2}, {8, 14}, {1, 8}} {
		if !isRed(p[0], p[1]) {
			t.Errorf("pixel %v is not the red ground", p)
		}
	}
	gold := 0
	for y := range 16 {
		for x := range 16 {
			if isGold(x, y) {
				gold++
			}
		}
	}
	if gold < 30 || gold > 90 {
		t.Errorf("%d solid gold pixels at 16×16: the star is too thin or fills the square", gold)
	}
	if os.Getenv("ICON_PNG") != "" { // ICON_PNG=dir writes each size to look at
		for _, s := range IconSizes {
			img, _ := DrawIcon(s)
			var b bytes.Buffer
			_ = png.Encode(&b, img)
			_ = os.WriteFile(filepath.Join(os.Getenv("ICON_PNG"), "icon-"+itoa(s)+".png"), b.Bytes(), 0o644)
		}
	}
}

func TestLargeIconIsTheArtworkHalved(t *testing.T) {
	img, err := DrawIcon(256)
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds() != image.Rect(0, 0, 256, 256) {
		t.Fatalf("bounds %v", img.Bounds())
	}
	if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
		t.Error("the rounded corner is not transparent")
	}
}

func itoa(n int) string {
	return string([]byte{byte('0' + n/100%10), byte('0' + n/10%10), byte('0' + n%10)})
}
