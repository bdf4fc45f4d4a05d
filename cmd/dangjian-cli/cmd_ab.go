package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/abpost"
	"dangjian/data/civil"
	"dangjian/data/report"
	"dangjian/data/sheets"
)

// runAB is the AB岗 command: import the catalogue, export the guide or 报备表, record an
// absence, and print coverage.
func runAB(e *env, args []string) error {
	return runSubcommand(e, "ab", args, []subcommand{
		{"import", runABImport},
		{"export", runABExport},
		{"absent", runABAbsent},
		{"coverage", runABCoverage},
	})
}

// dayFlag is the day the flag name gives; a wrong one is a usage error naming the flag.
func dayFlag(name, value string) (time.Time, error) {
	d, err := civil.ParseISO(value)
	if err != nil {
		return d, usagef("-%s：%v", name, err)
	}
	return d, nil
}

// storeOn opens the store and reads the day of the -date flag (date), the store's today when
// it is not given: the day an AB export or the coverage is for.
func storeOn(e *env, date string) (*data.Store, time.Time, error) {
	s, err := e.Store()
	if err != nil {
		return nil, time.Time{}, err
	}
	if date == "" {
		return s, s.Today(), nil
	}
	on, err := dayFlag("date", date)
	return s, on, err
}

func runABImport(e *env, args []string) error {
	pos, asJSON, err := jsonArgs("ab import", args, 1, "ab import 需要一个文件")
	if err != nil {
		return err
	}
	s, err := e.WriteStore()
	if err != nil {
		return err
	}
	ctx := e.ctx
	plan, err := sheets.PlanABImport(ctx, s, pos[0])
	if err != nil {
		return refuse(err)
	}
	batch, err := abpost.CommitImport(ctx, s, plan)
	if err != nil {
		return refuse(fmt.Errorf("导入失败，数据未作任何改动：%w", err))
	}
	type rowErr struct {
		Sheet   string `json:"sheet"`
		Row     int    `json:"row"`
		Message string `json:"message"`
	}
	var errs []rowErr
	for _, r := range plan.Rows {
		for _, m := range r.Errors {
			errs = append(errs, rowErr{r.Sheet, r.Line, m})
		}
	}
	var newPersons []string
	for _, p := range plan.NewPersons {
		newPersons = append(newPersons, p.Dept+"/"+p.Name)
	}
	if asJSON {
		return json.NewEncoder(e.stdout).Encode(map[string]any{
			"file": pos[0], "rows": len(plan.Rows), "imported": plan.New, "updated": plan.Updated,
			"unchanged": plan.Unchanged, "rejected": plan.Rejected, "new_persons": nonNil(newPersons),
			"new_departments": nonNil(plan.NewDepts), "batch": batch, "errors": nonNil(errs),
		})
	}
	fmt.Fprintf(e.stdout, "%s：共 %d 行，新增 %d，更新 %d，无变化 %d，未导入 %d\n", filepath.Base(pos[0]), len(plan.Rows),
		plan.New, plan.Updated, plan.Unchanged, plan.Rejected)
	if len(newPersons) > 0 {
		fmt.Fprintf(e.stdout, "新建人员：%s\n", strings.Join(newPersons, "、"))
	}
	for _, x := range errs {
		fmt.Fprintf(e.stdout, "工作表“%s”第 %d 行：%s\n", x.Sheet, x.Row, x.Message)
	}
	if batch != 0 {
		fmt.Fprintf(e.stdout, "导入批次 %d，可在“备份与日志”中撤销\n", batch)
	}
	return nil
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func runABExport(e *env, args []string) error {
	var guide bool
	var date string
	pos, err := flags("ab export", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&guide, "guide", false, "")
		fs.StringVar(&date, "date", "", "")
	})
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("ab export 需要一个输出文件")
	}
	s, on, err := storeOn(e, date)
	if err != nil {
		return err
	}
	out := pos[0]
	switch ext := strings.ToLower(filepath.Ext(out)); {
	case ext == ".pdf" && guide:
		err = report.SaveGuide(e.ctx, s, out, on)
	case ext == ".pdf":
		return usagef("PDF 只用于服务指南，请加 -guide，或把输出文件改为 .xlsx")
	case ext != ".xlsx":
		return usagef("输出文件须为 .xlsx（服务指南也可为 .pdf）")
	case guide:
		err = sheets.ExportGuide(e.ctx, s, out, on)
	default:
		err = sheets.ExportFiling(e.ctx, s, out, on)
	}
	if err != nil {
		return refuse(err)
	}
	fmt.Fprintln(e.stdout, "已导出", out)
	return nil
}

func runABAbsent(e *env, args []string) error {
	var from, to, kind, note string
	var handover bool
	pos, err := flags("ab absent", args, func(fs *flag.FlagSet) {
		fs.StringVar(&from, "from", "", "")
		fs.StringVar(&to, "to", "", "")
		fs.StringVar(&kind, "kind", "请假", "")
		fs.StringVar(&note, "note", "", "")
		fs.BoolVar(&handover, "handover", false, "")
	})
	if err != nil {
		return err
	}
	if len(pos) != 1 || from == "" || to == "" {
		return usagef("ab absent 需要人员姓名和 -from、-to 日期")
	}
	f, err := dayFlag("from", from)
	if err != nil {
		return err
	}
	t, err := dayFlag("to", to)
	if err != nil {
		return err
	}
	s, err := e.WriteStore()
	if err != nil {
		return err
	}
	person, err := abpost.FindPerson(e.ctx, s, pos[0])
	if err != nil {
		return refuse(err)
	}
	a := abpost.Absence{PersonID: person.ID, From: f, To: t, Kind: kind, HandoverNote: note, HandedOver: handover}
	warnings, err := abpost.RecordAbsence(e.ctx, s, &a)
	if err != nil {
		return refuse(err)
	}
	fmt.Fprintf(e.stdout, "已登记 %s %s %s 至 %s\n", person.Name, a.Kind, from, to)
	for _, w := range warnings {
		fmt.Fprintf(e.stdout, "警示【%s】%s\n", w.Kind, w.Message)
	}
	return nil
}

func runABCoverage(e *env, args []string) error {
	var date string
	var days int
	var asJSON bool
	pos, err := flags("ab coverage", args, func(fs *flag.FlagSet) {
		fs.StringVar(&date, "date", "", "")
		fs.IntVar(&days, "days", 1, "")
		fs.BoolVar(&asJSON, "json", false, "")
	})
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("ab coverage 不带位置参数")
	}
	if days < 1 || days > 3660 {
		return usagef("-days 须在 1 到 3660 之间")
	}
	s, from, err := storeOn(e, date)
	if err != nil {
		return err
	}
	cov, err := abpost.ComputeCoverage(e.ctx, s, from, from.AddDate(0, 0, days-1))
	if err != nil {
		return refuse(err)
	}
	sum := cov.Summary()
	enc := json.NewEncoder(e.stdout)
	for j, d := range cov.Days {
		for i, it := range cov.Items {
			c := cov.Cells[i][j]
			if asJSON {
				if err := enc.Encode(map[string]any{
					"date": data.DateText(d), "item": it.Name, "dept": it.Dept, "door": it.Door,
					"a": cov.Name(c.A), "b": cov.Name(c.B), "server": cov.Name(c.Server()), "state": c.State.String(),
				}); err != nil {
					return err
				}
				continue
			}
			server := cov.Name(c.Server())
			switch c.State {
			case abpost.StateB:
				server += "（B岗顶岗）"
			case abpost.StateGap:
				server = "【空岗】"
			}
			fmt.Fprintf(e.stdout, "%s %s %s·%s %s\n", data.DateText(d), abpost.Weekday(d), it.Dept, it.Name, server)
		}
	}
	var warnings []string
	for _, w := range cov.Warnings {
		warnings = append(warnings, w.Message)
	}
	if asJSON {
		return enc.Encode(map[string]any{
			"summary": true, "from": data.DateText(cov.From), "to": data.DateText(cov.To),
			"service_days": sum.ServiceDays, "items": sum.Items, "by_a": sum.ByA, "by_b": sum.ByB, "gaps": sum.Gaps,
			"warnings": nonNil(warnings),
		})
	}
	fmt.Fprintf(e.stdout, "%s 至 %s：服务日 %d 天，事项 %d 项；A岗办理 %d、B岗顶岗 %d、空岗 %d（事项·日）\n",
		data.DateText(cov.From), data.DateText(cov.To), sum.ServiceDays, sum.Items, sum.ByA, sum.ByB, sum.Gaps)
	for _, w := range warnings {
		fmt.Fprintln(e.stdout, "警示："+w)
	}
	return nil
}
