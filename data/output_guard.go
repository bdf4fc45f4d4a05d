package data

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// No output ever lands on the database, its -wal/-shm/.lock files, a backup or the input file
// (DESIGN.md). `export roster <the database>` replaced the live database with a workbook, so
// every file the program writes — exports, rejects, printed sheets, PDFs — is checked here
// first, by the one place each kind of file is written (sheets.SaveAtomic, report.Save).
// Files are compared by identity, not by spelling: through symlinks, "..", another case on
// Windows, or a name that does not exist yet (the -shm of a closed database).

// protected are the databases of this process — each open Store, and the database a command
// names even before it opens it (`export template` never opens one): their files are never an
// output.
var protected = struct {
	sync.Mutex
	m map[any]string
}{m: map[any]string{}}

func (s *Store) protect()   { protectAs(s, s.path) }
func (s *Store) unprotect() { unprotectAs(s) }

// Protect keeps every output off the database at dbPath and its companion files until the
// returned function is called, whether or not the database is open.
func Protect(dbPath string) (release func()) {
	key := new(int)
	protectAs(key, dbPath)
	return func() { unprotectAs(key) }
}

func protectAs(key any, path string) {
	protected.Lock()
	protected.m[key] = path
	protected.Unlock()
}

func unprotectAs(key any) {
	protected.Lock()
	delete(protected.m, key)
	protected.Unlock()
}

// CheckOutput refuses, in one sentence naming the file and what it is, a path about to be
// written that is an open database or one of its companion files, lies in its backup folder,
// is one of inputs (the file an import is reading), or holds an SQLite database or WAL of any
// other database.
func CheckOutput(path string, inputs ...string) error {
	if what := protectedAs(path, inputs); what != "" {
		return fmt.Errorf("不能写入 %s：它是%s，写入会毁掉它；请另选一个文件名或文件夹", path, what)
	}
	return nil
}

func protectedAs(path string, inputs []string) string {
	protected.Lock()
	dbs := make([]string, 0, len(protected.m))
	for _, p := range protected.m {
		dbs = append(dbs, p)
	}
	protected.Unlock()
	for _, db := range dbs {
		for _, f := range []struct{ path, what string }{
			{db, "正在使用的数据库文件"},
			{db + "-wal", "数据库的日志文件（-wal）"},
			{db + "-shm", "数据库的共享内存文件（-shm）"},
			{db + "-journal", "数据库的日志文件（-journal）"},
			{LockPath(db), "数据库的锁文件"},
		} {
			if samePlace(path, f.path) {
				return f.what
			}
		}
		if samePlace(filepath.Dir(realPath(path)), (&Store{path: db}).BackupDir()) {
			return "数据库备份文件夹中的文件"
		}
	}
	for _, in := range inputs {
		if in != "" && samePlace(path, in) {
			return "本次导入读取的文件"
		}
	}
	return databaseContent(path)
}

// databaseContent names what an existing file is when it holds an SQLite database (another
// database, a backup copied elsewhere) or a write-ahead log, by its first bytes.
func databaseContent(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := f.Read(head)
	switch {
	case n == 16 && string(head) == "SQLite format 3\x00":
		return "一个已存在的数据库文件（或数据库备份）"
	case n >= 4 && (bytes.Equal(head[:4], []byte{0x37, 0x7f, 0x06, 0x82}) || bytes.Equal(head[:4], []byte{0x37, 0x7f, 0x06, 0x83})):
		return "数据库的日志文件（-wal）"
	}
	return ""
}

// samePlace tells whether a and b are one file: the same file when both exist, else the same
// name in the same folder once symlinks are followed.
func samePlace(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	ra, rb := realPath(a), realPath(b)
	if !sameName(filepath.Base(ra), filepath.Base(rb)) {
		return false
	}
	da, errA := os.Stat(filepath.Dir(ra))
	db, errB := os.Stat(filepath.Dir(rb))
	return errA == nil && errB == nil && os.SameFile(da, db)
}

// sameName compares file names as the file system does: Windows and macOS ignore case.
func sameName(a, b string) bool {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return strings.EqualFold(a, b)
	}
	return a == b
}
