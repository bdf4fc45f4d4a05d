package main

import (
	"flag"
	"fmt"

	"dangjian/data"
)

// runRestore replaces the database by a backup. It takes the one-writer lock first, so it is
// refused while the desktop app has the database open (swapping the file under a running app
// would lose its work); the current state is backed up as 恢复前 before anything changes.
func runRestore(e *env, args []string) error {
	pos, err := flags("restore", args, func(fs *flag.FlagSet) {})
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("restore 需要一个备份文件")
	}
	in := pos[0]
	c, err := data.InspectBackup(in)
	if err != nil {
		return refuse(err)
	}
	release, err := data.AcquireLock(e.dbPath)
	if err != nil {
		return refuse(err)
	}
	defer release()
	if e.store != nil {
		e.store.Close()
		e.store = nil
	}
	if err := data.Restore(e.dbPath, in); err != nil {
		return refuse(err)
	}
	s, err := e.Store()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "已从 %s 恢复（%d 名党员）；恢复前的数据已备份在 %s\n", in, c.Members, s.BackupDir())
	return nil
}
