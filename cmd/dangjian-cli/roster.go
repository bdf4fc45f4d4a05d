package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"

	"dangjian/data"
	"dangjian/data/demo"
)

func runWhere(e *env, args []string) error {
	if len(args) > 0 {
		return usagef("where 不带参数")
	}
	fmt.Fprintln(e.stdout, e.dbPath)
	return nil
}

func runDemo(e *env, args []string) error {
	if len(args) > 0 {
		return usagef("demo 不带参数")
	}
	s, err := e.WriteStore()
	if err != nil {
		return err
	}
	if err := demo.Load(e.ctx, s); err != nil {
		return refuse(err)
	}
	ms, err := s.Members(e.ctx, data.MemberFilter{})
	if err != nil {
		return refuse(err)
	}
	fmt.Fprintf(e.stdout, "已载入演示研究院：%d 名党员\n", len(ms))
	return nil
}

// memberJSON is the contract's shape of one member line: dates as YYYY-MM-DD.
type memberJSON struct {
	IDNumber  string `json:"id_number"`
	Name      string `json:"name"`
	Gender    string `json:"gender"`
	Ethnicity string `json:"ethnicity"`
	Birth     string `json:"birth"`
	Branch    string `json:"branch"`
	Category  string `json:"category"`
	Joined    string `json:"joined"`
	Full      string `json:"full"`
	Phone     string `json:"phone"`
	Status    string `json:"status"`
	Unit      string `json:"unit"`
	Education string `json:"education"`
	Title     string `json:"title"`
	Post      string `json:"post"`
}

func runMembers(e *env, args []string) error {
	var branch, q string
	var asJSON bool
	pos, err := flags("members", args, func(fs *flag.FlagSet) {
		fs.StringVar(&branch, "branch", "", "")
		fs.StringVar(&q, "q", "", "")
		fs.BoolVar(&asJSON, "json", false, "")
	})
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("members 不带位置参数")
	}
	s, err := e.Store()
	if err != nil {
		return err
	}
	f := data.MemberFilter{Query: q}
	if branch != "" {
		o, err := s.OrgByName(e.ctx, branch)
		if err != nil {
			return refuse(err)
		}
		f.BranchID = o.ID
	}
	ms, err := s.Members(e.ctx, f)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, m := range ms {
		if asJSON {
			enc.Encode(memberJSON{
				m.IDNumber, m.Name, m.Gender, m.Ethnicity, data.DateText(m.Birth), m.BranchName, m.Category,
				data.DateText(m.Joined), data.DateText(m.Full), m.Phone, m.Status, m.UnitName, m.Education, m.Title, m.Post,
			})
			continue
		}
		fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\t%s\t%s\n", m.Name, m.Gender, m.BranchName, m.Category, data.DateText(m.Joined), m.Status)
	}
	return nil
}

func runOrgs(e *env, args []string) error {
	_, asJSON, err := jsonArgs("orgs", args, 0, "orgs 不带位置参数")
	if err != nil {
		return err
	}
	s, err := e.Store()
	if err != nil {
		return err
	}
	all, err := s.Orgs(e.ctx)
	if err != nil {
		return err
	}
	// The tree's own counts, so a temporary branch shows the members seconded to it.
	count, err := s.Headcounts(e.ctx)
	if err != nil {
		return err
	}
	byID := map[int64]data.Org{}
	depth := map[int64]int{}
	for _, o := range all {
		byID[o.ID] = o
	}
	var level func(id int64) int
	level = func(id int64) int {
		if d, ok := depth[id]; ok {
			return d
		}
		d := 0
		if p := byID[id].ParentID; p != 0 {
			d = level(p) + 1
		}
		depth[id] = d
		return d
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, o := range treeOrder(all) {
		if asJSON {
			enc.Encode(map[string]any{
				"id": o.ID, "parent": byID[o.ParentID].Name, "name": o.Name, "short_name": o.ShortName, "type": data.TypeName(o.TypeCode),
				"type_code": o.TypeCode, "unit": o.UnitName, "unit_kind": o.UnitKind, "founded": data.DateText(o.Founded),
				"abolished": data.DateText(o.Abolished), "members": count[o.ID], "temporary": o.IsTemporary(),
			})
			continue
		}
		indent := ""
		for i := 0; i < level(o.ID); i++ {
			indent += "  "
		}
		extra := ""
		if o.IsBranch() {
			extra = fmt.Sprintf("\t%d 人", count[o.ID])
		}
		if !o.Live() {
			extra += "\t已撤销"
		}
		fmt.Fprintf(e.stdout, "%s%s（%s）%s\n", indent, o.Name, data.TypeName(o.TypeCode), extra)
	}
	return nil
}

// treeOrder lists organisations depth first, children after their parent.
func treeOrder(all []data.Org) []data.Org {
	kids := map[int64][]data.Org{}
	for _, o := range all {
		kids[o.ParentID] = append(kids[o.ParentID], o)
	}
	var out []data.Org
	var walk func(id int64)
	walk = func(id int64) {
		for _, o := range kids[id] {
			out = append(out, o)
			walk(o.ID)
		}
	}
	walk(0)
	return out
}

func runCheck(e *env, args []string) error {
	_, asJSON, err := jsonArgs("check", args, 0, "check 不带位置参数")
	if err != nil {
		return err
	}
	s, err := e.Store()
	if err != nil {
		return err
	}
	fs, err := s.Check(e.ctx)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, f := range fs {
		if asJSON {
			enc.Encode(map[string]any{"rule": f.Rule, "severity": f.Severity, "org": f.OrgName, "message": f.Message})
			continue
		}
		fmt.Fprintln(e.stdout, f.String())
	}
	return nil
}

var errNotYet = errors.New("该命令尚未实现")
