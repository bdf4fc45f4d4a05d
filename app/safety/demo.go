package safety

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data/demo"
)

// demoBar marks a database that holds the demo institute, so nobody takes it for real records,
// and offers 清除演示数据: after a confirmation and a backup (demo.Clear) it leaves an empty
// database to import the office's own sheets into.
type demoBar struct {
	wb    *ui.Workbench
	root  *fyne.Container
	clear *widget.Button
}

func newDemoBar(wb *ui.Workbench) *demoBar {
	d := &demoBar{wb: wb}
	d.clear = &widget.Button{Text: "清除演示数据…", Icon: theme.DeleteIcon(), OnTapped: d.confirm}
	mark := ui.Colored("当前数据库中是演示研究院（演示数据），不是真实记录。开始正式使用前，可清除演示数据，再导入本单位的花名册。", widget.WarningImportance)
	d.root = container.NewBorder(nil, nil, nil, d.clear, mark)
	d.reload()
	wb.OnChange(ui.Records, d.reload)
	return d
}

// reload shows the bar only while the database holds the demo.
func (d *demoBar) reload() {
	if is, err := demo.IsDemo(context.Background(), d.wb.Store); err == nil && is {
		d.root.Show()
	} else {
		d.root.Hide()
	}
}

func (d *demoBar) confirm() {
	d.wb.Confirm("清除演示数据", "将先做一份备份，然后删除演示研究院的全部党组织、人员、AB岗和考评记录——包括在演示中录入的内容——留下一个空数据库；操作日志保留。确定清除吗？", d.run)
}

func (d *demoBar) run() {
	ui.RunLongFor(d.wb, "正在清除演示数据", "未能清除演示数据", func(ctx context.Context, _ ui.Progress) (string, error) {
		return demo.Clear(ctx, d.wb.Store)
	}, func(backup string) {
		d.wb.Changed()
		d.wb.Notify("已清除演示数据，数据库现在是空的；清除前的备份：%s", backup)
	})
}
