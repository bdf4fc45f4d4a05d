package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver: no cgo, so the CLI builds anywhere
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is an open database of one institute.
type Store struct {
	db   *sql.DB
	path string
	temp *tempFolder // this process's private folder for temporary copies
	// Now is the clock of every date rule; tests replace it to pin "today".
	Now func() time.Time
	// User names who acts, for the audit log: the operating-system user by default.
	User string
}

// ErrNewerDatabase refuses a file written by a newer version of the app.
var ErrNewerDatabase = errors.New("数据库由更新版本的程序创建")

// DefaultPath is where the app and the CLI keep the database when no -db is given.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("找不到用户配置目录：%w", err)
	}
	return filepath.Join(dir, "dangjian", "dangjian.db"), nil
}

// Open opens (creating when absent) the database at path and brings its schema up to date.
// A file that is not SQLite, is damaged, or was written by a newer version is refused with a
// message that names the file, and is never modified: those checks run on a read-only
// connection before the one that sets WAL mode (which rewrites the header) is opened. A disk
// that is full or read-only, a folder or a device is refused for what it is, never called
// damaged.
func Open(path string) (*Store, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fault("无法创建数据目录", dir, err)
	}
	st, err := os.Stat(path)
	fresh := errors.Is(err, fs.ErrNotExist)
	switch {
	case fresh:
	case err != nil:
		return nil, fault("无法读取数据库文件", path, err)
	case !st.Mode().IsRegular():
		return nil, &Fault{Kind: KindNotAFile, Doing: "无法打开数据库", Path: path, Then: "未作任何修改"}
	}
	if !fresh {
		if err := checkHeader(path); err != nil {
			return nil, err
		}
		if st.Size() > 0 {
			if err := checkBeforeWriting(path); err != nil {
				return nil, err
			}
		}
	} else {
		// Create the file readable by the user only before SQLite opens it: it holds ID numbers.
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return nil, fault("无法创建数据库文件", path, err)
		}
		f.Close()
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err == nil {
		err = db.Ping()
	}
	if err != nil {
		db.Close()
		return nil, dbFault("无法打开数据库", path, err)
	}
	s := &Store{db: db, path: path, Now: time.Now, User: osUser()}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	if s.temp, err = openTempFolder(path); err != nil {
		db.Close()
		return nil, err
	}
	s.protect() // no export may ever land on this file (output_guard.go)
	return s, nil
}

// checkBeforeWriting reads the version and checks for damage on a read-only connection, so
// a file that is refused stays byte for byte as it was.
func checkBeforeWriting(path string) (err error) {
	// Reading a WAL-mode file creates an empty -wal and -shm beside it; a refused file is
	// left as it was found, without them.
	var made []string
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Lstat(path + suffix); errors.Is(err, fs.ErrNotExist) {
			made = append(made, path+suffix)
		}
	}
	db, err := openReadOnly(path)
	if err != nil {
		return dbFault("无法打开数据库", path, err)
	}
	defer func() {
		db.Close()
		if err != nil {
			for _, p := range made {
				if st, serr := os.Lstat(p); serr == nil && (st.Size() == 0 || strings.HasSuffix(p, "-shm")) {
					os.Remove(p)
				}
			}
		}
	}()
	var have int
	if err := db.QueryRow("PRAGMA user_version").Scan(&have); err != nil {
		return damagedOr(path, err)
	}
	if have > SchemaVersion() {
		return fmt.Errorf("%w：文件 %s 的版本为 %d，本程序只认识到 %d；请升级本程序后再打开，文件未被修改", ErrNewerDatabase, path, have, SchemaVersion())
	}
	var res string
	if err := db.QueryRow("PRAGMA quick_check").Scan(&res); err != nil {
		return damagedOr(path, err)
	}
	if res != "ok" {
		return &Fault{Kind: KindDamaged, Doing: "无法打开数据库", Path: path, Then: "文件未被修改", Err: errors.New(res)}
	}
	return nil
}

// damagedOr is the refusal for a check that could not run: damage when SQLite says so, else
// what the disk or the folder is.
func damagedOr(path string, err error) error {
	f := dbFault("无法打开数据库", path, err)
	f.Then = "文件未被修改"
	return f
}

func dsn(path string) string {
	return "file:" + uriPath(path) + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)&_txlock=immediate"
}

// uriPath escapes what a "file:" URI would read otherwise: SQLite decodes %HH and ends the path
// at "?" or "#", so a folder named "党建资料#2" put the database in a file "党建资料" beside it
// and "完成率100%" did not open at all.
func uriPath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(path)
}

// checkHeader refuses a file that exists but is not an SQLite database, before the driver
// could touch it (opening with WAL would otherwise try to write to it).
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fault("无法读取数据库文件", path, err)
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := f.Read(head)
	if n == 0 {
		return nil // an empty file is a new database
	}
	if n < 16 || string(head) != "SQLite format 3\x00" {
		// Not a database: moving it aside and restoring a backup is the repair, as for damage.
		return &Fault{Kind: KindDamaged, Doing: "文件", Path: path, Say: "不是本程序的数据库（不是 SQLite 文件）", Then: "未作任何修改；请用 -db 指定正确的数据库文件"}
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error {
	s.unprotect()
	err := s.db.Close()
	s.temp.close()
	s.temp = nil
	return err
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Today is the date of the store's clock, at UTC midnight like every stored date.
func (s *Store) Today() time.Time {
	n := s.Now()
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with NNN_", e.Name())
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, e.Name(), string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: versions must run 1, 2, 3 … without gaps", m.name)
		}
	}
	return ms, nil
}

// SchemaVersion is the highest migration this build knows.
func SchemaVersion() int {
	ms, _ := migrations()
	return len(ms)
}

// migrate applies the migrations the file lacks, each in its own transaction together with
// the new user_version, so a crash leaves the file at a whole version.
func (s *Store) migrate() error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	var have int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&have); err != nil {
		return fmt.Errorf("无法读取数据库 %s 的版本：%w", s.path, err)
	}
	if have > len(ms) {
		return fmt.Errorf("%w：文件 %s 的版本为 %d，本程序只认识到 %d；请升级本程序后再打开，文件未被修改", ErrNewerDatabase, s.path, have, len(ms))
	}
	for _, m := range ms[have:] {
		err := s.tx(context.Background(), func(tx *sql.Tx) error {
			if _, err := tx.Exec(m.sql); err != nil {
				return fmt.Errorf("升级数据库（%s）失败：%w", m.name, err)
			}
			_, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func osUser() string {
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return ""
}
