package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"

	"dangjian/data/sheets"
)

// importSummary is the contract's JSON summary of a roster import (DESIGN.md).
type importSummary struct {
	File      string            `json:"file"`
	Rows      int               `json:"rows"`
	Imported  int               `json:"imported"`
	Updated   int               `json:"updated"`
	Unchanged int               `json:"unchanged"`
	Rejected  int               `json:"rejected"`
	Errors    []sheets.RowError `json:"errors"`
}

// runImport: import roster FILE [-sheet S] [-dry-run] [-create-branches] [-rejects OUT.xlsx] [-json].
// Rows rejected with reasons are work done (exit 0); a file that is no roster is refused (exit 1).
func runImport(e *env, args []string) error {
	var sheet, rejects string
	var dry, create, asJSON bool
	pos, err := flags("import", args, func(fs *flag.FlagSet) {
		fs.StringVar(&sheet, "sheet", "", "")
		fs.StringVar(&rejects, "rejects", "", "")
		fs.BoolVar(&dry, "dry-run", false, "")
		fs.BoolVar(&create, "create-branches", false, "")
		fs.BoolVar(&asJSON, "json", false, "")
	})
	if err != nil {
		return err
	}
	if len(pos) != 2 || pos[0] != "roster" {
		return usagef("请写成 import roster FILE")
	}
	file := pos[1]
	s, err := e.WriteStore()
	if err != nil {
		return err
	}
	ctx := context.Background()
	rf, err := sheets.ReadRoster(ctx, file, sheets.ReadOptions{Sheet: sheet})
	if err != nil {
		return refuse(err)
	}
	plan, err := sheets.PlanImport(s, rf, nil)
	if err != nil {
		return refuse(err)
	}
	if create && len(plan.Unknown) > 0 {
		root, err := sheets.RootOrg(s)
		if err != nil {
			return refuse(err)
		}
		choices := sheets.BranchChoices{}
		for _, u := range plan.Unknown {
			choices[u.Name] = sheets.BranchChoice{CreateUnder: root.ID}
		}
		if plan, err = sheets.PlanImport(s, rf, choices); err != nil {
			return refuse(err)
		}
	}
	if rejects != "" {
		if _, err := sheets.WriteRejects(rejects, plan); err != nil {
			return refuse(err)
		}
	}
	var batch int64
	if !dry {
		if batch, err = sheets.CommitImport(ctx, s, plan, nil); err != nil {
			return refuse(fmt.Errorf("导入失败，数据库未作任何改动：%w", err))
		}
	}
	sum := importSummary{File: file, Rows: plan.Rows(), Imported: plan.New, Updated: plan.Updated,
		Unchanged: plan.Unchanged, Rejected: plan.Rejected, Errors: plan.Errors()}
	if sum.Errors == nil {
		sum.Errors = []sheets.RowError{}
	}
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(sum)
	}
	verb := "已导入"
	if dry {
		verb = "试导入（未写入数据库）"
	}
	fmt.Fprintf(e.stdout, "%s %s：识别 %d 行，新增 %d，更新 %d，无变化 %d，未导入 %d\n", verb, filepath.Base(file),
		sum.Rows, sum.Imported, sum.Updated, sum.Unchanged, sum.Rejected)
	for _, n := range rf.Notes {
		fmt.Fprintln(e.stdout, "说明："+n)
	}
	for _, u := range plan.Unknown {
		if !create {
			fmt.Fprintf(e.stdout, "系统中没有党支部“%s”（%d 行）；加 -create-branches 可在党委下新建\n", u.Name, u.Rows)
		}
	}
	for _, er := range sum.Errors {
		fmt.Fprintln(e.stdout, er.Error())
	}
	if batch != 0 {
		fmt.Fprintf(e.stdout, "本次导入为第 %d 批，可在“备份与日志”中撤销\n", batch)
	}
	return nil
}
