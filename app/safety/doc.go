// Package safety is the 备份与日志 screen: backups and restore, the audit log and the import history
// with undo, and the window shown when the database cannot be opened.
package safety
