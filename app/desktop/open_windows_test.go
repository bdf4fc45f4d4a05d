package desktop

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"golang.org/x/sys/windows/registry"
)

// These run on Windows (under Wine in make windows-smoke): the real ShellExecuteW with a
// Chinese file name and a space in its folder.

// A throw-away file kind (in HKEY_CLASSES_ROOT: Wine 8 does not read per-user classes) whose "open" command writes the path it was given (cmd /u: UTF-16),
// so the test sees exactly what the shell handed the program.
func registerRecorder(t *testing.T, ext, out string) {
	const class = `DangjianSmokeTest`
	k, _, err := registry.CreateKey(registry.CLASSES_ROOT, ext, registry.SET_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	_ = k.SetStringValue("", "DangjianSmokeTest")
	k.Close()
	c, _, err := registry.CreateKey(registry.CLASSES_ROOT, class+`\shell\open\command`, registry.SET_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	_ = c.SetStringValue("", `cmd.exe /u /c echo %1> "`+out+`"`)
	c.Close()
	t.Cleanup(func() {
		for _, key := range []string{class + `\shell\open\command`, class + `\shell\open`, class + `\shell`, class, ext} {
			_ = registry.DeleteKey(registry.CLASSES_ROOT, key)
		}
	})
}

func TestShellExecuteHandsTheProgramTheChinesePath(t *testing.T) {
	dir := testDir(t)
	out := filepath.Join(dir, "opened.txt")
	registerRecorder(t, ".djsmoke", out)
	path := filepath.Join(dir, "打印 文件", "2026年度模范机关考评结果汇总.djsmoke")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("考评结果"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Open(path); err != nil {
		t.Fatalf("Open(%s) = %v", path, err)
	}
	var got string
	for range 100 {
		if b, err := os.ReadFile(out); err == nil && len(b) >= 2 {
			u := make([]uint16, len(b)/2)
			for i := range u {
				u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
			}
			got = strings.TrimSpace(string(utf16.Decode(u)))
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !strings.EqualFold(got, path) {
		t.Fatalf("the program was handed %q, want %q", got, path)
	}
	if err := Reveal(path); err != nil {
		t.Fatalf("Reveal(%s) = %v", path, err)
	}
}

func TestShellExecuteSaysWhenNoProgramOpensIt(t *testing.T) {
	dir := testDir(t)
	path := filepath.Join(dir, "考评表.未知类型")
	if err := os.WriteFile(path, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Open(path); !errors.Is(err, ErrNoProgram) {
		t.Fatalf("Open of a file no program handles = %v, want ErrNoProgram", err)
	}
	if err := Open(filepath.Join(dir, "已删除.pdf")); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Open of a missing file = %v, want ErrNotFound", err)
	}
}
