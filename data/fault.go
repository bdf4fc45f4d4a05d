package data

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"unicode"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Kind is what went wrong beneath an operation, whatever words SQLite or the operating system
// used for it. Code decides by kind (is this file damaged? is it a duplicate?), never by
// searching an error's text, and the user hears one Chinese sentence per kind.
type Kind int

// The kinds a user can act on. KindOther is everything else.
const (
	KindOther      Kind = iota
	KindDiskFull        // no space left (SQLITE_FULL, ENOSPC, a quota)
	KindReadOnly        // a read-only disk, share or file (SQLITE_READONLY, EROFS)
	KindPermission      // the user may not read or write it (EACCES, EPERM, SQLITE_PERM)
	KindNotAFile        // a folder, a device or a path through a file (EISDIR, ENOTDIR)
	KindNotFound        // the file or a folder on its way is not there (ENOENT)
	KindExists          // something of that name is in the way (EEXIST, ENOTEMPTY)
	KindBusy            // another connection holds the database (SQLITE_BUSY, SQLITE_LOCKED)
	KindDamaged         // SQLite says the file is corrupt or not a database, or quick_check fails
	KindIO              // the disk failed to read or write (SQLITE_IOERR, EIO)
	KindUnique          // a UNIQUE or PRIMARY KEY constraint refused a row
	KindForeignKey      // a FOREIGN KEY constraint refused a row
	KindLocked          // another instance of the app holds the one-writer lock
)

// say is the sentence for a kind: what happened and what to do.
func (k Kind) say() string {
	switch k {
	case KindDiskFull:
		return "磁盘已满，请清理磁盘或换一个有空间的位置后重试"
	case KindReadOnly:
		return "所在的磁盘或文件夹是只读的，请换一个可写的位置，或取消只读后重试"
	case KindPermission:
		return "没有权限读写该文件或文件夹；请换一个位置，或关闭正在使用它的程序"
	case KindNotAFile:
		return "这不是一个普通文件（是文件夹或设备），请指定一个 .db 数据库文件"
	case KindNotFound:
		return "找不到该文件或文件夹，请确认路径是否正确"
	case KindExists:
		return "目标位置已有同名的文件或文件夹，请移走它或换一个名称后重试"
	case KindBusy:
		return "数据库正忙（另一个操作或导入正在写入），请稍等片刻后重试"
	case KindDamaged:
		return "数据库文件已损坏，无法读取；请从备份恢复"
	case KindIO:
		return "读写磁盘时出错（磁盘或网络盘可能有故障），请检查磁盘后重试"
	case KindUnique:
		return "与已有记录重复（名称或编号已存在），请检查后重试"
	case KindForeignKey:
		return "该记录仍被其他记录引用，不能删除或改动；请先处理引用它的记录"
	case KindLocked:
		return "数据库已在另一个窗口中打开，请切换到那个窗口，或关闭它后再试"
	}
	return "操作没有成功，请重试；如仍不成功，请联系信息中心并保留数据库文件"
}

// Fault is a refusal that knows its kind: what was being done, to which file, and what became
// of the data. Its text is one Chinese sentence; the cause stays inside for errors.Is/As.
type Fault struct {
	Kind  Kind
	Doing string // 无法打开数据库
	Path  string // the file or folder concerned, "" when none
	Say   string // what is wrong, when the kind's own sentence does not fit; "" for the kind's
	Then  string // what became of the data: 未作任何改动 / 数据库原样保留, "" when nothing needs saying
	Err   error  // the cause, never shown
}

func (f *Fault) Error() string {
	var b strings.Builder
	b.WriteString(f.Doing)
	if f.Path != "" {
		b.WriteString(" " + f.Path)
	}
	say := f.Say
	if say == "" {
		say = f.Kind.say()
	}
	b.WriteString("：" + say)
	if f.Then != "" {
		b.WriteString("；" + f.Then)
	}
	return b.String()
}

func (f *Fault) Unwrap() error { return f.Err }

// fault wraps err, classified by its kind, as a refusal while doing something to path.
func fault(doing, path string, err error) *Fault {
	return &Fault{Kind: KindOf(err), Doing: doing, Path: path, Err: err}
}

// IsDamaged tells whether err says a database file is damaged — the one case where moving the
// file aside and restoring a backup is the repair. A full disk or a read-only folder is not.
func IsDamaged(err error) bool { return KindOf(err) == KindDamaged }

// KindOf classifies err by SQLite's result code and the operating system's error number.
func KindOf(err error) Kind {
	if err == nil {
		return KindOther
	}
	var f *Fault
	if errors.As(err, &f) && f.Kind != KindOther {
		return f.Kind
	}
	if errors.Is(err, ErrLocked) {
		return KindLocked
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		return sqliteKind(se.Code())
	}
	if k := osKind(err); k != KindOther {
		return k
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return KindNotFound
	case errors.Is(err, fs.ErrPermission):
		return KindPermission
	case errors.Is(err, fs.ErrExist):
		return KindExists
	}
	return KindOther
}

func sqliteKind(code int) Kind {
	switch code {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return KindUnique
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return KindForeignKey
	}
	switch code & 0xff {
	case sqlite3.SQLITE_FULL:
		return KindDiskFull
	case sqlite3.SQLITE_READONLY:
		return KindReadOnly
	case sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
		return KindPermission
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return KindBusy
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return KindDamaged
	case sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN:
		return KindIO
	}
	return KindOther
}

// diagnose finds the reason when SQLite could not open or use the file at path: SQLite says
// only "unable to open" or "disk I/O error", whether the disk is full, read-only or the path is
// a folder. It looks, without writing, at the file, its folder and the free space.
func diagnose(path string, err error) Kind {
	k := KindOf(err)
	switch k {
	case KindIO, KindReadOnly, KindOther, KindPermission:
	default:
		return k
	}
	st, serr := os.Stat(path)
	if serr != nil {
		if sk := KindOf(serr); sk != KindOther {
			return sk
		}
		return k
	}
	if !st.Mode().IsRegular() {
		return KindNotAFile
	}
	if f, oerr := os.OpenFile(path, os.O_RDWR, 0); oerr != nil {
		if ok := KindOf(oerr); ok != KindOther {
			return ok
		}
	} else {
		f.Close()
	}
	dir := filepath.Dir(path)
	if derr := dirWritable(dir); derr != nil {
		if dk := KindOf(derr); dk != KindOther {
			return dk
		}
	}
	if free, ok := freeSpace(dir); ok && free < 1<<20 {
		return KindDiskFull
	}
	return k
}

// dbFault is a refusal to open or change the database at path, its kind diagnosed.
func dbFault(doing, path string, err error) *Fault {
	return &Fault{Kind: diagnose(path, err), Doing: doing, Path: path, Err: err}
}

// Explain turns an error into the sentence a user reads. Our own errors are Chinese sentences
// already; where SQLite's or the operating system's words sit at the end of one (wrapped with
// %w), they are replaced by the sentence for their kind, keeping our opening clause, which
// names the file ("无法写入 D:\党建\花名册.xlsx").
func Explain(err error) string {
	if err == nil {
		return ""
	}
	if errors.Is(err, context.Canceled) {
		return "已取消，数据未作任何改动。" // a cancelled read or import (Ctrl-C, 取消) stops before any write
	}
	msg := err.Error()
	var f *Fault
	if errors.As(err, &f) {
		return msg // ours, Chinese throughout
	}
	if raw := foreignCause(err); raw != nil {
		say := KindOf(err).say()
		if i := strings.Index(msg, raw.Error()); i >= 0 {
			head := strings.TrimRight(msg[:i], "：:（( ，,")
			if hasHan(head) {
				return head + "：" + say
			}
		}
		return say
	}
	// Text that lost its kind on the way (formatted with %v): the few words SQLite and the
	// OS use under load or on a full disk.
	for _, t := range []struct {
		has  string
		kind Kind
	}{
		{"database is locked", KindBusy},
		{"SQLITE_BUSY", KindBusy},
		{"FOREIGN KEY constraint failed", KindForeignKey},
		{"UNIQUE constraint failed", KindUnique},
		{"disk is full", KindDiskFull},
		{"no space left on device", KindDiskFull},
		{"permission denied", KindPermission},
		{"Access is denied", KindPermission},
	} {
		if strings.Contains(msg, t.has) {
			if head, _, ok := strings.Cut(msg, "："); ok && hasHan(head) {
				return head + "：" + t.kind.say()
			}
			return t.kind.say()
		}
	}
	return msg
}

// foreignCause is the error in err's chain that is SQLite's or the operating system's, not
// ours: its text is English and must not reach the user. nil when there is none.
func foreignCause(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	var sc *os.SyscallError
	var se *sqlite.Error
	var en syscall.Errno
	switch {
	case errors.As(err, &pe):
		return pe
	case errors.As(err, &le):
		return le
	case errors.As(err, &sc):
		return sc
	case errors.As(err, &se):
		return se
	case errors.As(err, &en):
		return en
	}
	return nil
}

func hasHan(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}
