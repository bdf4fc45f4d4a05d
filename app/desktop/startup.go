package desktop

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// StartupLogName is the log beside the database that says why the window did not start.
const StartupLogName = "启动日志.txt"

// StartupTitle is the message box's title when no window can be made.
const StartupTitle = "党建融合工作台无法启动"

// StartupText is what the message box says on goos when no window could be made; cause is
// what the graphics library reported (for the log, not shown as it is) and logPath where it was
// written. A failure that names OpenGL (on Windows: only the built-in OpenGL 1.1 on remote
// desktop, old graphics cards, some virtual machines) gets the fix from the README.
func StartupText(goos, cause, logPath string) string {
	var b strings.Builder
	switch {
	case openGLFailure(cause) && goos == "windows":
		b.WriteString("这台电脑的显卡驱动没有提供本程序需要的 OpenGL 2.1，所以窗口无法显示（远程桌面、老显卡和部分虚拟机上常见）。\n\n")
		b.WriteString("解决办法：按使用说明中“没有 OpenGL 的电脑”一节，把 Mesa3D 的 opengl32.dll 复制到 党建融合工作台.exe 所在的文件夹后再启动；或请信息中心更新显卡驱动。")
	case openGLFailure(cause):
		b.WriteString("无法创建窗口：没有可用的图形桌面或 OpenGL 2.1。\n\n")
		b.WriteString("请在图形桌面中启动本程序，并安装显卡驱动或 Mesa（Debian/Ubuntu：libgl1-mesa-dri）；或请信息中心协助。")
	default:
		b.WriteString("程序启动时出错，窗口无法显示。\n\n请把下面这个日志文件发给信息中心，他们可以据此查明原因。")
	}
	if logPath != "" {
		b.WriteString("\n\n详细情况已写入：" + logPath)
	}
	return b.String()
}

func openGLFailure(cause string) bool {
	c := strings.ToLower(cause)
	for _, k := range []string{"opengl", "wgl", "glx", "egl", "pixel format", "glfw", "window creation"} {
		if strings.Contains(c, k) {
			return true
		}
	}
	return false
}

// WriteStartupLog appends what happened at start-up to StartupLogName in dir (the database's
// folder) and returns the log's path. A new log starts with a UTF-8 byte-order mark, so Notepad
// on an older Chinese Windows does not read it as GBK.
func WriteStartupLog(dir string, at time.Time, cause string, details []string) (string, error) {
	path := filepath.Join(dir, StartupLogName)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return "", err
	}
	if st, err := f.Stat(); err == nil && st.Size() == 0 {
		_, _ = f.WriteString("\uFEFF")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s  窗口无法启动：%s\r\n", at.Format("2006-01-02 15:04:05"), cause)
	for _, d := range details {
		fmt.Fprintf(&b, "    %s\r\n", d)
	}
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}

// LogWatch keeps the last lines that Fyne and GLFW write to the standard logger (they report a
// window they could not make there, on a stderr nobody sees in a GUI .exe), so the start-up
// failure can be explained and logged. Install it with log.SetOutput.
type LogWatch struct {
	mu      sync.Mutex
	partial string
	lines   []string
}

const watchedLines = 20

// Write records p's lines.
func (w *LogWatch) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	text := w.partial + string(p)
	parts := strings.Split(text, "\n")
	w.partial = parts[len(parts)-1]
	for _, l := range parts[:len(parts)-1] {
		if l = strings.TrimSpace(dropLogTime(l)); l != "" {
			w.lines = append(w.lines, l)
		}
	}
	if n := len(w.lines); n > watchedLines {
		w.lines = append([]string(nil), w.lines[n-watchedLines:]...)
	}
	return len(p), nil
}

// dropLogTime removes the standard logger's "2006/01/02 15:04:05 " prefix: the start-up log
// writes its own time.
func dropLogTime(l string) string {
	if len(l) > 20 && l[4] == '/' && l[7] == '/' && l[10] == ' ' && l[13] == ':' && l[16] == ':' && l[19] == ' ' {
		return l[20:]
	}
	return l
}

// Lines are the lines recorded so far, oldest first.
func (w *LogWatch) Lines() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.lines...)
}

// Cause is the most telling recorded line: GLFW's or the driver's cause of a failure, else the
// last error Fyne reported, else "".
func (w *LogWatch) Cause() string {
	lines := w.Lines()
	for i := len(lines) - 1; i >= 0; i-- {
		if _, after, ok := strings.Cut(lines[i], "Cause:"); ok {
			return strings.TrimSpace(after)
		}
	}
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(lines[i], "Error") || strings.Contains(lines[i], "error") {
			return lines[i]
		}
	}
	return ""
}
