package data

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
)

// Personal data that leaves the database leaves a trace: every export of it and every backup
// is in the 操作日志 with what went out, for how many persons, whether full ID numbers or
// phones were in it, and to which file. The use case that writes the file logs it once the
// file is in place.

// Export is one file of personal data written out, as the 操作日志 records it.
type Export struct {
	What       string // 党员花名册, 导入未通过的行, 一站式服务指南 …
	Persons    int
	FullIDs    bool // full ID numbers are in the file
	FullPhones bool // full phone numbers are in the file
	Path       string
}

// ActionExport and ActionBackup are how the 操作日志 names exports and backups.
const (
	ActionExport = "导出"
	ActionBackup = "备份"
)

// Detail is the export in one line: "12 人；含完整身份证号；含完整电话；文件 D:\\花名册.xlsx".
func (e Export) Detail() string {
	ids, phones := "身份证号已隐去", "不含电话"
	if e.FullIDs {
		ids = "含完整身份证号"
	}
	if e.FullPhones {
		phones = "含完整电话"
	}
	return fmt.Sprintf("%d 人；%s；%s；文件 %s", e.Persons, ids, phones, e.Path)
}

// LogExport records an export in the 操作日志. The file is already written; when the log
// cannot be written the error says so, and the file stays where it is.
func (s *Store) LogExport(e Export) error {
	err := s.tx(context.Background(), func(tx *sql.Tx) error {
		return s.audit(tx, ActionExport, e.What, e.Detail(), "", 0)
	})
	if err != nil {
		return fmt.Errorf("已写入 %s，但未能记入操作日志：%w", e.Path, err)
	}
	return nil
}

// logBackup records a backup just written to path: it holds everyone's full ID number and phone.
func (s *Store) logBackup(path string) error {
	err := s.tx(context.Background(), func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`SELECT COUNT(*) FROM person`).Scan(&n); err != nil {
			return err
		}
		e := Export{What: filepath.Base(path), Persons: n, FullIDs: true, FullPhones: true, Path: path}
		return s.audit(tx, ActionBackup, e.What, "整个数据库，"+e.Detail(), "", 0)
	})
	if err != nil {
		return fmt.Errorf("备份已写入 %s，但未能记入操作日志：%w", path, err)
	}
	return nil
}
