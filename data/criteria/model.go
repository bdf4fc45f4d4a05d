// Package criteria keeps the model-organ criteria (模范机关创建): criteria sets, evaluation
// rounds of the departments, scores by evaluator group, ballots, vetoes, results with rank and
// grade, and the naming rule across years.
package criteria

import (
	"time"

	"dangjian/data/internal/sqldb"
)

func init() {
	// Score imports go through data.Batch; undo may write these tables.
	sqldb.RegisterUndoable("eval_score", "eval_ballot", "eval_override", "eval_organ")
}

// Method is how an indicator is scored.
type Method string

// The scoring methods of model-organ-criteria.md.
const (
	Deduct   Method = "扣分" // deduct per shortfall from the max
	Graded   Method = "分档" // graded levels (好/较好/一般/差)
	Bonus    Method = "加分" // capped bonus
	Ballot   Method = "测评" // satisfaction ballot
	Computed Method = "计算" // computed from the app's own data
)

// Methods lists them in the order the editor offers them.
var Methods = []Method{Deduct, Graded, Bonus, Ballot, Computed}

// Source keys of indicators computed from live data.
const (
	SourceABRate        = "ab_rate"        // AB岗设置率 × max
	SourceSingleDoor    = "single_door"    // 一门办结率 × max − A/B 同时缺岗次数
	SourceCoverage      = "coverage"       // 支部覆盖率 × max
	SourceSecretaryHead = "secretary_head" // 书记由部门负责人担任的比例 × max
	SourceOverdueTerms  = "overdue_terms"  // max − 逾期未换届支部数
)

// Set is a criteria set (指标体系) of one year.
type Set struct {
	ID         int64
	Year       int
	Name       string
	Note       string
	Dimensions []Dimension
}

// Dimension is a 一级指标 with its weight; a bonus dimension adds up to Cap on top of 100.
type Dimension struct {
	ID         int64
	Name       string
	Weight     float64
	Bonus      bool
	Cap        float64
	Indicators []Indicator
}

// Indicator is a 二级指标.
type Indicator struct {
	ID      int64
	Name    string
	Content string // 考评内容及评分标准
	Max     float64
	Method  Method
	Levels  []float64 // graded levels, highest first; empty for other methods
	Source  string    // computed source key; "" when entered by hand
}

// LevelWords are the words of the four graded levels, highest first, as the scoring standards
// write them (好8/较好6/一般4/差0): a sheet may carry the word or the number.
var LevelWords = []string{"好", "较好", "一般", "差"}

// LevelOf is the points of a graded level's word (好 → the highest level); ok is false for any
// other word or an indicator that is not graded in four levels.
func (i Indicator) LevelOf(word string) (float64, bool) {
	if i.Method != Graded || len(i.Levels) != len(LevelWords) {
		return 0, false
	}
	for k, w := range LevelWords {
		if word == w {
			return i.Levels[k], true
		}
	}
	return 0, false
}

// IsComputed tells whether the value comes from the data (the evaluator may override it).
func (i Indicator) IsComputed() bool { return i.Source != "" }

// FromData tells whether evaluators do not type the value: computed or balloted.
func (i Indicator) FromData() bool { return i.IsComputed() || i.Method == Ballot }

// Indicators lists every indicator of the set in order.
func (s Set) Indicators() []Indicator {
	var out []Indicator
	for _, d := range s.Dimensions {
		out = append(out, d.Indicators...)
	}
	return out
}

// Round is one yearly evaluation.
type Round struct {
	ID         int64
	Year       int
	Name       string
	SetID      int64
	RefDate    time.Time // computed indicators read the data as of this day
	Deadline   time.Time
	Locked     bool
	LockedAt   string
	LockReason string
	Organs     []Organ
	Groups     []Group
}

// Organ is a department evaluated in a round.
type Organ struct {
	ID       int64 // eval_organ id
	UnitID   int64
	Name     string
	EvalDate time.Time // 考评日期 as written on its filled sheet; zero until one is read back
}

// GroupKind tells whether a group scores indicators or counts ballots.
type GroupKind string

// Group kinds.
const (
	GroupScore  GroupKind = "score"
	GroupBallot GroupKind = "ballot"
)

// Group is an evaluator group with its weight (percent).
type Group struct {
	ID       int64
	Name     string
	Weight   float64
	Kind     GroupKind
	Deadline time.Time
}

// Column is the group's column heading on the printed sheet: 自评 → 自评分, 考评组 → 考评分.
func (g Group) Column() string {
	switch g.Name {
	case "自评":
		return "自评分"
	case "考评组":
		return "考评分"
	}
	return g.Name + "分"
}

// DefaultGroups are the evaluator groups of a new round.
func DefaultGroups() []Group {
	return []Group{{Name: "自评", Weight: 20, Kind: GroupScore}, {Name: "考评组", Weight: 50, Kind: GroupScore}, {Name: "群众测评", Weight: 30, Kind: GroupBallot}}
}

// ScoreGroups are the groups that score indicators (the sheet's score columns).
func (r Round) ScoreGroups() []Group {
	var out []Group
	for _, g := range r.Groups {
		if g.Kind == GroupScore {
			out = append(out, g)
		}
	}
	return out
}

// OrganByName finds an organ of the round.
func (r Round) OrganByName(name string) (Organ, bool) {
	for _, o := range r.Organs {
		if o.Name == name {
			return o, true
		}
	}
	return Organ{}, false
}

// Grades.
const (
	Excellent = "优秀"
	Good      = "良好"
	Pass      = "合格"
	Fail      = "不合格"
	// Incomplete is printed for a total or rank while an organ's scores are not all in.
	Incomplete = "未完成"
	// Pending is the grade of an organ whose scores or ballots are not all in yet.
	Pending = "待定"
)

// GradeOf grades a total: ≥90 优秀, 80–89.9 良好, 70–79.9 合格, <70 不合格; a veto is 不合格.
func GradeOf(total float64, vetoed bool) string {
	t := round2(total)
	switch {
	case vetoed || t < 70:
		return Fail
	case t >= 90:
		return Excellent
	case t >= 80:
		return Good
	}
	return Pass
}
