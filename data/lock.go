package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// One writer per database. Two app windows on the same file would each believe their screens
// show the truth while the other changes it, so a second instance is refused. The lock is the
// operating system's own lock on <db>.lock (flock on Unix, LockFileEx on Windows): the OS drops
// it when the process ends, however it ends, so a crash never leaves the database locked.

// ErrLocked is returned (wrapped in a clear message) when another instance holds the database.
var ErrLocked = errors.New("数据库已被另一个程序打开")

// LockedError refuses a database another instance holds; Holder says who (用户 张三，计算机
// PC-01，自 2026-11-28 09:00 起), "" when the lock file does not say. errors.Is(err, ErrLocked)
// holds for it.
type LockedError struct {
	Path   string
	Holder string
}

func (e *LockedError) Error() string {
	holder := ""
	if e.Holder != "" {
		holder = "（" + e.Holder + "）"
	}
	return fmt.Sprintf("%v：数据库 %s 已在另一个窗口中打开%s。同一个数据库同时只能由一个程序修改，请切换到那个窗口，或关闭它后再打开", ErrLocked, e.Path, holder)
}

func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// LockPath is the lock file beside a database. It is keyed on the file itself, not on how its
// path is spelled: the same database reached through a symlink (or a relative path) gets the
// same lock, so a restore through an alias cannot run during another process's import.
func LockPath(dbPath string) string { return realPath(dbPath) + ".lock" }

// realPath is the absolute path of the file with every symlink resolved, as far as the links
// lead — also a link to a database not created yet, as on the first start, which resolves to
// that name.
func realPath(path string) string {
	p, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	for range 40 { // the kernel's own limit on a chain of links
		if full, err := filepath.EvalSymlinks(p); err == nil {
			return full
		}
		st, err := os.Lstat(p)
		if err != nil || st.Mode()&os.ModeSymlink == 0 {
			break
		}
		target, err := os.Readlink(p)
		if err != nil {
			break
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(p), target)
		}
		p = target
	}
	// The file does not exist (yet): resolve its folder.
	if dir, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		return filepath.Join(dir, filepath.Base(p))
	}
	return p
}

// AcquireLock takes the database's one-writer lock, or refuses with a message saying who holds
// it. release gives it up; calling it more than once is harmless.
func AcquireLock(dbPath string) (release func(), err error) {
	if st, err := os.Stat(dbPath); err == nil && !st.Mode().IsRegular() {
		// A folder or a device (-db /dev/null): no lock file beside it, and Open refuses it.
		return nil, &Fault{Kind: KindNotAFile, Doing: "无法打开数据库", Path: dbPath, Then: "未作任何修改"}
	}
	path := LockPath(dbPath)
	// The lock comes before data.Open, so on the first start it creates the data folder.
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fault("无法创建数据目录", filepath.Dir(path), err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fault("无法创建锁文件", path, err)
	}
	if err := lockFile(f); err != nil {
		holder := readHolder(path)
		f.Close()
		return nil, &LockedError{Path: dbPath, Holder: holder}
	}
	// Who holds it, for the message the next instance shows. Written after locking, in place.
	host, _ := os.Hostname()
	info := fmt.Sprintf("%d\n%s\n%s\n%s\n", os.Getpid(), osUser(), host, time.Now().Format("2006-01-02 15:04"))
	f.Truncate(0)
	f.WriteAt([]byte(info), 0)
	f.Sync()
	done := false
	return func() {
		if done {
			return
		}
		done = true
		unlockFile(f)
		f.Close()
	}, nil
}

// readHolder describes the holder from the lock file: 用户 张三，自 2026-11-28 09:00 起.
func readHolder(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	lines := strings.Split(string(b), "\n")
	if len(lines) < 4 || lines[0] == "" {
		return ""
	}
	who := lines[1]
	if lines[2] != "" {
		who += "，计算机 " + lines[2]
	}
	return fmt.Sprintf("用户 %s，自 %s 起", who, lines[3])
}
