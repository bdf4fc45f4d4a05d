package roster

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data"
	"dangjian/data/sheets"
)

// The roster import wizard: file → sheets and column mapping (fix a wrong guess) → preview
// with counts and rejected rows → unknown branches → import with progress and 取消 → done,
// with 撤销本次导入 and 导出错误行. Reading, planning and writing are data/sheets' work; the
// wizard only shows the plan and collects the user's choices.

// showRosterImportWizard opens the wizard on path, or a file dialog first when path is "".
func showRosterImportWizard(wb *ui.Workbench, path string) {
	if path == "" {
		ui.ChooseFile(wb, []string{".xlsx", ".csv"}, func(path string) { showRosterImportWizard(wb, path) })
		return
	}
	ui.RunLongFor(wb, "正在读取花名册", "无法导入“"+filepath.Base(path)+"”", func(ctx context.Context, p ui.Progress) (*sheets.Plan, error) {
		rf, err := sheets.ReadRoster(ctx, path, sheets.ReadOptions{Progress: func(n int) { p(0, 0, fmt.Sprintf("已读取 %d 行……", n)) }})
		if err != nil {
			return nil, err
		}
		p(0, 0, "正在与库中记录比对……")
		return sheets.PlanImport(ctx, wb.Store, rf, nil)
	}, func(plan *sheets.Plan) {
		newImportWizard(wb, plan).show()
	})
}

// EnableDrop opens the wizard for an .xlsx or .csv dropped onto the window.
func EnableDrop(wb *ui.Workbench) {
	wb.Window.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) {
		for _, u := range uris {
			if ext := strings.ToLower(u.Extension()); ext == ".xlsx" || ext == ".csv" {
				showRosterImportWizard(wb, u.Path())
				return
			}
		}
		if len(uris) > 0 {
			wb.ShowError("无法导入", fmt.Errorf("只能拖入 .xlsx 或 .csv 花名册文件；旧版 .xls 请在 Excel 中另存为 .xlsx 后再拖入"))
		}
	})
}

// importWizard holds one import from preview to done.
type importWizard struct {
	wb      *ui.Workbench
	plan    *sheets.Plan
	choices sheets.BranchChoices
	orgs    []data.Org
	page    int
	batchID int64
	// busy is set while a re-plan runs in the background: the wizard's controls are off so
	// nothing reads or changes the file and plan under it. replanned is closed when the
	// latest re-plan has landed (tests wait on it).
	busy      bool
	replanned chan struct{}
	// imported is closed when the import started last has ended, done or refused (tests
	// wait on it rather than read page while the import's last step is drawing it).
	imported chan struct{}
	selects  []*widget.Select
	// decided holds the office's answers to the 需确认 rows (import_decide.go).
	decided map[rowPlace]string
	// The preview (import_wizard_preview.go): 只看错误, the tab in front, and the table of the
	// rows as stored; kept across a re-plan.
	onlyErrors bool
	previewTab int
	tabs       *container.AppTabs
	table      *storedTable

	body   *fyne.Container
	title  *widget.Label
	back   *widget.Button
	next   *widget.Button
	cancel *widget.Button
	dlg    dialog.Dialog
	root   fyne.CanvasObject
}

// The wizard's pages.
const (
	pageMapping = iota
	pagePreview
	pageBranches
	pageDone
)

func newImportWizard(wb *ui.Workbench, plan *sheets.Plan) *importWizard {
	w := &importWizard{wb: wb, plan: plan, choices: sheets.BranchChoices{}}
	w.orgs, _ = wb.Store.Orgs(context.Background())
	w.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.body = container.NewStack()
	w.back = &widget.Button{Text: "上一步", Icon: theme.NavigateBackIcon(), OnTapped: func() { w.go2(w.page - 1) }}
	w.next = &widget.Button{Text: "下一步", Icon: theme.NavigateNextIcon(), Importance: widget.HighImportance, OnTapped: w.onNext}
	w.cancel = &widget.Button{Text: "关闭", OnTapped: func() {
		if w.dlg != nil {
			w.dlg.Hide()
		}
	}}
	buttons := container.NewHBox(w.cancel, layout.NewSpacer(), w.back, w.next)
	w.root = container.NewBorder(w.title, buttons, nil, nil, w.body)
	w.go2(pageMapping)
	w.defaultBranchChoices()
	return w
}

// defaultBranchChoices merges a branch written like an existing one (data.ClosestBranch) into
// it, chooses to create every other branch the store lacks under the first committee — what
// most offices want — and re-plans, so the preview counts those rows as
// new members instead of rejecting them for a choice the user has not been asked yet.
func (w *importWizard) defaultBranchChoices() {
	var under int64
	for _, o := range w.orgs {
		if o.Live() && !o.IsBranch() {
			under = o.ID
			break
		}
	}
	changed := false
	for _, u := range w.plan.Unknown {
		if _, ok := w.choices[u.Name]; ok {
			continue
		}
		// 科研处支部 is the existing 科研处党支部 written short: merging is the suggestion, and
		// a second branch beside it has to be chosen on purpose.
		if o, ok := data.ClosestBranch(u.Name, w.orgs); ok {
			w.choices[u.Name] = sheets.BranchChoice{MapTo: o.ID}
			changed = true
		} else if under != 0 {
			w.choices[u.Name] = sheets.BranchChoice{CreateUnder: under}
			changed = true
		}
	}
	if changed {
		page := w.page
		w.replan(nil, func() { w.go2(page) })
	}
}

func (w *importWizard) show() {
	w.dlg = dialog.NewCustomWithoutButtons("导入花名册 · "+filepath.Base(w.plan.File.Path), w.root, w.wb.Window)
	w.dlg.Resize(fyne.NewSize(920, 620))
	w.dlg.Show()
}

// go2 shows page i; the branches page is skipped when every branch is known.
func (w *importWizard) go2(i int) {
	if i == pageBranches && len(w.plan.Unknown) == 0 {
		i = pagePreview
	}
	w.page = i
	w.selects = nil
	var obj fyne.CanvasObject
	switch i {
	case pageMapping:
		w.title.SetText("第 1 步：核对工作表与列的对应（认错的列可在此改正）")
		obj = w.mappingPage()
	case pagePreview:
		w.title.SetText("第 2 步：预览")
		obj = w.previewPage()
	case pageBranches:
		w.title.SetText("第 3 步：系统中没有的党支部")
		obj = w.branchesPage()
	case pageDone:
		w.title.SetText("导入完成")
		obj = w.donePage()
	}
	w.body.Objects = []fyne.CanvasObject{obj}
	w.body.Refresh()
	w.back.Hidden = i == pageMapping || i == pageDone
	w.next.Hidden = i == pageDone
	w.next.SetText("下一步")
	if i == pageBranches || (i == pagePreview && len(w.plan.Unknown) == 0) {
		w.next.SetText(w.importText())
	}
	w.cancel.SetText("取消")
	if i == pageDone {
		w.cancel.SetText("关闭")
	}
	w.back.Refresh()
	w.next.Refresh()
}

// importText is the import button's text with what it will do.
func (w *importWizard) importText() string {
	return fmt.Sprintf("导入（新增 %d，更新 %d）", w.plan.New, w.plan.Updated)
}

// onNext moves on; from the last page before the import it imports.
func (w *importWizard) onNext() {
	if w.busy {
		return
	}
	if w.page == pageBranches || (w.page == pagePreview && len(w.plan.Unknown) == 0) {
		w.commit()
		return
	}
	w.go2(w.page + 1)
}

// replan classifies the rows again after a change of mapping or branch choice. change, when
// not nil, runs first (a Remap re-reads the sheet's rows). Both take long on a large file, so
// they run off the main goroutine with a progress dialog; after runs on the main goroutine
// once the new plan is in.
func (w *importWizard) replan(change func(), after func()) {
	choices := sheets.BranchChoices{}
	for k, v := range w.choices {
		choices[k] = v
	}
	rf := w.plan.File
	done := make(chan struct{})
	w.replanned = done
	w.setBusy(true)
	var plan *sheets.Plan
	w.wb.RunLong("正在重新比对花名册", func(ctx context.Context, p ui.Progress) error {
		p(0, 0, "正在按新的选择重新核对每一行……")
		if change != nil {
			change()
		}
		var err error
		plan, err = sheets.PlanImport(ctx, w.wb.Store, rf, choices)
		return err
	}, func(err error) {
		defer close(done)
		w.setBusy(false)
		if err != nil {
			w.wb.ShowError("无法比对花名册", err)
			return
		}
		w.plan = plan
		if after != nil {
			after()
		}
	})
}

// setBusy turns the wizard's controls off while a re-plan runs, and on again.
func (w *importWizard) setBusy(on bool) {
	w.busy = on
	for _, b := range []*widget.Button{w.back, w.next} {
		if on {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	for _, s := range w.selects {
		if on {
			s.Disable()
		} else {
			s.Enable()
		}
	}
}

// commit writes the plan with a progress bar; 取消 rolls everything back.
func (w *importWizard) commit() {
	if w.plan.New+w.plan.Updated == 0 {
		w.wb.ShowError("没有可导入的行", fmt.Errorf("文件中的 %d 行都已在库中且无变化，或都未通过检查；请查看预览中的原因", w.plan.Rows()))
		return
	}
	if err := w.applyDecisions(); err != nil {
		w.wb.ShowError("无法导入", err)
		return
	}
	plan := w.plan
	done := make(chan struct{})
	w.imported = done
	w.wb.RunLong("正在导入花名册", func(ctx context.Context, p ui.Progress) error {
		p(0, plan.New+plan.Updated, "正在备份数据库……")
		id, err := sheets.CommitImport(ctx, w.wb.Store, plan, func(done, total int) {
			p(done, total, fmt.Sprintf("已写入 %d / %d 人", done, total))
		})
		w.batchID = id
		return err
	}, func(err error) {
		defer close(done)
		if err != nil {
			w.wb.ShowError("导入未完成，数据库保持原样", err)
			return
		}
		w.wb.Changed(ui.Members, ui.Orgs)
		w.wb.Notify("花名册导入完成：新增 %d 人，更新 %d 人", plan.New, plan.Updated)
		w.go2(pageDone)
	})
}

// columnOptions lists a sheet's columns as the Select offers them: "C 出生年月".
func columnOptions(sh *sheets.Sheet) []string {
	opts := []string{"（不导入）"}
	for i, h := range sh.Headers {
		name, _ := columnName(i)
		opts = append(opts, name+" "+sheets.HeaderKey(h))
	}
	return opts
}

func columnName(i int) (string, error) {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s, nil
}
