package main

import (
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
	if len(pos) == 2 && pos[0] == "orgs" {
		return runExportOrgs(e, pos[1])
	}
	if len(pos) != 2 || pos[0] != "roster" {
		return usagef("请写成 export roster OUT.xlsx [-branch NAME]、export orgs OUT.xlsx 或 export template OUT.xlsx")
	}
	s, err := e.Store()
	if err != nil {
		return err
	}
	f := data.MemberFilter{}
	if branch != "" {
		o, err := s.OrgByName(e.ctx, branch)
		if err != nil {
			return refuse(err)
		}
		f.BranchID = o.ID
	}
	n, err := sheets.ExportRoster(e.ctx, s, f, pos[1], sheets.ExportOptions{PerBranch: perBranch, IncludeFullIDs: !mask}, nil)
	if err != nil {
		return refuse(err)
	}
	fmt.Fprintf(e.stdout, "已导出 %d 名党员到 %s\n", n, pos[1])
	return nil
}
