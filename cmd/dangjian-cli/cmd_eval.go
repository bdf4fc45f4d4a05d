package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"dangjian/data"
	"dangjian/data/criteria"
	"dangjian/data/report"
	"dangjian/data/sheets"
)

// runEval is the model-organ evaluation: rounds, printable sheets, import of filled sheets,
// results.
func runEval(e *env, args []string) error {
	return runSubcommand(e, "eval", args, []subcommand{
		{"rounds", evalRounds},
		{"sheets", evalSheets},
		{"import", evalImport},
		{"results", evalResults},
	})
}

func evalRounds(e *env, args []string) error {
	_, asJSON, err := jsonArgs("eval rounds", args, 0, "eval rounds 不带位置参数")
	if err != nil {
		return err
	}
	s, err := e.Store()
	if err != nil {
		return err
	}
	rounds, err := criteria.Rounds(e.ctx, s)
	if err != nil {
		return refuse(err)
	}
	enc := json.NewEncoder(e.stdout)
	for _, r := range rounds {
		if asJSON {
			enc.Encode(r)
			continue
		}
		lock := ""
		if r.Locked {
			lock = "（已锁定）"
		}
		fmt.Fprintf(e.stdout, "%d\t%d\t%s%s\n", r.ID, r.Year, r.Name, lock)
	}
	return nil
}

// roundFlag parses -round and loads the round's snapshot.
func loadRoundArg(e *env, round int64) (*data.Store, *criteria.Snapshot, error) {
	if round <= 0 {
		return nil, nil, usagef("请用 -round 指定考评轮次编号（见 eval rounds）")
	}
	s, err := e.Store()
	if err != nil {
		return nil, nil, err
	}
	sn, err := criteria.Load(e.ctx, s, round)
	if err != nil {
		return nil, nil, refuse(err)
	}
	return s, sn, nil
}

func evalSheets(e *env, args []string) error {
	var round int64
	var out, format string
	var blank bool
	pos, err := flags("eval sheets", args, func(fs *flag.FlagSet) {
		fs.Int64Var(&round, "round", 0, "")
		fs.StringVar(&out, "out", "", "")
		fs.StringVar(&format, "format", "both", "")
		fs.BoolVar(&blank, "blank", false, "")
	})
	if err != nil {
		return err
	}
	if len(pos) > 0 || out == "" {
		return usagef("eval sheets 需要 -round R -out DIR")
	}
	if format != "xlsx" && format != "pdf" && format != "both" {
		return usagef("-format 只能是 xlsx、pdf 或 both")
	}
	_, sn, err := loadRoundArg(e, round)
	if err != nil {
		return err
	}
	// -out naming the database (or its backup folder) is said as such, not as mkdir's English.
	if err := data.CheckOutput(out); err != nil {
		return refuse(err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return refuse(fmt.Errorf("无法创建输出目录 %s（同名的文件已存在，或没有写入权限）；请另选一个文件夹", out))
	}
	formats := report.EvalFormats{XLSX: format != "pdf", PDF: format != "xlsx"}
	files, err := report.WriteEvalFiles(e.ctx, sn, out, report.AllEvalFiles, formats, blank, nil)
	if err != nil {
		return refuse(err)
	}
	for _, f := range files {
		fmt.Fprintln(e.stdout, f)
	}
	return nil
}

// evalImportJSON is the -json summary of an import.
type evalImportJSON struct {
	File      string                 `json:"file"`
	Round     int64                  `json:"round"`
	Sheets    int                    `json:"sheets"`
	Scores    int                    `json:"scores"`
	Imported  int                    `json:"imported"`
	Updated   int                    `json:"updated"`
	Unchanged int                    `json:"unchanged"`
	Overrides int                    `json:"overrides"`
	Dates     int                    `json:"dates"`
	Rejected  int                    `json:"rejected"`
	Batch     int64                  `json:"batch"`
	Errors    []sheets.EvalCellError `json:"errors"`
	Kept      []sheets.EvalCellError `json:"kept"` // empty cells: the round keeps its score
}

func evalImport(e *env, args []string) error {
	pos, asJSON, err := jsonArgs("eval import", args, 1, "eval import 需要一个文件：eval import FILE [-json]")
	if err != nil {
		return err
	}
	file := pos[0]
	s, err := e.WriteStore()
	if err != nil {
		return err
	}
	fh, err := os.Open(file)
	if err != nil {
		return refuse(fmt.Errorf("无法打开 %s，请检查文件名", file))
	}
	defer fh.Close()
	imp, err := sheets.ReadEvalWorkbook(e.ctx, s, fh, filepath.Base(file))
	if err != nil {
		return refuse(err)
	}
	res := evalImportJSON{File: file, Round: imp.Round.ID, Sheets: len(imp.Sheets), Scores: len(imp.Scores), Rejected: len(imp.Errors), Errors: imp.Errors}
	if res.Errors == nil {
		res.Errors = []sheets.EvalCellError{}
	}
	if res.Kept = imp.Kept; res.Kept == nil {
		res.Kept = []sheets.EvalCellError{}
	}
	if !imp.Read().Empty() {
		sum, err := criteria.ImportRead(e.ctx, s, imp.Round.ID, imp.Read(), file)
		if err != nil {
			return refuse(err)
		}
		res.Imported, res.Updated, res.Unchanged, res.Overrides, res.Dates, res.Batch = sum.Inserted, sum.Updated, sum.Unchanged, sum.Overrides, sum.Dates, sum.BatchID
	}
	if asJSON {
		return json.NewEncoder(e.stdout).Encode(res)
	}
	fmt.Fprintf(e.stdout, "%s：读取 %d 张考评表、%d 个分数；新增 %d，修改 %d，未变 %d，修正计算值 %d，考评日期 %d，未导入 %d\n",
		imp.Round.Name, res.Sheets, res.Scores, res.Imported, res.Updated, res.Unchanged, res.Overrides, res.Dates, res.Rejected)
	for _, x := range imp.Errors {
		fmt.Fprintln(e.stdout, "  未导入："+x.Message)
	}
	for _, x := range imp.Kept {
		fmt.Fprintln(e.stdout, "  未读取："+x.Message)
	}
	return nil
}

// resultJSON is the contract's shape of one organ's result.
type resultJSON struct {
	Organ  string             `json:"organ"`
	Total  float64            `json:"total"`
	Rank   int                `json:"rank"`
	Grade  string             `json:"grade"`
	Scores map[string]float64 `json:"scores"`
	Veto   string             `json:"veto,omitempty"`
}

func evalResults(e *env, args []string) error {
	var round int64
	var asJSON bool
	pos, err := flags("eval results", args, func(fs *flag.FlagSet) {
		fs.Int64Var(&round, "round", 0, "")
		fs.BoolVar(&asJSON, "json", false, "")
	})
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("eval results 不带位置参数")
	}
	_, sn, err := loadRoundArg(e, round)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	for _, r := range sn.Results() {
		if asJSON {
			enc.Encode(resultJSON{r.Organ.Name, r.Total, r.Rank, r.Grade, r.Groups, r.VetoReason})
			continue
		}
		var parts []string
		for _, g := range sn.Round.Groups {
			parts = append(parts, fmt.Sprintf("%s %s", g.Name, criteria.FormatPoints(r.Groups[g.Name])))
		}
		extra := ""
		if r.VetoReason != "" {
			extra = "（一票否决：" + r.VetoReason + "）"
		}
		fmt.Fprintf(e.stdout, "%d\t%s\t%s\t%s\t%s%s\n", r.Rank, r.Organ.Name, criteria.FormatPoints(r.Total), r.Grade, strings.Join(parts, "，"), extra)
	}
	return nil
}
