//go:build !windows

package desktop

// WorkArea is not read off Windows (GLFW's monitor work area is not reachable through Fyne);
// the caller falls back to a size that fits a 1366×768 screen.
func WorkArea() (work Rect, scale float32, ok bool) { return Rect{}, 1, false }

// OnScreen cannot tell off Windows, so a remembered position is not trusted there.
func OnScreen(Rect) bool { return false }

// Frame is not known off Windows.
func Frame(uintptr) (r Rect, maximised, ok bool) { return Rect{}, false, false }

// Place does nothing off Windows: the window manager places the window.
func Place(uintptr, int, int, bool) {}

// UseExeIcon does nothing off Windows, where the window manager takes Fyne's icon.
func UseExeIcon(uintptr, string) {}
