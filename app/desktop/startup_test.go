package desktop

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// What Fyne 2.7 and GLFW log when Windows' built-in OpenGL 1.1 is all there is.
const wglFailure = "2026/12/01 09:00:00 Fyne error:  window creation error\n" +
	"2026/12/01 09:00:00   Cause: VersionUnavailable: WGL: Failed to create OpenGL context\n" +
	"2026/12/01 09:00:00   At: fyne.io/fyne/v2@v2.7.1/internal/driver/glfw/window_desktop.go:760\n"

func TestNoOpenGLTellsWhatIsWrongAndWhatToDo(t *testing.T) {
	var w LogWatch
	logger := log.New(&w, "", log.LstdFlags)
	for _, l := range strings.Split(strings.TrimSpace(wglFailure), "\n") {
		logger.Print(l[len("2026/12/01 09:00:00 "):])
	}
	cause := w.Cause()
	if cause != "VersionUnavailable: WGL: Failed to create OpenGL context" {
		t.Fatalf("Cause = %q", cause)
	}
	if l := w.Lines(); l[0] != "Fyne error:  window creation error" {
		t.Errorf("the logger's time stays in the line: %q", l[0])
	}
	logPath := `C:\Users\张三\AppData\Roaming\dangjian\启动日志.txt`
	text := StartupText("windows", cause, logPath)
	for _, want := range []string{"OpenGL 2.1", "远程桌面", "opengl32.dll", "党建融合工作台.exe 所在的文件夹", "信息中心", logPath} {
		if !strings.Contains(text, want) {
			t.Errorf("the message box does not say %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "WGL") || strings.Contains(text, "VersionUnavailable") {
		t.Errorf("the message box shows the driver's English:\n%s", text)
	}
}

// What Wine showed with no GLX: GLFW logs a platform error itself, with no "Cause:" line.
func TestPlatformErrorIsTheCause(t *testing.T) {
	var w LogWatch
	log.New(&w, "", log.LstdFlags).Println("PlatformError: WGL: Failed to set pixel format for dummy context: 无效的窗口句柄。")
	if got := w.Cause(); got != "PlatformError: WGL: Failed to set pixel format for dummy context: 无效的窗口句柄。" {
		t.Fatalf("Cause = %q", got)
	}
	if !strings.Contains(StartupText("windows", w.Cause(), ""), "opengl32.dll") {
		t.Error("a WGL failure is not explained as missing OpenGL")
	}
}

// Off Windows there is no opengl32.dll to copy: the Linux desktop says what to do there.
func TestNoDisplayOffWindowsDoesNotSendTheUserToOpengl32(t *testing.T) {
	text := StartupText("linux", "NotInitialized: The GLFW library is not initialized", "/home/张三/.config/dangjian/启动日志.txt")
	if strings.Contains(text, "opengl32.dll") || !strings.Contains(text, "图形桌面") || !strings.Contains(text, "启动日志.txt") {
		t.Errorf("StartupText(linux) = %q", text)
	}
}

func TestOtherStartFailuresSendTheLogToTheITOffice(t *testing.T) {
	text := StartupText("windows", "runtime error: invalid memory address", "D:\\党建\\启动日志.txt")
	if strings.Contains(text, "OpenGL") || !strings.Contains(text, "信息中心") || !strings.Contains(text, "D:\\党建\\启动日志.txt") {
		t.Errorf("StartupText = %q", text)
	}
}

func TestStartupLogIsWrittenBesideTheDatabase(t *testing.T) {
	dir := filepath.Join(testDir(t), "党建 数据")
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local)
	path, err := WriteStartupLog(dir, at, "VersionUnavailable: WGL: Failed to create OpenGL context", []string{"Fyne error:  window creation error"})
	if err != nil {
		t.Fatal(err)
	}
	if path != filepath.Join(dir, StartupLogName) {
		t.Errorf("log at %s, want beside the database in %s", path, dir)
	}
	if _, err := WriteStartupLog(dir, at.Add(time.Hour), "second start", nil); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) || bytes.Count(b, []byte("\xEF\xBB\xBF")) != 1 {
		t.Errorf("the log should start with one UTF-8 byte-order mark: %q", b[:min(len(b), 12)])
	}
	text := string(b)
	for _, want := range []string{"2026-12-01 09:00:00  窗口无法启动：VersionUnavailable: WGL: Failed to create OpenGL context", "    Fyne error:  window creation error", "2026-12-01 10:00:00  窗口无法启动：second start"} {
		if !strings.Contains(text, want) {
			t.Errorf("log lacks %q:\n%s", want, text)
		}
	}
	if st, _ := os.Stat(path); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("log mode %v, want 0600", st.Mode().Perm())
	}
}

func TestLogWatchKeepsTheLastLines(t *testing.T) {
	var w LogWatch
	for i := range 30 {
		fmt.Fprintf(&w, "line %d\n", i)
	}
	fmt.Fprint(&w, "half")
	lines := w.Lines()
	if len(lines) != watchedLines || lines[0] != "line 10" || lines[len(lines)-1] != "line 29" {
		t.Errorf("Lines = %v", lines)
	}
	fmt.Fprint(&w, " a line\n")
	if l := w.Lines(); l[len(l)-1] != "half a line" {
		t.Errorf("a line written in two parts = %q", l[len(l)-1])
	}
}

// testDir is a fresh folder; on Windows (Wine) one made by hand, as Wine refuses the test
// framework's clean-up of its temporary folders.
func testDir(t *testing.T) string {
	if runtime.GOOS != "windows" {
		return t.TempDir()
	}
	dir, err := os.MkdirTemp("", "desktop-test")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}
