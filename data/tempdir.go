package data

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Every temporary copy of personal data — a backup or a restore being written, excelize's
// unpacked sheets and stream buffers — lives in a private folder beside the database,
// <db>.tmp (0700), in one sub-folder per running process, and is created 0600 from its first
// byte. A process killed mid-way (kill -9, a power cut) leaves its sub-folder behind: the next
// Open removes every sub-folder whose process is gone — its lock file is free — while a live
// process's files stay. Before, they were left at 0644 in the system temp folder or beside the
// database, and another local user read ID numbers from one.

// tempFolder is this process's private sub-folder for one open store.
type tempFolder struct {
	dir  string
	lock *os.File // held while the process lives; the OS drops it however the process ends
}

const tempLockName = ".lock"

// tempRoot is the private folder beside the database.
func tempRoot(dbPath string) string { return realPath(dbPath) + ".tmp" }

// openTempFolder sweeps what killed processes left and makes this process's sub-folder.
func openTempFolder(dbPath string) (*tempFolder, error) {
	root := tempRoot(dbPath)
	sweepTemp(dbPath)
	if err := os.MkdirAll(root, 0o700); err != nil {
		return nil, fault("无法创建临时文件夹", root, err)
	}
	os.Chmod(root, 0o700) // also when an older version made it with other rights
	dir, err := os.MkdirTemp(root, "p")
	if err != nil {
		return nil, fault("无法创建临时文件夹", root, err)
	}
	f, err := os.OpenFile(filepath.Join(dir, tempLockName), os.O_CREATE|os.O_RDWR, 0o600)
	if err == nil {
		err = lockFile(f)
	}
	if err != nil {
		if f != nil {
			f.Close()
		}
		os.RemoveAll(dir)
		return nil, fault("无法创建临时文件夹", dir, err)
	}
	t := &tempFolder{dir: dir, lock: f}
	setTempDir(t)
	return t, nil
}

// close removes the sub-folder and everything in it.
func (t *tempFolder) close() {
	if t == nil {
		return
	}
	clearTempDir(t)
	unlockFile(t.lock)
	t.lock.Close()
	os.RemoveAll(t.dir)
}

// file creates an empty file in the folder, readable by the user only from its first byte:
// SQLite's VACUUM INTO writes into an empty file it finds and keeps its rights.
func (t *tempFolder) file(pattern string) (string, error) {
	f, err := os.CreateTemp(t.dir, pattern)
	if err != nil {
		return "", fault("无法创建临时文件", t.dir, err)
	}
	f.Close()
	return f.Name(), nil
}

// sweepTemp removes the temporary files of processes that are gone: their sub-folders of the
// private folder, and what earlier versions left beside the database (<db>.restore-N) and in
// the backup folder (*.part).
func sweepTemp(dbPath string) {
	root := tempRoot(dbPath)
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		sub := filepath.Join(root, e.Name())
		if !e.IsDir() {
			os.Remove(sub)
			continue
		}
		f, err := os.OpenFile(filepath.Join(sub, tempLockName), os.O_RDWR, 0)
		if errors.Is(err, fs.ErrNotExist) {
			os.RemoveAll(sub) // killed before it locked: nothing of it is in use
			continue
		}
		if err != nil {
			continue
		}
		if lockFile(f) == nil { // free: its process is gone
			unlockFile(f)
			f.Close()
			os.RemoveAll(sub)
			continue
		}
		f.Close()
	}
	real := realPath(dbPath)
	removeLeftovers(filepath.Dir(real), func(n string) bool { return strings.HasPrefix(n, filepath.Base(real)+".restore-") })
	removeLeftovers(filepath.Join(filepath.Dir(real), "backups"), func(n string) bool { return strings.HasSuffix(n, ".part") })
}

// removeLeftovers removes the files in dir whose names match.
func removeLeftovers(dir string, match func(name string) bool) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() && match(e.Name()) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// The folder excelize and every other reader and writer of this process use: the private
// folder of the store opened last, the system's while none is open.
var current struct {
	sync.Mutex
	dir string
	// held keeps every open folder's lock file reachable: were a store dropped without Close,
	// the collector would close the file, free the lock and let another process sweep files
	// still in use.
	held map[*tempFolder]bool
}

func setTempDir(t *tempFolder) {
	current.Lock()
	current.dir = t.dir
	if current.held == nil {
		current.held = map[*tempFolder]bool{}
	}
	current.held[t] = true
	current.Unlock()
}

func clearTempDir(t *tempFolder) {
	current.Lock()
	if current.dir == t.dir {
		current.dir = ""
	}
	delete(current.held, t)
	current.Unlock()
}

// TempDir is the private folder for this process's temporary files beside the open
// database; sheets give it to excelize (Options.TmpDir) for its unpacked sheets and stream
// buffers. Without an open store it is the system's temp folder.
func TempDir() string {
	current.Lock()
	defer current.Unlock()
	if current.dir != "" {
		if _, err := os.Stat(current.dir); err == nil {
			return current.dir
		}
	}
	return os.TempDir()
}
