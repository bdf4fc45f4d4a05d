package main

import (
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

func newSummary(file string, rows int, c sheets.Counts, errs []sheets.RowError) importSummary {
	if errs == nil {
		errs = []sheets.RowError{}
	}
	return importSummary{File: file, Rows: rows, Imported: c.New, Updated: c.Updated, Unchanged: c.Unchanged, Rejected: c.Rejected, Errors: errs}
}

// printJSON writes v as one line of JSON, Chinese as it is.
func (e *env) printJSON(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
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
	if len(pos) == 2 && pos[0] == "orgs" {
		if sheet != "" || rejects != "" || create {
			return usagef("import orgs 只接受 -dry-run 和 -json")
		}
		return runImportOrgs(e, pos[1], dry, asJSON)
	}
	if len(pos) != 2 || pos[0] != "roster" {
		return usagef("请写成 import roster FILE 或 import orgs FILE")
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
	// The dry run is the real import's own pass over the file with nothing written; the
	// rejected rows are written out before the commit, so a -rejects file that cannot be
	// written imports nothing.
	res, err := sheets.ImportRoster(e.ctx, s, file, sheets.ImportOptions{
		Read:           sheets.ReadOptions{Sheet: sheet},
		CreateBranches: create, DryRun: dry,
		BeforeCommit: func(r *sheets.ImportResult) error { return writeRejects(rejects, r.RejectsPlan()) },
	})
	var re *sheets.RefusedError
	if err != nil && !dry && !errors.As(err, &re) {
		err = fmt.Errorf("导入失败，数据库未作任何改动：%w", err)
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
	sum := newSummary(file, res.Rows, res.Counts, res.Errors())
	if asJSON {
		return e.printJSON(sum)
	}
	e.printImport(file, res, sum, dry, create)
	return nil
}

// printImport says in lines what an import did (or, dry, would do): the counts, the file's
// notes, unknown branches, every rejected row and every row to decide about.
func (e *env) printImport(file string, res *sheets.ImportResult, sum importSummary, dry, create bool) {
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
	for _, fl := range res.Flagged {
		fmt.Fprintln(e.stdout, "需确认："+fl.Error())
	}
	if res.Batch != 0 {
		fmt.Fprintf(e.stdout, "本次导入为第 %d 批，可在“备份与日志”中撤销\n", res.Batch)
	}
}

// writeRejects writes the -rejects file when one was asked for.
func writeRejects(path string, p *sheets.Plan) error {
	if path == "" {
		return nil
	}
	_, err := sheets.WriteRejects(path, p)
	return err
}
