package sheets

import (
	"sort"
	"strings"
)

// What a plan says about its rows, by kind: a rejected row's reasons, a kept row's doubtful
// values (警告) and how a value was read (提示), and what an update changes. The preview
// groups the rows by these kinds — "入党时间：只有年月，按该月1日计：23 行" — so that a few
// real problems are not buried under many mild notes. Every note gets its level and kind
// where it is made (roster_values.go, roster_category.go), never from its text afterwards.

// NoteLevel is how much a remark on a row asks of the office.
type NoteLevel int

// The levels, most pressing first.
const (
	LevelRejected NoteLevel = iota // 拒收: the row is not imported
	LevelWarning                   // 警告: imported, but a value is doubtful and wants a look
	LevelHint                      // 提示: how a value was read
	LevelUpdate                    // 更新: what an update changes in a stored member
)

// String is the level as the preview heads it.
func (l NoteLevel) String() string {
	return [...]string{"拒收", "警告", "提示", "更新"}[l]
}

// Note is one remark on a row that is imported: its level, its kind (the same words for every
// row it is said of) and its whole text for this row.
type Note struct {
	Level NoteLevel
	Kind  string
	Text  string
}

func hint(kind, text string) Note    { return Note{Level: LevelHint, Kind: kind, Text: text} }
func warning(kind, text string) Note { return Note{Level: LevelWarning, Kind: kind, Text: text} }

// NoteTexts are the notes' texts, as a line of the command line's output shows them.
func NoteTexts(notes []Note) []string {
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = n.Text
	}
	return out
}

// rejectKinds word each code of a rejection as a kind of problem.
var rejectKinds = map[string]string{
	CodeIDMissing:       "公民身份号码为空",
	CodeIDInvalid:       "身份证号有误",
	CodeIDLostDigits:    "身份证号后几位已丢失（被 Excel 当作数字保存）",
	CodeNameMissing:     "姓名为空",
	CodeDate:            "日期无法识别或不存在",
	CodeCategory:        "人员类别无法识别",
	CodeGender:          "性别无法识别",
	CodeBranchMissing:   "未填写所在党支部",
	CodeBranchUnknown:   "党支部在系统中不存在",
	CodeBranchAmbiguous: "党支部名称对应多个组织",
	CodeDuplicate:       "在文件中重复",
	CodeInvalid:         "不符合填写规则",
}

// Kind is the kind of problem e is, the same words for every row it rejects: the code's
// wording, with the column where the code alone does not say which field it is.
func (e RowError) Kind() string {
	k, ok := rejectKinds[e.Code]
	if !ok {
		k = rejectKinds[CodeInvalid]
	}
	switch e.Code {
	case CodeDate, CodeDuplicate, CodeInvalid, "":
		if e.Column != "" {
			k = "“" + e.Column + "”" + k
		}
	}
	return k
}

// Flagged tells a row the office should look at before importing: rejected, or kept with a
// warning. It is what the preview's 只看错误 keeps.
func (it *PlanItem) Flagged() bool {
	if it.Action == ActionRejected {
		return true
	}
	for _, n := range it.Notes {
		if n.Level == LevelWarning {
			return true
		}
	}
	return false
}

// NoteRow is one row of a NoteGroup: the plan item and what the group's kind says of it.
type NoteRow struct {
	Item int        // index into Plan.Items
	Errs []RowError // LevelRejected: the row's errors of this kind
	Text string     // the other levels: the note for this row, or all that an update changes
}

// NoteGroup is the rows of a plan that one kind of remark is made of, in file order.
type NoteGroup struct {
	Level NoteLevel
	Kind  string
	Rows  []NoteRow
}

// NoteGroups gathers the plan's rows by kind of remark: rejections first, then warnings, hints
// and updates, and within a level the kinds of most rows first. A rejected row is grouped by
// its errors only — its notes do not matter while it is not imported.
func (p *Plan) NoteGroups() []NoteGroup {
	type key struct {
		level NoteLevel
		kind  string
	}
	at := map[key]int{}
	var groups []NoteGroup
	add := func(level NoteLevel, kind string, item int) *NoteRow {
		k := key{level, kind}
		g, ok := at[k]
		if !ok {
			g = len(groups)
			at[k] = g
			groups = append(groups, NoteGroup{Level: level, Kind: kind})
		}
		rows := &groups[g].Rows
		if n := len(*rows); n > 0 && (*rows)[n-1].Item == item {
			return &(*rows)[n-1] // the same kind twice in one row: one line
		}
		*rows = append(*rows, NoteRow{Item: item})
		return &(*rows)[len(*rows)-1]
	}
	for i := range p.Items {
		it := &p.Items[i]
		if it.Action == ActionRejected {
			for _, e := range it.Errors {
				r := add(LevelRejected, e.Kind(), i)
				r.Errs = append(r.Errs, e)
			}
			continue
		}
		for _, n := range it.Notes {
			r := add(n.Level, n.Kind, i)
			r.Text = joinNote(r.Text, n.Text)
		}
		if it.Action == ActionUpdate {
			for _, c := range it.Changes {
				add(LevelUpdate, "更新“"+c+"”", i).Text = "更新：" + strings.Join(it.Changes, "、")
			}
		}
	}
	sort.SliceStable(groups, func(a, b int) bool {
		if groups[a].Level != groups[b].Level {
			return groups[a].Level < groups[b].Level
		}
		return len(groups[a].Rows) > len(groups[b].Rows)
	})
	return groups
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "；" + b
}
