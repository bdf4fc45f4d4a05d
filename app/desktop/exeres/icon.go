// Package exeres builds the Windows .exe's resources — the icon drawn at each size Windows
// shows (16, 24, 32, 48, 256), the manifest and the version — and reads them back from a built
// .exe, so the build can prove what it embedded.
package exeres

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"

	"golang.org/x/image/vector"

	"dangjian/assets"
)

// IconSizes are the sizes Windows picks from: title bar and Explorer's lists (16), the taskbar
// at 125–150 % (24, 32), the desktop (48), Explorer's large views (256).
var IconSizes = []int{16, 24, 32, 48, 256}

var (
	partyRed  = color.NRGBA{R: 0xC8, G: 0x10, B: 0x2E, A: 0xFF}
	starGold  = color.NRGBA{R: 0xFF, G: 0xD7, B: 0x00, A: 0xFF}
	clearNRGB = color.NRGBA{}
)

// DrawIcon draws the icon at size pixels. Up to 48 pixels it is a gold five-pointed star on the
// red square, drawn for that size: 党建 in two characters is a smudge at 16 pixels. At 256 it is
// the app's 512-pixel 党建 artwork halved (an exact 2:1 reduction, so it stays sharp).
func DrawIcon(size int) (image.Image, error) {
	if size >= 256 {
		return halve(assets.Icon)
	}
	s := float32(size)
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	draw.Draw(img, img.Bounds(), image.NewUniform(clearNRGB), image.Point{}, draw.Src)

	square := vector.NewRasterizer(size, size)
	roundedSquare(square, s, s*0.18)
	square.Draw(img, img.Bounds(), image.NewUniform(partyRed), image.Point{})

	star := vector.NewRasterizer(size, size)
	outer := s * 0.42
	fivePointStar(star, s/2, s/2+outer*0.08, outer, outer*0.40)
	star.Draw(img, img.Bounds(), image.NewUniform(starGold), image.Point{})
	return img, nil
}

func roundedSquare(z *vector.Rasterizer, s, r float32) {
	// A quarter circle by a cubic Bézier: control points at 0.5523 of the radius.
	k := r * 0.5523
	z.MoveTo(r, 0)
	z.LineTo(s-r, 0)
	z.CubeTo(s-r+k, 0, s, r-k, s, r)
	z.LineTo(s, s-r)
	z.CubeTo(s, s-r+k, s-r+k, s, s-r, s)
	z.LineTo(r, s)
	z.CubeTo(r-k, s, 0, s-r+k, 0, s-r)
	z.LineTo(0, r)
	z.CubeTo(0, r-k, r-k, 0, r, 0)
	z.ClosePath()
}

func fivePointStar(z *vector.Rasterizer, cx, cy, outer, inner float32) {
	for i := range 10 {
		r := outer
		if i%2 == 1 {
			r = inner
		}
		a := -math.Pi/2 + float64(i)*math.Pi/5
		x, y := cx+r*float32(math.Cos(a)), cy+r*float32(math.Sin(a))
		if i == 0 {
			z.MoveTo(x, y)
		} else {
			z.LineTo(x, y)
		}
	}
	z.ClosePath()
}

// halve reduces a PNG to half its size by averaging each 2×2 block (premultiplied, so the
// rounded corners' transparency stays clean).
func halve(pngBytes []byte) (image.Image, error) {
	src, err := png.Decode(bytes.NewReader(pngBytes))
	if err != nil {
		return nil, err
	}
	b := src.Bounds()
	dst := image.NewNRGBA(image.Rect(0, 0, b.Dx()/2, b.Dy()/2))
	for y := 0; y < b.Dy()/2; y++ {
		for x := 0; x < b.Dx()/2; x++ {
			var r, g, bl, a uint32
			for dy := range 2 {
				for dx := range 2 {
					pr, pg, pb, pa := src.At(b.Min.X+2*x+dx, b.Min.Y+2*y+dy).RGBA()
					r, g, bl, a = r+pr, g+pg, bl+pb, a+pa
				}
			}
			c := color.RGBA64{R: uint16(r / 4), G: uint16(g / 4), B: uint16(bl / 4), A: uint16(a / 4)}
			dst.Set(x, y, c)
		}
	}
	return dst, nil
}
