package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"path/filepath"

	"dangjian/data"
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
	if rejects != "" {
		// Before the backup and the long read: the rejects file would otherwise be refused
		// only once the whole roster is written.
		if err := data.CheckOutput(rejects, file); err != nil {
			return refuse(err)
		}
	}
	s, err := e.WriteStore()
	if err != nil {
		return err
	}
	ctx := context.Background()
	var res *sheets.ImportResult
	if dry {
		res, err = planRoster(ctx, s, file, sheet, create, rejects)
	} else {
		// The real import reads and writes in one pass; the rejected rows are written out
		// before the commit, so a -rejects file that cannot be written imports nothing.
		res, err = sheets.ImportRoster(ctx, s, file, sheets.ImportOptions{Read: sheets.ReadOptions{Sheet: sheet}, CreateBranches: create,
			BeforeCommit: func(r *sheets.ImportResult) error { return writeRejects(rejects, r.RejectsPlan()) }})
		var re *sheets.RefusedError
		if err != nil && !errors.As(err, &re) {
			err = fmt.Errorf("导入失败，数据库未作任何改动：%w", err)
		}
	}
	if err != nil {
		return refuse(err)
	}
	// The rejected rows went out whole (ID numbers, phones): the 操作日志 says so, once the
	// import is over (the real import writes them while its transaction is open).
	if rejects != "" && res.Rejected > 0 {
		if err := sheets.LogRejects(s, rejects, res.Rejected); err != nil {
			return refuse(err)
		}
	}
	sum := importSummary{File: file, Rows: res.Rows, Imported: res.New, Updated: res.Updated,
		Unchanged: res.Unchanged, Rejected: res.Rejected, Errors: res.Errors()}
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
	for _, n := range res.File.Notes {
		fmt.Fprintln(e.stdout, "说明："+n)
	}
	for _, u := range res.Unknown {
		if !create {
			fmt.Fprintf(e.stdout, "系统中没有党支部“%s”（%d 行）；加 -create-branches 可在党委下新建\n", u.Name, u.Rows)
		}
	}
	for _, er := range sum.Errors {
		fmt.Fprintln(e.stdout, er.Error())
	}
	if res.Batch != 0 {
		fmt.Fprintf(e.stdout, "本次导入为第 %d 批，可在“备份与日志”中撤销\n", res.Batch)
	}
	return nil
}

// planRoster is the dry run: read and classify against the store, write nothing but the
// -rejects file.
func planRoster(ctx context.Context, s *data.Store, file, sheet string, create bool, rejects string) (*sheets.ImportResult, error) {
	rf, err := sheets.ReadRoster(ctx, file, sheets.ReadOptions{Sheet: sheet})
	if err != nil {
		return nil, err
	}
	plan, err := sheets.PlanImport(s, rf, nil)
	if err != nil {
		return nil, err
	}
	if create && len(plan.Unknown) > 0 {
		root, err := sheets.RootOrg(s)
		if err != nil {
			return nil, err
		}
		choices := sheets.BranchChoices{}
		for _, u := range plan.Unknown {
			choices[u.Name] = sheets.BranchChoice{CreateUnder: root.ID}
		}
		if plan, err = sheets.PlanImport(s, rf, choices); err != nil {
			return nil, err
		}
	}
	if err := writeRejects(rejects, plan); err != nil {
		return nil, err
	}
	res := &sheets.ImportResult{File: rf, Rows: plan.Rows(), Unknown: plan.Unknown,
		Counts: sheets.Counts{New: plan.New, Updated: plan.Updated, Unchanged: plan.Unchanged, Rejected: plan.Rejected}}
	for _, it := range plan.Items {
		if it.Action == sheets.ActionRejected {
			res.Rejects = append(res.Rejects, it)
		}
	}
	return res, nil
}

// writeRejects writes the -rejects file when one was asked for.
func writeRejects(path string, p *sheets.Plan) error {
	if path == "" {
		return nil
	}
	_, err := sheets.WriteRejects(path, p)
	return err
}
