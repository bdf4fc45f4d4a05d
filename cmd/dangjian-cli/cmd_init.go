package main

import (
	"flag"
	"fmt"

	"dangjian/data"
)

// runInit: init -name 中共某某研究院委员会 [-short 院党委] [-institute 某某研究院]. It sets up an
// empty database; one that already has its 党委 is refused (exit 1) and left as it is.
func runInit(e *env, args []string) error {
	var p data.Profile
	pos, err := flags("init", args, func(fs *flag.FlagSet) {
		fs.StringVar(&p.CommitteeName, "name", "", "")
		fs.StringVar(&p.CommitteeShort, "short", "", "")
		fs.StringVar(&p.Institute, "institute", "", "")
	})
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("init 不带位置参数")
	}
	if p.CommitteeName == "" {
		return usagef("请用 -name 写明党委全称，例如 -name 中共某某研究院委员会")
	}
	s, err := e.WriteStore()
	if err != nil {
		return err
	}
	p, err = s.SetUp(e.ctx, p)
	if err != nil {
		return refuse(err)
	}
	fmt.Fprintf(e.stdout, "已建立党委“%s”", p.CommitteeName)
	if p.CommitteeShort != "" {
		fmt.Fprintf(e.stdout, "（简称“%s”）", p.CommitteeShort)
	}
	if p.Institute != "" {
		fmt.Fprintf(e.stdout, "，研究院：%s", p.Institute)
	}
	fmt.Fprintln(e.stdout)
	return nil
}
