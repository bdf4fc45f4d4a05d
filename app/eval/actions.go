package eval

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data/criteria"
	"dangjian/data/report"
	"dangjian/data/sheets"
)

// The round's actions: create, lock and unlock, print, import filled sheets.

func (e *Screen) newRound() {
	s := e.wb.Store
	sets, err := criteria.Sets(context.Background(), s)
	if err != nil {
		e.wb.ShowError("无法读取指标体系", err)
		return
	}
	depts, err := criteria.Departments(context.Background(), s)
	if err != nil {
		e.wb.ShowError("无法读取部门", err)
		return
	}
	year := ui.NewEscapeEntry()
	year.SetText(strconv.Itoa(s.Today().Year()))
	var setNames []string
	for _, x := range sets {
		setNames = append(setNames, fmt.Sprintf("%d · %s", x.Year, x.Name))
	}
	setSel := widget.NewSelect(setNames, nil)
	if len(setNames) > 0 {
		setSel.SetSelectedIndex(setForYear(sets, s.Today().Year()))
	}
	// The set follows the year typed: a 2026 round should not start on the 2027 set just
	// because that one is listed first.
	year.OnChanged = func(t string) {
		if y, err := strconv.Atoi(strings.TrimSpace(t)); err == nil && len(sets) > 0 {
			setSel.SetSelectedIndex(setForYear(sets, y))
		}
	}
	var deptNames []string
	for _, d := range depts {
		deptNames = append(deptNames, d.Name)
	}
	organs := widget.NewCheckGroup(deptNames, nil)
	organs.Horizontal = true
	organs.SetSelected(deptNames)
	groups := criteria.DefaultGroups()
	weights := make([]*ui.EscapeEntry, len(groups))
	weightRow := container.NewHBox()
	sum := widget.NewLabel("")
	showSum := func(string) { weightSum(sum, weights) }
	for i, g := range groups {
		weights[i] = ui.NewEscapeEntry()
		weights[i].SetText(criteria.FormatPoints(g.Weight))
		weights[i].OnChanged = showSum
		weightRow.Add(widget.NewLabel(g.Name))
		weightRow.Add(container.NewGridWrap(fyne.NewSize(60, weights[i].MinSize().Height), weights[i]))
	}
	weightRow.Add(sum)
	showSum("")
	form := []*widget.FormItem{
		widget.NewFormItem("年度", year),
		widget.NewFormItem("指标体系", setSel),
		widget.NewFormItem("被考评部门", organs),
		widget.NewFormItem("考评主体权重（%）", weightRow),
	}
	d := evalForm(e.wb, "新建考评轮次", "创建", form, fyne.NewSize(720, 420), func() error {
		y, err := strconv.Atoi(strings.TrimSpace(year.Text))
		if err != nil {
			return fmt.Errorf("年度“%s”不是数字，请填写四位年份", year.Text)
		}
		spec := criteria.RoundSpec{Year: y}
		if i := setSel.SelectedIndex(); i >= 0 {
			spec.SetID = sets[i].ID
		}
		for _, d := range depts {
			for _, n := range organs.Selected {
				if n == d.Name {
					spec.UnitIDs = append(spec.UnitIDs, d.ID)
				}
			}
		}
		for i, g := range groups {
			w, err := strconv.ParseFloat(strings.TrimSpace(weights[i].Text), 64)
			if err != nil {
				return fmt.Errorf("“%s”的权重“%s”不是数字", g.Name, weights[i].Text)
			}
			g.Weight = w
			spec.Groups = append(spec.Groups, g)
		}
		if _, err := criteria.CreateRound(context.Background(), s, spec); err != nil {
			return err
		}
		e.roundSel.ClearSelected()
		e.wb.Notify("已创建 %d 年度考评轮次：%d 个部门", y, len(spec.UnitIDs))
		e.wb.Changed(ui.Eval)
		return nil
	})
	ui.SubmitOnEnter(d, append([]*ui.EscapeEntry{year}, weights...)...)
}

// setForYear is the index of the set for year: the one of that year, else the latest before
// it, else the first listed.
func setForYear(sets []criteria.SetInfo, year int) int {
	best := -1
	for i, x := range sets {
		if x.Year == year {
			return i
		}
		if x.Year < year && (best < 0 || x.Year > sets[best].Year) {
			best = i
		}
	}
	return max(best, 0)
}

// weightSum shows the groups' weights added up as they are typed, in red unless they make 100.
func weightSum(l *widget.Label, weights []*ui.EscapeEntry) {
	total, bad := 0.0, false
	for _, w := range weights {
		x, err := strconv.ParseFloat(strings.TrimSpace(w.Text), 64)
		if err != nil {
			bad = true
		}
		total += x
	}
	switch {
	case bad:
		l.SetText("⚠ 权重应为数字")
		l.Importance = widget.DangerImportance
	case math.Abs(total-100) > 0.001:
		l.SetText("⚠ 合计 " + criteria.FormatPoints(total) + "，应为 100")
		l.Importance = widget.DangerImportance
	default:
		l.SetText("合计 100")
		l.Importance = widget.SuccessImportance
	}
	l.Refresh()
}

func (e *Screen) toggleLock() {
	r, ok := e.current()
	if !ok {
		return
	}
	if !r.Locked {
		e.wb.Confirm("锁定考评轮次", "锁定后“"+r.Name+"”的评分、测评和否决都不能再修改，只能填写理由解锁。确定锁定吗？", func() {
			if err := criteria.Lock(context.Background(), e.wb.Store, r.ID, "考评定稿"); err != nil {
				e.wb.ShowError("无法锁定", err)
				return
			}
			e.wb.Notify("已锁定“%s”：评分、测评和否决不能再修改", r.Name)
			e.wb.Changed(ui.Eval)
		})
		return
	}
	reason := ui.NewEscapeEntry()
	reason.SetPlaceHolder("例如：更正考评组录入错误（必填，记入操作日志）")
	// the dialog is wide enough to read the field's hint and the reason typed
	d := evalForm(e.wb, "解锁考评轮次", "解锁", []*widget.FormItem{widget.NewFormItem("理由", reason)}, fyne.NewSize(480, 200), func() error {
		if err := criteria.Unlock(context.Background(), e.wb.Store, r.ID, reason.Text); err != nil {
			return err
		}
		e.wb.Notify("已解锁“%s”，理由已记入操作日志", r.Name)
		e.wb.Changed(ui.Eval)
		return nil
	})
	ui.SubmitOnEnter(d, reason)
	e.wb.Window.Canvas().Focus(reason)
}

// print asks where to put the print files, then writes them there as xlsx and PDF and opens
// both: the PDF to print as it is, the xlsx for a change before printing.
func (e *Screen) print(what string, blank bool) {
	if e.sn == nil {
		return
	}
	sn := e.sn
	ui.ChoosePrintFolder(e.wb, func(dir string) { e.printInto(dir, sn, what, blank) })
}

// printInto writes the print files into dir, the folder the person chose.
func (e *Screen) printInto(dir string, sn *criteria.Snapshot, what string, blank bool) {
	ui.RunLongFor(e.wb, "正在生成打印文件", "无法生成打印文件", func(ctx context.Context, p ui.Progress) ([]string, error) {
		file := report.EvalResults
		switch what {
		case "sheets":
			file = report.EvalSheets
		case "ballot":
			file = report.EvalBallots
		}
		// One naming rule and one writer pair for the window and the command line.
		return report.WriteEvalFiles(ctx, sn, dir, []report.EvalFile{file}, report.EvalFormats{XLSX: true, PDF: true}, blank,
			func(done, total int, path string) {
				p(done, total, "正在写 "+filepath.Base(path)+"……")
			})
	}, func(paths []string) {
		e.wb.Notify("已生成 %s 和 PDF，正在打开", filepath.Base(paths[0]))
		e.wb.OpenFiles(paths[1], paths[0])
	})
}

func (e *Screen) importSheets() {
	ui.ChooseFile(e.wb, []string{".xlsx"}, func(path string) {
		f, err := os.Open(path)
		if err != nil {
			e.wb.ShowError("无法导入评分表", fmt.Errorf("无法打开 %s，请确认文件还在、没有被其他程序占用", path))
			return
		}
		defer f.Close()
		imp, err := sheets.ReadEvalWorkbook(context.Background(), e.wb.Store, f, filepath.Base(path))
		if err != nil {
			e.wb.ShowError("无法导入评分表", err)
			return
		}
		e.previewImport(imp, path)
	})
}

// cellLines is heading (with the count) and the first twelve cells' sentences, one a line; none
// when there are no cells.
func cellLines(heading string, cells []sheets.EvalCellError) []string {
	if len(cells) == 0 {
		return nil
	}
	lines := []string{fmt.Sprintf(heading, len(cells))}
	for i, x := range cells {
		if i == 12 {
			lines = append(lines, fmt.Sprintf("…… 等共 %d 处", len(cells)))
			break
		}
		lines = append(lines, "• "+x.Message)
	}
	return lines
}

// previewImport shows what the file holds and what is refused, and imports on 导入.
func (e *Screen) previewImport(imp *sheets.EvalImport, path string) {
	lines := []string{fmt.Sprintf("考评轮次：%s", imp.Round.Name), fmt.Sprintf("读到 %d 张考评表、%d 个分数、%d 项修正计算值。", len(imp.Sheets), len(imp.Scores), len(imp.Overrides))}
	lines = append(lines, cellLines("以下 %d 处不导入：", imp.Errors)...)
	lines = append(lines, cellLines("以下 %d 个空格未读取，保留原分数：", imp.Kept)...)
	msg := ui.NewWrapLabel(strings.Join(lines, "\n"))
	d := dialog.NewCustomConfirm("导入评分表", "导入", "取消", container.NewVScroll(msg), func(ok bool) {
		if !ok || imp.Read().Empty() {
			return
		}
		sum, err := criteria.ImportRead(context.Background(), e.wb.Store, imp.Round.ID, imp.Read(), path)
		if err != nil {
			e.wb.ShowError("导入失败，数据未改动", err)
			return
		}
		e.wb.Notify("已导入评分：新增 %d，修改 %d，未变 %d，考评日期 %d 个；可在“备份与日志”中撤销第 %d 批", sum.Inserted, sum.Updated, sum.Unchanged, sum.Dates, sum.BatchID)
		e.wb.Changed(ui.Eval)
	}, e.wb.Window)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}
