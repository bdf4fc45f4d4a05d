package safety

import (
	"context"
	"fmt"

	"dangjian/app/ui"
	"dangjian/data"
)

// RestoreBackup replaces the database by the backup at path, after backing up the current state
// (恢复前). The store is closed and reopened underneath the app: wb.Store is replaced, OnRestore
// is told about the new store, and every screen reloads through Changed. Screens must therefore
// read wb.Store when they use it, never keep their own copy. done (may be nil) gets the error.
func RestoreBackup(wb *ui.Workbench, path string, done func(error)) {
	var restored *data.Store
	wb.RunLong("正在恢复备份", func(_ context.Context, p ui.Progress) error {
		p(0, 0, "正在备份当前数据并恢复……")
		var err error
		restored, err = wb.Store.RestoreFrom(path, "在“备份与恢复”中恢复")
		return err
	}, func(err error) {
		if restored == nil {
			wb.ShowError("恢复失败", fmt.Errorf("恢复后无法重新打开数据库，请关闭程序后重新启动：%w", err))
		} else {
			if restored != wb.Store {
				wb.Store = restored
				if wb.OnRestore != nil {
					wb.OnRestore(restored)
				}
				wb.Changed()
			}
			if err != nil {
				wb.ShowError("恢复失败", err)
			} else {
				wb.Notify("已恢复备份；恢复前的数据已另存为备份")
			}
		}
		if done != nil {
			done(err)
		}
	})
}
