package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Restoring replaces the whole database by a backup. It is the one operation that swaps the
// file under the store, so it runs on a closed store: the old file is first backed up (恢复前)
// or, when it is too damaged to back up, moved aside untouched; the backup is copied beside the
// database with SQLite's own VACUUM INTO, and renamed over it in one step.

// BackupCheck is what a backup file holds, read without changing it.
type BackupCheck struct {
	Version int // schema version (PRAGMA user_version)
	Members int // memberships in status 正常
}

// InspectBackup opens the file read-only and checks that it is an undamaged database of this
// app that this version can open, with every table and column of its version; it counts the
// members in it.
func InspectBackup(path string) (BackupCheck, error) { return inspectBackup(path, "quick_check") }

// inspectForRestore is InspectBackup with SQLite's full integrity_check, which also finds
// indexes that disagree with their tables (quick_check does not): the last look at a file
// before it replaces the database. Listing ten backups keeps to the quicker check.
func inspectForRestore(path string) (BackupCheck, error) {
	return inspectBackup(path, "integrity_check")
}

func inspectBackup(path, check string) (BackupCheck, error) {
	var c BackupCheck
	st, err := os.Stat(path)
	if err != nil {
		return c, fmt.Errorf("找不到备份文件 %s，请确认文件还在", path)
	}
	if st.IsDir() {
		return c, fmt.Errorf("%s 是文件夹，不是备份文件，请选择一个 .db 备份文件", path)
	}
	if err := checkHeader(path); err != nil || st.Size() == 0 {
		return c, fmt.Errorf("文件 %s 不是本程序的备份（不是 SQLite 数据库），请选择备份文件夹中的 .db 文件", path)
	}
	db, err := openReadOnly(path)
	if err != nil {
		return c, err
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA " + check).Scan(&res); err != nil || res != "ok" {
		return c, fmt.Errorf("备份文件 %s 已损坏，不能用来恢复，请选择另一个备份", path)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&c.Version); err != nil {
		return c, fmt.Errorf("无法读取备份文件 %s 的版本，请选择另一个备份", path)
	}
	if c.Version > SchemaVersion() {
		return c, fmt.Errorf("备份文件 %s 由更新版本的程序创建（版本 %d，本程序只认识到 %d），请升级本程序后再恢复", path, c.Version, SchemaVersion())
	}
	if c.Version < 2 {
		return c, fmt.Errorf("文件 %s 不是本程序的数据库备份，请选择备份文件夹中的 .db 文件", path)
	}
	if lacks, err := lacksSchema(db, c.Version); err != nil || lacks {
		return c, fmt.Errorf("文件 %s 缺少本程序这个版本应有的数据表或字段（可能是别的程序的文件，或被改动过），不能用来恢复，请选择备份文件夹中的另一个 .db 文件", path)
	}
	if err := db.QueryRow(`SELECT COUNT(*) FROM membership WHERE status = ?`, StatusNormal).Scan(&c.Members); err != nil {
		return c, fmt.Errorf("文件 %s 不是本程序的数据库备份，请选择备份文件夹中的 .db 文件", path)
	}
	return c, nil
}

// openReadOnly opens a database file without ever writing to it.
func openReadOnly(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", "file:"+uriPath(path)+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return nil, fmt.Errorf("无法打开备份文件 %s", path)
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

// RestoreFrom replaces the store's database by the backup and returns the store reopened on
// the restored data; s is closed and must not be used again, also on error (the returned store
// is then the database as it was, reopened, when that is possible). The current state is
// backed up first as 恢复前, and the restore is written to the 操作日志.
func (s *Store) RestoreFrom(backupPath, reason string) (*Store, error) {
	if _, err := inspectForRestore(backupPath); err != nil {
		return s, err
	}
	return s.restoreChecked(backupPath, reason)
}

// restoreChecked is RestoreFrom for a backup that passed inspectForRestore.
func (s *Store) restoreChecked(backupPath, reason string) (*Store, error) {
	dbPath := s.path
	before, err := s.autoBackup("恢复前", backupPath)
	if err != nil {
		return s, fmt.Errorf("恢复前无法备份当前数据，未作任何改动：%w", err)
	}
	now, user := s.Now, s.User
	s.Close()
	swapErr := swapIn(dbPath, backupPath)
	ns, err := Open(dbPath)
	if err != nil {
		return nil, fmt.Errorf("恢复前的数据保存在 %s；恢复后无法打开数据库：%w", before, err)
	}
	ns.Now, ns.User = now, user
	if swapErr != nil {
		return ns, swapErr
	}
	err = ns.tx(context.Background(), func(tx *sql.Tx) error {
		return ns.audit(tx, "恢复备份", filepath.Base(backupPath), "恢复前的数据已备份为 "+filepath.Base(before), reason, 0)
	})
	return ns, err
}

// Restore replaces the database at dbPath, which no one has open, by the backup. When the
// database opens, the current state is backed up first (恢复前); when it is damaged it is moved
// aside beside itself, unchanged, as <name>.损坏-<time>, so nothing is ever lost. Any other
// reason it does not open — a full or read-only disk, no permission, a folder in its place —
// refuses the restore and leaves the database where it is: moving a healthy file aside would
// make the next start open an empty one.
func Restore(dbPath, backupPath string) error {
	if _, err := inspectForRestore(backupPath); err != nil {
		return err
	}
	s, err := Open(dbPath)
	if err == nil {
		ns, err := s.restoreChecked(backupPath, "")
		if ns != nil {
			ns.Close()
		}
		return err
	}
	if !IsDamaged(err) {
		// A newer app's file is intact, too: restoring an older backup over it is not a repair.
		return fmt.Errorf("没有恢复，数据库原样保留：%w", err)
	}
	dbPath = realPath(dbPath)
	now := time.Now
	aside := fmt.Sprintf("%s.损坏-%s", dbPath, now().Format("20060102-150405"))
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if _, err := os.Stat(dbPath + suffix); err == nil {
			if err := os.Rename(dbPath+suffix, aside+suffix); err != nil {
				return &Fault{Kind: KindOf(err), Doing: "无法把损坏的数据库移到", Path: aside, Then: "未作任何改动", Err: err}
			}
		}
	}
	if err := swapIn(dbPath, backupPath); err != nil {
		return err
	}
	s, err = Open(dbPath)
	if err != nil {
		return fmt.Errorf("恢复后无法打开数据库：%w", err)
	}
	defer s.Close()
	return s.tx(context.Background(), func(tx *sql.Tx) error {
		return s.audit(tx, "恢复备份", filepath.Base(backupPath), "原数据库已损坏，原文件保存为 "+filepath.Base(aside), "启动检查发现数据库损坏", 0)
	})
}

// swapIn copies the backup beside dbPath with VACUUM INTO (a consistent copy, also when the
// backup was being written by someone) and renames it over dbPath. The database must be
// closed: its -wal and -shm are removed so SQLite never replays an old log onto the new file.
func swapIn(dbPath, backupPath string) error {
	dbPath = realPath(dbPath) // renaming over a symlink would replace the link, not the database
	temp, err := openTempFolder(dbPath)
	if err != nil {
		return err
	}
	defer temp.close()
	tmp, err := temp.file("restore-*.db")
	if err != nil {
		return err
	}
	src, err := openReadOnly(backupPath)
	if err != nil {
		return err
	}
	_, err = src.Exec(`VACUUM INTO ?`, tmp)
	src.Close()
	if err != nil {
		os.Remove(tmp)
		return &Fault{Kind: diagnose(tmp, err), Doing: "无法把备份复制到数据库所在的文件夹", Path: filepath.Dir(dbPath), Then: "未作任何改动", Err: err}
	}
	os.Chmod(tmp, 0o600)
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(dbPath + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			os.Remove(tmp)
			return fmt.Errorf("数据库仍被其他程序占用（%s），未作任何改动；请关闭其他窗口后重试", dbPath+suffix)
		}
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		os.Remove(tmp)
		return &Fault{Kind: KindOf(err), Doing: "无法替换数据库文件", Path: dbPath, Then: "未作任何改动", Err: err}
	}
	return nil
}

// BackupsBeside lists the backups of the database at dbPath without opening it: the start-up
// check offers them when the database itself does not open.
func BackupsBeside(dbPath string) ([]BackupInfo, error) {
	return (&Store{path: dbPath}).Backups()
}
