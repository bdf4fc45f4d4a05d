package exeres

import (
	"fmt"
	"image"
	"io"
	"sort"

	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"

	"dangjian/app/desktop"
)

// IconName is the icon group's resource name; Explorer shows the first group, and the app loads
// this one for its title bar (desktop.UseExeIcon).
const IconName = desktop.ExeIconName

// Icon is the app's icon with one image drawn for each of IconSizes.
func Icon() (*winres.Icon, error) {
	var imgs []image.Image
	for _, s := range IconSizes {
		img, err := DrawIcon(s)
		if err != nil {
			return nil, fmt.Errorf("图标 %d×%d：%w", s, s, err)
		}
		imgs = append(imgs, img)
	}
	return winres.NewIconFromImages(imgs)
}

// Resources is the .exe's resource set: the icon, a manifest (per-monitor DPI awareness, as GLFW
// asks at start anyway, and the Windows 10 common controls for the message box) and the version
// that Explorer's 属性 → 详细信息 shows.
func Resources(name, ver string) (*winres.ResourceSet, error) {
	rs := &winres.ResourceSet{}
	icon, err := Icon()
	if err != nil {
		return nil, err
	}
	if err := rs.SetIcon(winres.Name(IconName), icon); err != nil {
		return nil, err
	}
	rs.SetManifest(winres.AppManifest{
		Description:         name,
		Compatibility:       winres.Win7AndAbove,
		ExecutionLevel:      winres.AsInvoker,
		DPIAwareness:        winres.DPIPerMonitorV2,
		UseCommonControlsV6: true,
	})
	var vi version.Info
	vi.SetFileVersion(ver)
	vi.SetProductVersion(ver)
	const zhCN = 0x0804
	for k, v := range map[string]string{
		version.ProductName:     name,
		version.FileDescription: name,
		version.ProductVersion:  ver,
		version.FileVersion:     ver,
	} {
		if err := vi.Set(zhCN, k, v); err != nil {
			return nil, err
		}
	}
	rs.SetVersionInfo(vi)
	return rs, nil
}

// WriteSyso writes rs as an object file for 64-bit Windows that the Go linker embeds when it
// sits in the main package's folder.
func WriteSyso(w io.Writer, rs *winres.ResourceSet) error {
	return rs.WriteObject(w, winres.ArchAMD64)
}

// ExeIconSizes reads a built .exe and returns the sizes of its icon group's images, smallest
// first.
func ExeIconSizes(exe io.ReadSeeker) ([]int, error) {
	rs, err := winres.LoadFromEXE(exe)
	if err != nil {
		return nil, err
	}
	icon, err := rs.GetIcon(winres.Name(IconName))
	if err != nil {
		return nil, err
	}
	return iconSizes(icon)
}

func iconSizes(icon *winres.Icon) ([]int, error) {
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(icon.SaveICO(pw)) }()
	b, err := io.ReadAll(pr)
	if err != nil {
		return nil, err
	}
	// ICONDIR: reserved, type, count; then 16-byte entries whose first byte is the width (0 = 256).
	if len(b) < 6 {
		return nil, fmt.Errorf("图标文件过短")
	}
	n := int(b[4]) | int(b[5])<<8
	var sizes []int
	for i := range n {
		off := 6 + 16*i
		if off+16 > len(b) {
			return nil, fmt.Errorf("图标文件不完整")
		}
		w := int(b[off])
		if w == 0 {
			w = 256
		}
		sizes = append(sizes, w)
	}
	sort.Ints(sizes)
	return sizes, nil
}
