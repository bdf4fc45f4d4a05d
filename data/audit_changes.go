package data

import (
	"strings"
	"time"
)

// What an edit changed, in the words the 操作日志 shows: "名称：甲 → 乙；成立日期：未填 → 2020-05-01".
// ID numbers and phones are said to have changed, never written out: the log is a list.

// changes collects "label：old → new" for the fields that differ.
type changes []string

func (c *changes) text(label, old, now string) {
	if old != now {
		*c = append(*c, label+"："+orUnset(old)+" → "+orUnset(now))
	}
}

func (c *changes) date(label string, old, now time.Time) { c.text(label, DateText(old), DateText(now)) }

func (c *changes) flag(label string, old, now bool) {
	if old != now {
		*c = append(*c, label+"："+yesNo(old)+" → "+yesNo(now))
	}
}

// secret notes a change of a field whose values stay out of the log.
func (c *changes) secret(label, old, now string) {
	if old != now {
		*c = append(*c, label+"已修改")
	}
}

func (c changes) String() string { return strings.Join(c, "；") }

func orUnset(s string) string {
	if s == "" {
		return "未填"
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// orgChanges says what an edit of an organisation changed; parent names the parent ids.
func orgChanges(old, now Org, parent func(int64) string) string {
	var c changes
	c.text("名称", old.Name, now.Name)
	c.text("简称", old.ShortName, now.ShortName)
	c.text("类别", TypeName(old.TypeCode), TypeName(now.TypeCode))
	c.text("上级组织", parent(old.ParentID), parent(now.ParentID))
	c.text("依托单位", old.UnitName, now.UnitName)
	c.text("单位类型", old.UnitKind, now.UnitKind)
	c.date("成立日期", old.Founded, now.Founded)
	c.date("撤销日期", old.Abolished, now.Abolished)
	c.text("任务", old.Mission, now.Mission)
	c.date("任务开始", old.MissionStart, now.MissionStart)
	c.date("任务结束", old.MissionEnd, now.MissionEnd)
	c.date("承诺书签订", old.PledgeSigned, now.PledgeSigned)
	return c.String()
}

// orgSummary says what a new organisation is.
func orgSummary(o Org, parent string) string {
	var parts []string
	parts = append(parts, TypeName(o.TypeCode))
	if parent != "" {
		parts = append(parts, "上级 "+parent)
	}
	if o.UnitName != "" {
		parts = append(parts, "依托 "+o.UnitName)
	}
	if !o.Founded.IsZero() {
		parts = append(parts, "成立于 "+DateText(o.Founded))
	}
	return strings.Join(parts, "，")
}

// memberChanges says what an edit of a member's record changed.
func memberChanges(old, now Member) string {
	var c changes
	c.text("姓名", old.Name, now.Name)
	c.text("性别", old.Gender, now.Gender)
	c.text("民族", old.Ethnicity, now.Ethnicity)
	c.date("出生日期", old.Birth, now.Birth)
	c.secret("身份证号", old.IDNumber, now.IDNumber)
	c.text("学历", old.Education, now.Education)
	c.text("学位", old.Degree, now.Degree)
	c.text("职称", old.Title, now.Title)
	c.text("工作单位", old.UnitName, now.UnitName)
	c.text("岗位", old.Post, now.Post)
	c.secret("联系电话", old.Phone, now.Phone)
	c.flag("科研骨干", old.Backbone, now.Backbone)
	c.flag("海外归国", old.Returnee, now.Returnee)
	c.flag("部门负责人", old.UnitHead, now.UnitHead)
	c.text("备注", old.Note, now.Note)
	c.text("人员类别", old.Category, now.Category)
	c.date("入党日期", old.Joined, now.Joined)
	c.date("转正日期", old.Full, now.Full)
	return c.String()
}
