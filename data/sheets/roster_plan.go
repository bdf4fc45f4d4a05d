package sheets

import (
	"context"
	"time"

	"dangjian/data"
)

// Planning an import: every row read is classified against the store before anything is
// written — a new member, an update of someone already there (matched by ID number; a blank
// cell never overwrites a stored value), unchanged, or rejected with a reason. The plan is what
// the wizard previews and what CommitImport writes.

// Action is what the import does with one row.
type Action int

// The four outcomes of a row.
const (
	ActionRejected Action = iota
	ActionNew
	ActionUpdate
	ActionUnchanged
)

// String is the outcome as the preview shows it.
func (a Action) String() string {
	return [...]string{"不导入", "新增", "更新", "无变化"}[a]
}

// PlanItem is one row's outcome.
type PlanItem struct {
	Row    *Row
	Action Action
	// Member is what will be stored: the row's member for a new one, the stored member with
	// the file's values laid over it for an update; nil otherwise.
	Member    *data.Member
	Changes   []string // labels of the fields an update changes
	NewBranch string   // the branch, to be created at commit
	Errors    []RowError
	// Notes are the row's notes as read and those of its classification (an inferred category).
	Notes []Note
	// Decide, when not "", is what the office has to decide about an imported row (a category
	// the file does not give); the preview flags the row with it.
	Decide string
}

// UnknownBranch is a branch named in the file that the store does not have.
type UnknownBranch struct {
	Name string
	Rows int
}

// BranchChoice says what to do with an unknown branch: map it to an existing organisation, or
// create it (as a 党支部) under a parent. Exactly one of the two is set.
type BranchChoice struct {
	MapTo       int64
	CreateUnder int64
}

// BranchChoices maps unknown branch names to what the user chose.
type BranchChoices map[string]BranchChoice

// Plan is the classified file.
type Plan struct {
	File                              *RosterFile
	Items                             []PlanItem
	New, Updated, Unchanged, Rejected int
	Unknown                           []UnknownBranch
	Create                            map[string]int64 // branch name → parent to create it under
}

// Rows is the number of data rows; the four counts add up to it.
func (p *Plan) Rows() int { return len(p.Items) }

// Counts are the plan's four outcomes.
func (p *Plan) Counts() Counts {
	return Counts{New: p.New, Updated: p.Updated, Unchanged: p.Unchanged, Rejected: p.Rejected}
}

// Errors lists every rejected row's reasons in file order.
func (p *Plan) Errors() []RowError {
	var out []RowError
	for _, it := range p.Items {
		out = append(out, it.Errors...)
	}
	return out
}

// RootOrg is the organisation without a parent (the institute's 党委), where the command line
// creates unknown branches.
func RootOrg(ctx context.Context, s *data.Store) (data.Org, error) {
	orgs, err := s.Orgs(ctx)
	if err != nil {
		return data.Org{}, err
	}
	for _, o := range orgs {
		if o.ParentID == 0 && o.Live() {
			return o, nil
		}
	}
	return data.Org{}, ErrNoRoot
}

// ErrNoRoot refuses to create branches in a database that has no 党委 yet.
var ErrNoRoot = &RefusedError{Code: RefuseNoRoot, Message: "系统中还没有党委（根组织），无法新建支部；请先建立党委：命令行运行 dangjian-cli init -name 党委全称，或在窗口首次启动时“设置研究院”"}

// PlanImport classifies the rows of rf against the store.
func PlanImport(ctx context.Context, s *data.Store, rf *RosterFile, choices BranchChoices) (*Plan, error) {
	c, err := newClassifier(ctx, s, choices, 0)
	if err != nil {
		return nil, err
	}
	p := &Plan{File: rf, Items: make([]PlanItem, len(rf.Rows)), Create: c.create}
	for i, r := range rf.Rows {
		c.row(&p.Items[i], r)
	}
	p.New, p.Updated, p.Unchanged, p.Rejected = c.counts.New, c.counts.Updated, c.counts.Unchanged, c.counts.Rejected
	p.Unknown = c.unknownBranches()
	return p, nil
}

// validateRow applies the store's own member rules, so an import accepts exactly what the form
// would, and names the column of each problem.
func validateRow(r *Row, m data.Member, today time.Time) []RowError {
	var out []RowError
	for _, fe := range data.ValidateMember(m, today) {
		out = append(out, rowErr(r, fieldOfGo(fe.Field), CodeInvalid, fe.Message))
	}
	return out
}

func fieldOfGo(name string) Field {
	switch name {
	case "Name":
		return FieldName
	case "Gender":
		return FieldGender
	case "Birth":
		return FieldBirth
	case "IDNumber":
		return FieldIDNumber
	case "BranchID":
		return FieldBranch
	case "Category", "Status":
		return FieldCategory
	case "Joined":
		return FieldJoined
	case "Full":
		return FieldFull
	case "Phone":
		return FieldPhone
	case "Ethnicity":
		return FieldEthnicity
	case "Education":
		return FieldEducation
	case "Degree":
		return FieldDegree
	case "Title":
		return FieldTitle
	case "Unit":
		return FieldUnit
	case "Post":
		return FieldPost
	}
	return FieldNone
}

// rowErr is an error at one row and field, naming the column as the file heads it.
func rowErr(r *Row, f Field, code, msg string) RowError {
	col := f.Label()
	if c := r.Sheet.Mapping[f]; f != FieldNone && c >= 0 && c < len(r.Sheet.Headers) && HeaderKey(r.Sheet.Headers[c]) != "" {
		col = HeaderKey(r.Sheet.Headers[c])
	}
	if f == FieldNone {
		col = ""
	}
	return RowError{Sheet: r.Sheet.Name, Row: r.Line, Column: col, Code: code, Message: msg}
}
