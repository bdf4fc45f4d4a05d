package main

import (
	"fmt"
	"path/filepath"

	"dangjian/data/sheets"
)

// runImportOrgs: import orgs FILE [-dry-run] [-json]. Rows rejected with reasons are work done
// (exit 0); a file that is no organisation sheet is refused (exit 1).
func runImportOrgs(e *env, file string, dry, asJSON bool) error {
	s, err := e.WriteStore()
	if err != nil {
		return err
	}
	ctx := e.ctx
	of, err := sheets.ReadOrgs(ctx, file)
	if err != nil {
		return refuse(err)
	}
	var res *sheets.OrgImport
	if dry {
		res, err = sheets.PlanOrgImport(ctx, s, of)
	} else {
		res, err = sheets.ImportOrgs(ctx, s, of)
	}
	if err != nil {
		return refuse(err)
	}
	sum := newSummary(file, res.Rows(), res.Counts, res.Errors())
	if asJSON {
		return e.printJSON(sum)
	}
	verb := "已导入"
	if dry {
		verb = "试导入（未写入数据库）"
	}
	fmt.Fprintf(e.stdout, "%s %s：识别 %d 个党组织，新增 %d，更新 %d，无变化 %d，未导入 %d\n", verb, filepath.Base(file),
		sum.Rows, sum.Imported, sum.Updated, sum.Unchanged, sum.Rejected)
	for _, er := range sum.Errors {
		fmt.Fprintln(e.stdout, er.Error())
	}
	if res.Batch != 0 {
		fmt.Fprintf(e.stdout, "本次导入为第 %d 批，可在“备份与日志”中撤销\n", res.Batch)
	}
	return nil
}

// runExportOrgs: export orgs OUT.xlsx, in the columns import orgs reads.
func runExportOrgs(e *env, out string) error {
	s, err := e.Store()
	if err != nil {
		return err
	}
	n, err := sheets.ExportOrgs(e.ctx, s, out)
	if err != nil {
		return refuse(err)
	}
	fmt.Fprintf(e.stdout, "已导出 %d 个党组织到 %s\n", n, out)
	return nil
}
