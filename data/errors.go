package data

import (
	"errors"
	"strings"
	"unicode"
)

// FieldError says what is wrong with one field of a form, in Chinese, so the form can show it
// next to the field.
type FieldError struct {
	Field   string // the Go field name, e.g. "IDNumber"
	Message string
}

// Invalid is a set of field errors; nothing was saved.
type Invalid []FieldError

func (v Invalid) Error() string {
	msgs := make([]string, len(v))
	for i, e := range v {
		msgs[i] = e.Message
	}
	return strings.Join(msgs, "；")
}

// For returns the message for one field, "" when it is fine.
func (v Invalid) For(field string) string {
	for _, e := range v {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// AsInvalid unwraps field errors from err.
func AsInvalid(err error) (Invalid, bool) {
	var v Invalid
	ok := errors.As(err, &v)
	return v, ok
}

// ErrNotFound is returned when a record asked for by id does not exist.
var ErrNotFound = errors.New("记录不存在，可能已被删除")

// Explain turns an error into the sentence a user reads. Our own errors are Chinese sentences
// already; the few that can still come from SQLite or the OS under load or on a full disk are
// said in Chinese with what to do, so neither the window nor the command line shows them raw.
func Explain(err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	for _, t := range []struct{ has, say string }{
		{"database is locked", "数据库正忙（另一个操作或导入正在写入），请稍等片刻后重试"},
		{"SQLITE_BUSY", "数据库正忙（另一个操作或导入正在写入），请稍等片刻后重试"},
		{"FOREIGN KEY constraint failed", "该记录仍被其他记录引用，不能删除或改动；请先处理引用它的记录"},
		{"UNIQUE constraint failed", "与已有记录重复（名称或编号已存在），请检查后重试"},
		{"disk is full", "磁盘空间已满，未能保存；请清理磁盘后重试，数据未作改动"},
		{"no space left on device", "磁盘空间已满，未能保存；请清理磁盘后重试，数据未作改动"},
		{"permission denied", "没有权限读写该文件或文件夹；请换一个位置，或关闭正在使用它的程序"},
		{"Access is denied", "没有权限读写该文件或文件夹；请换一个位置，或关闭正在使用它的程序"},
	} {
		if strings.Contains(msg, t.has) {
			// Keep our own opening clause ("无法写入 D:\党建\花名册.xlsx"): it names the file.
			if head, _, ok := strings.Cut(msg, "："); ok && strings.ContainsFunc(head, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				return head + "：" + t.say
			}
			return t.say
		}
	}
	return msg
}
