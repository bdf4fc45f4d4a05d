package main

import (
	"context"
	"flag"
	"fmt"

	"dangjian/data"
	"dangjian/data/sheets"
)

// runExport: export roster OUT.xlsx [-branch NAME] [-per-branch] [-mask-ids] | export template OUT.xlsx.
// The command line writes full ID numbers unless -mask-ids, so that its exports import back;
// the title of the sheet says which.
func runExport(e *env, args []string) error {
	var branch string
	var perBranch, mask bool
	pos, err := flags("export", args, func(fs *flag.FlagSet) {
		fs.StringVar(&branch, "branch", "", "")
		fs.BoolVar(&perBranch, "per-branch", false, "")
		fs.BoolVar(&mask, "mask-ids", false, "")
	})
	if err != nil {
		return err
	}
	if len(pos) == 2 && pos[0] == "template" {
		if err := sheets.WriteTemplate(pos[1]); err != nil {
			return refuse(err)
		}
		fmt.Fprintf(e.stdout, "已写出导入模板 %s\n", pos[1])
		return nil
	}
	if len(pos) != 2 || pos[0] != "roster" {
		return usagef("请写成 export roster OUT.xlsx [-branch NAME] 或 export template OUT.xlsx")
	}
	s, err := e.Store()
	if err != nil {
		return err
	}
	f := data.MemberFilter{}
	opt := sheets.ExportOptions{PerBranch: perBranch, IncludeFullIDs: !mask}
	if branch != "" {
		o, err := s.OrgByName(branch)
		if err != nil {
			return refuse(err)
		}
		f.BranchID, opt.Title = o.ID, o.Name+"党员花名册"
	}
	ms, err := s.Members(f)
	if err != nil {
		return err
	}
	if err := sheets.ExportMembers(context.Background(), ms, pos[1], opt, s.Today(), nil); err != nil {
		return refuse(err)
	}
	fmt.Fprintf(e.stdout, "已导出 %d 名党员到 %s\n", len(ms), pos[1])
	return nil
}
