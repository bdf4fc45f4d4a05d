package sheets

import (
	"fmt"
	"sort"
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
func RootOrg(s *data.Store) (data.Org, error) {
	orgs, err := s.Orgs()
	if err != nil {
		return data.Org{}, err
	}
	for _, o := range orgs {
		if o.ParentID == 0 && o.Live() {
			return o, nil
		}
	}
	return data.Org{}, fmt.Errorf("系统中还没有党委（根组织），无法新建支部；请先在“组织机构”中建立党委")
}

// PlanImport classifies the rows of rf against the store.
func PlanImport(s *data.Store, rf *RosterFile, choices BranchChoices) (*Plan, error) {
	orgs, err := s.Orgs()
	if err != nil {
		return nil, err
	}
	byName := map[string]int64{}
	for _, o := range orgs {
		if o.Live() {
			byName[data.FoldName(o.Name)] = o.ID
			if o.ShortName != "" {
				if _, ok := byName[data.FoldName(o.ShortName)]; !ok {
					byName[data.FoldName(o.ShortName)] = o.ID
				}
			}
		}
	}
	existing, err := s.Members(data.MemberFilter{})
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*data.Member, len(existing))
	for i := range existing {
		if existing[i].IDNumber != "" {
			byID[existing[i].IDNumber] = &existing[i]
		}
	}
	p := &Plan{File: rf, Items: make([]PlanItem, len(rf.Rows)), Create: map[string]int64{}}
	unknown := map[string]int{}
	seen := make(map[string]*Row, len(rf.Rows))
	today := s.Today()
	for i, r := range rf.Rows {
		it := &p.Items[i]
		it.Row = r
		it.Errors = r.Errors
		if len(it.Errors) == 0 {
			if first, dup := seen[r.Member.IDNumber]; dup {
				it.Errors = []RowError{rowErr(r, FieldIDNumber, CodeDuplicate, fmt.Sprintf(
					"与工作表“%s”第 %d 行的身份证号相同，同一人只导入一次（已按第 %d 行导入），请删去重复的行", first.Sheet.Name, first.Line, first.Line))}
			} else {
				seen[r.Member.IDNumber] = r
			}
		}
		if len(it.Errors) == 0 {
			p.classify(it, byID[r.Member.IDNumber], byName, choices, unknown, today)
		}
		switch {
		case len(it.Errors) > 0:
			it.Action, it.Member = ActionRejected, nil
			p.Rejected++
		case it.Action == ActionNew:
			p.New++
		case it.Action == ActionUpdate:
			p.Updated++
		default:
			p.Unchanged++
		}
	}
	for name, n := range unknown {
		p.Unknown = append(p.Unknown, UnknownBranch{name, n})
	}
	sort.Slice(p.Unknown, func(i, j int) bool { return p.Unknown[i].Name < p.Unknown[j].Name })
	return p, nil
}

// classify decides new / update / unchanged for a row that read cleanly, or adds its errors.
func (p *Plan) classify(it *PlanItem, old *data.Member, byName map[string]int64, choices BranchChoices, unknown map[string]int, today time.Time) {
	r := it.Row
	m := &r.Member
	var branchID int64
	if m.BranchName != "" {
		if id, ok := byName[m.BranchName]; ok {
			branchID = id
		} else {
			unknown[m.BranchName]++
			switch c := choices[m.BranchName]; {
			case c.MapTo != 0:
				branchID = c.MapTo
			case c.CreateUnder != 0:
				it.NewBranch = m.BranchName
				p.Create[m.BranchName] = c.CreateUnder
				branchID = -1 // a placeholder for validation; commit puts the new id in
			default:
				it.Errors = append(it.Errors, rowErr(r, FieldBranch, CodeBranchUnknown, fmt.Sprintf(
					"党支部“%s”在系统中不存在；请先在“组织机构”中建立该支部，或在导入时选择新建或对应到已有支部（命令行加 -create-branches）", m.BranchName)))
				return
			}
		}
	}
	if old == nil {
		if branchID == 0 {
			it.Errors = append(it.Errors, rowErr(r, FieldBranch, CodeBranchMissing,
				"未填写所在党支部；请填写“所在党支部”列，或把每个支部的党员放在以支部名称命名的工作表中"))
			return
		}
		m.BranchID = branchID
		if m.Category == "" {
			m.Category = data.CategoryFull
			if m.Full.IsZero() && !m.Joined.IsZero() && m.Joined.AddDate(1, 0, 0).After(today) {
				m.Category = data.CategoryProbation
			}
			r.Notes = append(r.Notes, "人员类别未填，按入党与转正日期推定为"+m.Category)
		}
		m.Status = data.StatusNormal
		it.Action, it.Member = ActionNew, m
		it.Errors = append(it.Errors, p.validate(r, *m, today)...)
		return
	}
	merged := *old
	var changes []string
	setText := func(dst *string, v string, f Field) {
		if v != "" && v != *dst {
			*dst = v
			changes = append(changes, f.Label())
		}
	}
	setDate := func(dst *time.Time, v time.Time, f Field) {
		if !v.IsZero() && !v.Equal(*dst) {
			*dst = v
			changes = append(changes, f.Label())
		}
	}
	setText(&merged.Name, m.Name, FieldName)
	setText(&merged.Gender, m.Gender, FieldGender)
	setText(&merged.Ethnicity, m.Ethnicity, FieldEthnicity)
	setDate(&merged.Birth, m.Birth, FieldBirth)
	setText(&merged.Education, m.Education, FieldEducation)
	setText(&merged.Degree, m.Degree, FieldDegree)
	setText(&merged.Title, m.Title, FieldTitle)
	if m.UnitName != "" && m.UnitName != merged.UnitName {
		merged.UnitName, merged.UnitID = m.UnitName, 0
		changes = append(changes, FieldUnit.Label())
	}
	setText(&merged.Post, m.Post, FieldPost)
	setText(&merged.Phone, m.Phone, FieldPhone)
	setText(&merged.Category, m.Category, FieldCategory)
	setDate(&merged.Joined, m.Joined, FieldJoined)
	setDate(&merged.Full, m.Full, FieldFull)
	if branchID != 0 && (branchID != merged.BranchID || it.NewBranch != "") {
		merged.BranchID, merged.BranchName = branchID, m.BranchName
		changes = append(changes, FieldBranch.Label())
	} else {
		it.NewBranch = ""
	}
	if len(changes) == 0 {
		it.Action = ActionUnchanged
		return
	}
	// A probationary member who now has a full-membership date has become a full member.
	if merged.Category == data.CategoryProbation && !merged.Full.IsZero() && m.Category == "" {
		merged.Category = data.CategoryFull
	}
	it.Action, it.Member, it.Changes = ActionUpdate, &merged, changes
	it.Errors = append(it.Errors, p.validate(r, merged, today)...)
}

// validate applies the store's own member rules, so an import accepts exactly what the form
// would, and names the column of each problem.
func (p *Plan) validate(r *Row, m data.Member, today time.Time) []RowError {
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
