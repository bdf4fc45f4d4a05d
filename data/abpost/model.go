package abpost

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"dangjian/data"
)

// DeptKind is the unit kind of an administrative department that runs service items.
const DeptKind = "行政机构"

// MaxSoleCover is how many items one person may carry alone on a day before it is a warning:
// beyond it a visitor waits, which is what the A/B system is meant to prevent.
const MaxSoleCover = 5

// Absence kinds, in the order the UI offers them.
var AbsenceKinds = []string{"请假", "出差", "学习", "会议"}

// Roles of a post.
const (
	RoleA = "A"
	RoleB = "B"
)

// Item is a service item of a department's catalogue, with its posts as of the day it was read.
type Item struct {
	ID        int64
	Code      string
	Name      string
	DeptID    int64
	Dept      string // filled on read
	Door      string
	TimeLimit int // working days; 0 means handled on the spot (即办)
	Materials string
	Basis     string
	Visits    int
	Phone     string
	Sort      int
	// The posts on the day the item was read (or are to be set from that day on save).
	AID, BID     int64
	AName, BName string // filled on read
}

// Doors splits the door text into the doors it names; an item should have exactly one.
func (it Item) Doors() []string { return splitDoors(it.Door) }

func splitDoors(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、,，;；/／|", r) || r == '\n'
	})
	var out []string
	for _, d := range f {
		for _, p := range strings.Split(d, "或") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// Assignment is one line of the 报备 record: person held role on item from–to (” open).
type Assignment struct {
	ID       int64
	ItemID   int64
	Role     string
	PersonID int64
	Name     string // filled on read
	From     time.Time
	To       time.Time
	Note     string
}

// On tells whether the assignment holds on day.
func (a Assignment) On(day time.Time) bool {
	return (a.From.IsZero() || !a.From.After(day)) && (a.To.IsZero() || !a.To.Before(day))
}

// Absence is a person away from their posts from–to inclusive.
type Absence struct {
	ID           int64
	PersonID     int64
	Name         string // filled on read
	Dept         string // filled on read
	From, To     time.Time
	Kind         string
	HandoverNote string
	HandedOver   bool
}

// ValidateItem says, field by field, what is wrong with an item before it is saved.
func ValidateItem(it Item) data.Invalid {
	var v data.Invalid
	add := func(f, m string) { v = append(v, data.FieldError{Field: f, Message: m}) }
	if strings.TrimSpace(it.Name) == "" {
		add("Name", "请填写服务事项名称")
	}
	if it.DeptID == 0 && strings.TrimSpace(it.Dept) == "" {
		add("Dept", "请选择服务事项所属部门")
	}
	if strings.TrimSpace(it.Door) == "" {
		add("Door", "请填写办理窗口（只进一个门），例如“综合服务大厅1号窗口”")
	}
	if it.TimeLimit < 0 {
		add("TimeLimit", "办理时限不能为负数；当场办结请填 0")
	}
	if it.Visits < 0 {
		add("Visits", "跑动次数不能为负数")
	}
	if it.AID == 0 {
		add("AID", "请指定A岗（主办）人员")
	}
	if it.AID != 0 && it.AID == it.BID {
		add("BID", "A岗和B岗不能是同一个人，请另选B岗（协办）人员")
	}
	return v
}

// ValidateAbsence says what is wrong with an absence on its own (overlaps need the database).
func ValidateAbsence(a Absence) data.Invalid {
	var v data.Invalid
	add := func(f, m string) { v = append(v, data.FieldError{Field: f, Message: m}) }
	if a.PersonID == 0 {
		add("PersonID", "请选择不在岗的人员")
	}
	if a.From.IsZero() {
		add("From", "请填写开始日期")
	}
	if a.To.IsZero() {
		add("To", "请填写结束日期")
	}
	if !a.From.IsZero() && !a.To.IsZero() && a.To.Before(a.From) {
		add("To", fmt.Sprintf("结束日期 %s 早于开始日期 %s，请检查日期", data.DateText(a.To), data.DateText(a.From)))
	}
	if !slices.Contains(AbsenceKinds, a.Kind) {
		add("Kind", "类别须为："+strings.Join(AbsenceKinds, "、"))
	}
	return v
}

// day strips the clock: every stored date is a UTC midnight.
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// dayNum numbers days so that intervals compare as integers.
func dayNum(t time.Time) int { return int(day(t).Unix() / 86400) }

func numDay(n int) time.Time { return time.Unix(int64(n)*86400, 0).UTC() }

// ShortDate is how the UI and warnings name a day: 5月6日（周二）.
func ShortDate(t time.Time) string {
	return fmt.Sprintf("%d月%d日（%s）", t.Month(), t.Day(), Weekday(t))
}

// Weekday is the Chinese name of the day of the week: 周一 … 周日.
func Weekday(t time.Time) string {
	return [...]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}[t.Weekday()]
}
