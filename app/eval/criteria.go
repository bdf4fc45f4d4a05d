package eval

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/ui"
	"dangjian/data/criteria"
)

// criteriaEditor edits a criteria set: each 一级指标 with its weight and its 二级指标 with
// max points, method and standard. The sums are checked on every keystroke and shown at the
// top, and beside each dimension.
type criteriaEditor struct {
	wb       *ui.Workbench
	sets     []criteria.SetInfo
	setSel   *widget.Select
	set      criteria.Set
	warn     *ui.WrapLabel
	body     *fyne.Container
	page     *container.Scroll // scrolls body; the wheel over its entries moves it too
	sums     []*widget.Label
	content  fyne.CanvasObject
	building bool
	dirty    bool // edited since loaded or saved: copying takes the saved set, so it says so
}

func newCriteriaEditor(wb *ui.Workbench) *criteriaEditor {
	c := &criteriaEditor{wb: wb, warn: ui.NewWrapLabel(""), body: container.NewVBox()}
	c.setSel = widget.NewSelect(nil, func(string) { c.loadSet() })
	c.setSel.PlaceHolder = "（无指标体系）"
	bar := container.NewHBox(widget.NewLabel("指标体系"), fixed(c.setSel, 360),
		widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), c.save),
		widget.NewButtonWithIcon("复制为新年度", theme.ContentCopyIcon(), c.copy))
	c.page = container.NewVScroll(c.body)
	c.content = container.NewBorder(container.NewVBox(bar, c.warn), nil, nil, nil, c.page)
	return c
}

func (c *criteriaEditor) object() fyne.CanvasObject { return c.content }

func (c *criteriaEditor) reload() {
	sets, err := criteria.Sets(context.Background(), c.wb.Store)
	if err != nil {
		c.wb.ShowError("无法读取指标体系", err)
		return
	}
	c.sets = sets
	var names []string
	for _, s := range sets {
		names = append(names, fmt.Sprintf("%d · %s", s.Year, s.Name))
	}
	cur := c.setSel.SelectedIndex()
	c.setSel.Options = names
	if cur < 0 || cur >= len(names) {
		cur = 0
	}
	if len(names) > 0 {
		c.setSel.SetSelectedIndex(cur)
	}
}

func (c *criteriaEditor) loadSet() {
	i := c.setSel.SelectedIndex()
	if i < 0 {
		return
	}
	set, err := criteria.LoadSet(context.Background(), c.wb.Store, c.sets[i].ID)
	if err != nil {
		c.wb.ShowError("无法读取指标体系", err)
		return
	}
	c.set = set
	c.dirty = false
	c.build()
}

// build lays out one block per dimension; entries write straight into c.set.
func (c *criteriaEditor) build() {
	c.building = true
	defer func() { c.building = false; c.check() }()
	c.body.RemoveAll()
	c.sums = nil
	for di := range c.set.Dimensions {
		d := &c.set.Dimensions[di]
		name := c.entry(d.Name, func(s string) { d.Name = s })
		wlabel, wval := "权重", d.Weight
		if d.Bonus {
			wlabel, wval = "上限", d.Cap
		}
		weight := c.number(wval, func(v float64) {
			if d.Bonus {
				d.Cap = v
			} else {
				d.Weight = v
			}
		})
		sum := widget.NewLabel("")
		c.sums = append(c.sums, sum)
		add := widget.NewButtonWithIcon("添加二级指标", theme.ContentAddIcon(), func() {
			d.Indicators = append(d.Indicators, criteria.Indicator{Name: "新指标", Max: 1, Method: criteria.Deduct})
			c.dirty = true
			c.build()
		})
		head := container.NewHBox(widget.NewLabelWithStyle("一级指标", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), fixed(name, 140),
			widget.NewLabel(wlabel), fixed(weight, 70), sum, layout.NewSpacer(), add)
		c.body.Add(widget.NewSeparator())
		c.body.Add(head)
		for ii := range d.Indicators {
			in := &d.Indicators[ii]
			methods := make([]string, len(criteria.Methods))
			for i, m := range criteria.Methods {
				methods[i] = string(m)
			}
			method := widget.NewSelect(methods, func(s string) { in.Method = criteria.Method(s); c.changed() })
			method.SetSelected(string(in.Method))
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
				c.wb.Confirm("删除二级指标", "删除“"+in.Name+"”？保存后才生效。", func() {
					d.Indicators = append(d.Indicators[:ii:ii], d.Indicators[ii+1:]...)
					c.dirty = true
					c.build()
				})
			})
			content := c.entry(in.Content, func(s string) { in.Content = s })
			row := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("    "), fixed(c.entry(in.Name, func(s string) { in.Name = s }), 120),
				widget.NewLabel("分值"), fixed(c.number(in.Max, func(v float64) { in.Max = v }), 60), fixed(method, 90)), del, content)
			c.body.Add(row)
		}
	}
}

func fixed(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
}

func (c *criteriaEditor) entry(text string, set func(string)) *ui.PageEntry {
	e := ui.NewPageEntry(c.page)
	e.SetText(text)
	e.OnChanged = func(s string) { set(strings.TrimSpace(s)); c.changed() }
	return e
}

func (c *criteriaEditor) number(v float64, set func(float64)) *ui.PageEntry {
	e := ui.NewPageEntry(c.page)
	e.SetText(criteria.FormatPoints(v))
	e.OnChanged = func(s string) {
		x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			x = 0 // an unreadable number counts as 0, so the sum shows the gap at once
		}
		set(x)
		c.changed()
	}
	return e
}

// changed marks an edit by the user (not the fields being filled in) and checks the sums.
func (c *criteriaEditor) changed() {
	if !c.building {
		c.dirty = true
	}
	c.check()
}

// check recomputes the sums as the user types.
func (c *criteriaEditor) check() {
	if c.building {
		return
	}
	warnings := criteria.Check(c.set)
	for di, d := range c.set.Dimensions {
		if di >= len(c.sums) {
			break
		}
		total := 0.0
		for _, in := range d.Indicators {
			total += in.Max
		}
		c.sums[di].SetText("二级指标合计 " + criteria.FormatPoints(total))
		c.sums[di].Importance = widget.MediumImportance
		for _, w := range warnings {
			if w.Dimension == di {
				c.sums[di].Importance = widget.DangerImportance
			}
		}
		c.sums[di].Refresh()
	}
	if len(warnings) == 0 {
		c.warn.SetText("✓ 权重合计 100，各一级指标的二级指标分值合计与权重一致")
		c.warn.Importance = widget.SuccessImportance
	} else {
		var lines []string
		for _, w := range warnings {
			lines = append(lines, "⚠ "+w.Message)
		}
		c.warn.SetText(strings.Join(lines, "\n"))
		c.warn.Importance = widget.WarningImportance
	}
	c.warn.Refresh()
}

func (c *criteriaEditor) save() {
	if err := criteria.SaveSet(context.Background(), c.wb.Store, c.set); err != nil {
		c.wb.ShowError("无法保存指标体系", err)
		return
	}
	c.dirty = false
	c.wb.Notify("已保存指标体系“%s”", c.set.Name)
	c.wb.Changed(ui.Eval)
}

func (c *criteriaEditor) copy() {
	year := ui.NewEscapeEntry()
	year.SetText(strconv.Itoa(c.set.Year + 1))
	items := []*widget.FormItem{widget.NewFormItem("新年度", year)}
	if c.dirty {
		note := ui.NewWrapLabel("⚠ 复制的是已保存的内容；本页尚未保存的修改不会带过去，请先点“保存”。")
		note.Importance = widget.WarningImportance
		items = append(items, widget.NewFormItem("", note))
	}
	d := evalForm(c.wb, "复制指标体系", "复制", items, fyne.NewSize(420, 200), func() error {
		y, err := strconv.Atoi(strings.TrimSpace(year.Text))
		if err != nil || y < 2000 || y > 2100 {
			return fmt.Errorf("年度“%s”不对，请填写四位年份", year.Text)
		}
		id, err := criteria.CopySet(context.Background(), c.wb.Store, c.set.ID, y)
		if err != nil {
			return err
		}
		c.wb.Changed(ui.Eval)
		c.show(id) // open the copy: it is what is edited next
		c.wb.Notify("已复制为 %d 年度指标体系，可在此修改后保存", y)
		return nil
	})
	ui.SubmitOnEnter(d, year)
	c.wb.Window.Canvas().Focus(year)
}

// show selects the set with the given id in the list.
func (c *criteriaEditor) show(id int64) {
	for i, s := range c.sets {
		if s.ID == id {
			c.setSel.SetSelectedIndex(i)
			return
		}
	}
}
