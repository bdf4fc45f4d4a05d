package desktop

import (
	"errors"
	"strings"
)

// Launch is exactly what the app hands the operating system to open a file or show it in its
// folder. On Windows it is a ShellExecuteW call (Verb, File, Params, Dir); elsewhere a program
// (File) run with Args. Paths go as plain paths, never as file:// URLs: Windows' shell does not
// decode percent-encoded UTF-8, so a Chinese file name in a URL opens nothing.
type Launch struct {
	Verb   string   // ShellExecute's verb ("open"); empty off Windows
	File   string   // the document ShellExecute opens, or the program to run
	Params string   // Windows: the parameter string exactly as the program receives it
	Args   []string // elsewhere: the program's arguments, one each
	Dir    string   // the working folder the program starts in
}

// ExeIconName is the name of the icon group in the .exe's resources (written by exeres).
const ExeIconName = "APP"

// Why a file did not open; Open and Reveal wrap one of these.
var (
	// ErrNoProgram: no program is registered for the file's kind (or none could be started).
	ErrNoProgram = errors.New("没有能打开这种文件的程序")
	// ErrNotFound: the file (or its folder) is not there any more.
	ErrNotFound = errors.New("文件不存在")
	// ErrDenied: the operating system refused access.
	ErrDenied = errors.New("没有权限打开文件")
	// ErrOpenFailed: the program started but reported failure.
	ErrOpenFailed = errors.New("打开文件失败")
)

// OpenLaunch is how a file at the absolute path is opened with its default program on goos:
// ShellExecuteW "open" with the path itself on Windows, xdg-open with the path elsewhere.
func OpenLaunch(goos, path string) Launch {
	if goos == "windows" {
		path = winPath(path)
		return Launch{Verb: "open", File: path, Dir: winDir(path)}
	}
	return Launch{File: "xdg-open", Args: []string{path}}
}

// RevealLaunch is how the folder holding path is shown on goos: Explorer with the file selected
// on Windows (explorer /select,"path" — Explorer reads its own command line, so the quotes must
// sit after the comma, which Go's argument quoting would not do), xdg-open on the folder elsewhere.
func RevealLaunch(goos, path string) Launch {
	if goos == "windows" {
		path = winPath(path)
		return Launch{Verb: "open", File: "explorer.exe", Params: `/select,"` + path + `"`, Dir: winDir(path)}
	}
	dir := path
	if i := strings.LastIndex(path, "/"); i > 0 {
		dir = path[:i]
	}
	return Launch{File: "xdg-open", Args: []string{dir}}
}

// winPath writes a Windows path with backslashes only: Explorer's /select and some programs'
// command lines do not accept forward slashes.
func winPath(p string) string { return strings.ReplaceAll(p, "/", `\`) }

// winDir is the folder part of a Windows path ("" when there is none).
func winDir(p string) string {
	i := strings.LastIndex(p, `\`)
	if i < 0 {
		return ""
	}
	if i == 2 && p[1] == ':' { // C:\file.pdf: the folder is the drive's root
		return p[:3]
	}
	return p[:i]
}
