package main

import (
	"encoding/json"
	"flag"
	"fmt"

	"dangjian/data"
)

// runBackup writes a consistent copy of the database with SQLite's own VACUUM INTO: to OUT.db
// when given, else as a 手动 backup into the backups folder beside the database. -list shows
// the backups there with their member counts.
func runBackup(e *env, args []string) error {
	var list, asJSON bool
	pos, err := flags("backup", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&list, "list", false, "列出备份文件夹中的备份")
		fs.BoolVar(&asJSON, "json", false, "每行一个 JSON 对象")
	})
	if err != nil {
		return err
	}
	if len(pos) > 1 || (list && len(pos) > 0) {
		return usagef("backup 最多接一个输出文件")
	}
	s, err := e.Store()
	if err != nil {
		return err
	}
	if list {
		return listBackups(e, s, asJSON)
	}
	var out string
	if len(pos) == 1 {
		out = pos[0]
		// Never onto the database's own files: a name not made yet (its -journal) is no
		// "file exists" to BackupTo.
		if err = data.CheckOutput(out); err == nil {
			err = s.BackupTo(out)
		}
	} else {
		out, err = s.AutoBackup("手动")
	}
	if err != nil {
		return refuse(err)
	}
	c, err := data.InspectBackup(out)
	if err != nil {
		return refuse(fmt.Errorf("备份已写入 %s，但检查未通过：%w", out, err))
	}
	fmt.Fprintf(e.stdout, "已备份到 %s（%d 名党员）\n", out, c.Members)
	return nil
}

func listBackups(e *env, s *data.Store, asJSON bool) error {
	list, err := s.Backups()
	if err != nil {
		return refuse(fmt.Errorf("无法读取备份文件夹 %s：%w", s.BackupDir(), err))
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, b := range list {
		c, cerr := data.InspectBackup(b.Path)
		state := "完好"
		if cerr != nil {
			state = "损坏"
		}
		if asJSON {
			enc.Encode(map[string]any{"path": b.Path, "at": b.At.Format("2006-01-02 15:04:05"), "why": b.Why, "members": c.Members, "ok": cerr == nil})
			continue
		}
		fmt.Fprintf(e.stdout, "%s\t%s\t%d 名党员\t%s\t%s\n", b.At.Format("2006-01-02 15:04"), b.Why, c.Members, state, b.Path)
	}
	return nil
}
