package data

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// KeepBackups is how many automatic backups stay beside the database.
const KeepBackups = 10

// BackupInfo describes one backup file.
type BackupInfo struct {
	Path string
	At   time.Time
	Size int64
	Why  string // 导入前 / 恢复前 / 每日 / 手动 — from the file name

	written time.Time // the file's modification time: orders backups taken within one second
}

// BackupDir is the folder beside the database that holds its backups.
func (s *Store) BackupDir() string {
	return filepath.Join(filepath.Dir(s.path), "backups")
}

// BackupTo writes a consistent copy of the database to path with SQLite's own VACUUM INTO
// (never by copying an open file), readable by the user only from its first byte: it is
// written in the private temporary folder and renamed into place, or — when path is on
// another disk — into an empty 0600 file beside path. The backup is logged (操作日志: 备份).
func (s *Store) BackupTo(path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("备份文件 %s 已存在，请换一个文件名", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fault("无法创建备份目录", filepath.Dir(path), err)
	}
	if s.temp != nil {
		tmp, err := s.temp.file("backup-*.db")
		if err != nil {
			return err
		}
		if err := s.vacuumInto(tmp); err != nil {
			os.Remove(tmp)
			return err
		}
		if os.Rename(tmp, path) == nil {
			return s.logBackup(path)
		}
		os.Remove(tmp) // another disk: write it beside path instead
	}
	tmp := path + ".part"
	os.Remove(tmp)
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fault("备份失败，无法写入", filepath.Dir(path), err)
	}
	f.Close()
	if err := s.vacuumInto(tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fault("备份失败，无法写入", path, err)
	}
	return s.logBackup(path)
}

// vacuumInto writes the copy into tmp, an empty file made 0600.
func (s *Store) vacuumInto(tmp string) error {
	if _, err := s.db.Exec(`VACUUM INTO ?`, tmp); err != nil {
		return &Fault{Kind: diagnose(tmp, err), Doing: "备份失败", Path: s.path, Then: "数据库未作改动", Err: err}
	}
	os.Chmod(tmp, 0o600) // should SQLite ever have made the file anew
	return nil
}

// AutoBackup takes a backup into BackupDir, named after the database, the time and the reason,
// and keeps the newest KeepBackups. Every import and restore calls it first.
func (s *Store) AutoBackup(why string) (string, error) { return s.autoBackup(why, "") }

// autoBackup is AutoBackup sparing the file keep from the pruning: a restore of the oldest
// of the ten backups takes its 恢复前 backup first, which would otherwise delete the very file
// it is about to restore. The backup just taken is never pruned either, whatever the others
// are named.
func (s *Store) autoBackup(why, keep string) (string, error) {
	name := fmt.Sprintf("%s-%s-%s.db", s.backupPrefix(), s.Now().Format("20060102-150405"), why)
	path := filepath.Join(s.BackupDir(), name)
	for i := 2; ; i++ {
		if _, err := os.Stat(path); err != nil {
			break
		}
		path = filepath.Join(s.BackupDir(), strings.TrimSuffix(name, ".db")+fmt.Sprintf("-%d.db", i))
	}
	if err := s.BackupTo(path); err != nil {
		return "", err
	}
	list, err := s.Backups()
	if err != nil {
		return path, err
	}
	kept := 1 // the one just taken
	for _, b := range list {
		switch {
		case sameFile(b.Path, path), keep != "" && sameFile(b.Path, keep):
		case kept < KeepBackups:
			kept++
		default:
			os.Remove(b.Path)
		}
	}
	return path, nil
}

// backupPrefix names backups after the database file (库.db → 库-20261128-100000-导入前.db), so
// two databases in one folder keep their backups apart.
func (s *Store) backupPrefix() string {
	base := filepath.Base(s.path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// Backups lists the backups beside the database, newest first: in the order they were
// written, not by the time in their names, which a clock set wrong or a copied file can make
// say anything. Backups named dangjian-… by earlier versions are listed too.
func (s *Store) Backups() ([]BackupInfo, error) {
	entries, err := os.ReadDir(s.BackupDir())
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []BackupInfo
	for _, e := range entries {
		n := e.Name()
		rest, ok := s.backupName(n)
		if !ok {
			continue
		}
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		parts := strings.SplitN(rest, "-", 3)
		b := BackupInfo{Path: filepath.Join(s.BackupDir(), n), Size: info.Size(), At: info.ModTime(), written: info.ModTime()}
		if len(parts) >= 2 {
			if t, err := time.ParseInLocation("20060102-150405", parts[0]+"-"+parts[1], time.Local); err == nil {
				b.At = t
			}
		}
		if len(parts) == 3 {
			// A second backup in the same second is named …-导入前-2.db; the reason is still 导入前.
			why, n, ok := strings.Cut(parts[2], "-")
			if _, err := strconv.Atoi(n); !ok || err != nil {
				why = parts[2]
			}
			b.Why = why
		}
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].written.Equal(out[j].written) {
			return out[i].written.After(out[j].written)
		}
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.After(out[j].At)
		}
		return out[i].Path > out[j].Path
	})
	return out, nil
}

// backupName tells whether a file in the backup folder is one of this database's backups,
// and gives its name after the prefix: <time>-<reason>[-n]. A backup of another database in
// the same folder (二支部-… beside 一支部-…) is not.
func (s *Store) backupName(n string) (string, bool) {
	if !strings.HasSuffix(n, ".db") {
		return "", false
	}
	n = strings.TrimSuffix(n, ".db")
	if rest, ok := strings.CutPrefix(n, s.backupPrefix()+"-"); ok && len(rest) >= 15 {
		if _, err := time.Parse("20060102-150405", rest[:15]); err == nil {
			return rest, true
		}
	}
	if rest, ok := strings.CutPrefix(n, "dangjian-"); ok {
		return rest, true
	}
	return "", false
}

// DailyBackup takes the 每日 backup on the first start of a day and does nothing when today's
// already exists, so starting the app ten times a day keeps one daily copy, not ten.
func (s *Store) DailyBackup() (string, error) {
	list, err := s.Backups()
	if err != nil {
		return "", err
	}
	today := s.Now()
	for _, b := range list {
		if strings.HasPrefix(b.Why, "每日") && sameDay(b.At, today) {
			return "", nil
		}
	}
	return s.AutoBackup("每日")
}

// sameFile tells whether two paths name one file, however they are spelled.
func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.In(a.Location()).Date()
	return ay == by && am == bm && ad == bd
}
