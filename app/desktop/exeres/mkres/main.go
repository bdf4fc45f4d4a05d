// Command mkres writes the Windows resources of 党建融合工作台.exe (icon at 16, 24, 32, 48 and
// 256 pixels, manifest, version) as a .syso for the Go linker, or with -check reads a built
// .exe and fails unless its icon carries every size. `make windows` runs both.
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"

	"dangjian/app/desktop/exeres"
)

func main() {
	out := flag.String("o", "", "写出的 .syso 文件（放在 cmd/dangjian 下，链接时嵌入 .exe）")
	ico := flag.String("ico", "", "另写一份 .ico 文件（可选）")
	name := flag.String("name", "党建融合工作台", "程序名称")
	ver := flag.String("version", "0.1.0.1", "版本号")
	check := flag.String("check", "", "检查已生成的 .exe 中的图标尺寸")
	flag.Parse()
	if err := run(*out, *ico, *name, *ver, *check); err != nil {
		fmt.Fprintln(os.Stderr, "mkres:", err)
		os.Exit(1)
	}
}

func run(out, ico, name, ver, check string) error {
	if check != "" {
		f, err := os.Open(check)
		if err != nil {
			return err
		}
		defer f.Close()
		sizes, err := exeres.ExeIconSizes(f)
		if err != nil {
			return fmt.Errorf("%s 中没有图标：%w", check, err)
		}
		if !slices.Equal(sizes, exeres.IconSizes) {
			return fmt.Errorf("%s 的图标尺寸是 %v，应为 %v", check, sizes, exeres.IconSizes)
		}
		fmt.Printf("%s：图标 %v 像素\n", check, sizes)
		return nil
	}
	rs, err := exeres.Resources(name, ver)
	if err != nil {
		return err
	}
	if ico != "" {
		icon, err := exeres.Icon()
		if err != nil {
			return err
		}
		if err := write(ico, func(f *os.File) error { return icon.SaveICO(f) }); err != nil {
			return err
		}
	}
	if out == "" {
		return fmt.Errorf("需要 -o 文件名")
	}
	return write(out, func(f *os.File) error { return exeres.WriteSyso(f, rs) })
}

// write creates path through a temporary file, so a failed run leaves no half-written file
// for the linker to pick up.
func write(path string, fill func(*os.File) error) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := fill(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}
