package desktop

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// The printed sheet must reach Windows' shell as the plain path, Chinese characters and spaces
// as they are: no file:// URL, no %E6%89%93 percent encoding (which the shell does not decode,
// so nothing opened).
func TestOpenLaunchHandsWindowsThePlainPath(t *testing.T) {
	path := `C:\Users\张三\AppData\Roaming\dangjian\打印\2026年度模范机关考评表（填报）.pdf`
	got := OpenLaunch("windows", path)
	want := Launch{Verb: "open", File: path, Dir: `C:\Users\张三\AppData\Roaming\dangjian\打印`}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("OpenLaunch = %+v, want %+v", got, want)
	}
	for _, s := range []string{got.File, got.Params, got.Dir} {
		if strings.Contains(s, "file:") || strings.Contains(s, "%") {
			t.Errorf("handed the shell a URL or percent encoding: %q", s)
		}
	}
}

func TestOpenLaunchWritesBackslashes(t *testing.T) {
	got := OpenLaunch("windows", `D:/党建 工作台/打印/结果.xlsx`)
	if got.File != `D:\党建 工作台\打印\结果.xlsx` || got.Dir != `D:\党建 工作台\打印` {
		t.Fatalf("OpenLaunch = %+v", got)
	}
	if root := OpenLaunch("windows", `C:\结果.pdf`); root.Dir != `C:\` {
		t.Errorf("a file at a drive's root starts in %q, want C:\\", root.Dir)
	}
}

// Explorer selects the file only when the quotes follow "/select," — one parameter string,
// handed over as is.
func TestRevealLaunchSelectsTheFileInExplorer(t *testing.T) {
	path := `D:\党建 工作台\打印\2026年度模范机关考评结果汇总.xlsx`
	got := RevealLaunch("windows", path)
	if got.Verb != "open" || got.File != "explorer.exe" || got.Params != `/select,"`+path+`"` {
		t.Fatalf("RevealLaunch = %+v", got)
	}
}

func TestLinuxLaunchesXdgOpenWithThePath(t *testing.T) {
	path := "/home/张三/党建 工作台/打印/考评表.pdf"
	if got := OpenLaunch("linux", path); got.File != "xdg-open" || !reflect.DeepEqual(got.Args, []string{path}) {
		t.Fatalf("OpenLaunch = %+v", got)
	}
	if got := RevealLaunch("linux", path); !reflect.DeepEqual(got.Args, []string{"/home/张三/党建 工作台/打印"}) {
		t.Fatalf("RevealLaunch = %+v", got)
	}
}

// A fake xdg-open on PATH records what it was given and exits as the real one does when no
// program handles the file (3): Open must pass the path unchanged and report ErrNoProgram,
// not succeed silently.
func TestOpenReportsXdgOpenFailure(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("xdg-open is the opener off Windows")
	}
	dir := t.TempDir()
	got := filepath.Join(dir, "args.txt")
	script := "#!/bin/sh\nprintf '%s' \"$1\" > '" + got + "'\nexit ${XDG_TEST_EXIT:-0}\n"
	if err := os.WriteFile(filepath.Join(dir, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	file := filepath.Join(dir, "打印 结果", "考评表.pdf")

	t.Setenv("XDG_TEST_EXIT", "3")
	if err := Open(file); !errors.Is(err, ErrNoProgram) {
		t.Fatalf("Open with no program = %v, want ErrNoProgram", err)
	}
	b, err := os.ReadFile(got)
	if err != nil || string(b) != file {
		t.Fatalf("xdg-open got %q (%v), want %q", b, err, file)
	}

	t.Setenv("XDG_TEST_EXIT", "2")
	if err := Open(file); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Open of a missing file = %v, want ErrNotFound", err)
	}
	t.Setenv("XDG_TEST_EXIT", "0")
	if err := Open(file); err != nil {
		t.Fatalf("Open = %v, want success", err)
	}
}
