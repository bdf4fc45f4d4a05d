package sheets

import (
	"context"
	"fmt"
	"sort"
	"time"

	"dangjian/data"
)

// The rules that classify one row against the store — duplicate in the file, unknown branch,
// new member, update (a blank never overwrites a stored value), unchanged, or invalid — in one
// place, used both by PlanImport (the wizard's preview, all rows at once) and by ImportRoster
// (the command line's import, row by row as the file is read).

// Counts are the four outcomes of the rows classified so far; they add up to the rows.
type Counts = data.ImportCounts

// rowPlace is where a row is, kept for the duplicate message instead of the row itself, so
// that a streaming import can let go of rows once they are written.
type rowPlace struct {
	sheet string
	line  int
}

// classifier holds what the rules need: the store's branches and members, loaded once, and
// the ID numbers and unknown branches met so far.
type classifier struct {
	branches branchIndex             // the live organisations by name, short name and parent
	byID     map[string]*data.Member // stored members by ID number
	seen     map[string]rowPlace     // first row of each ID number in the file
	unknown  map[string]int          // branch names not in the store → rows naming them
	choices  BranchChoices
	// createUnder, when not 0, is where an unknown branch without a choice is created (the
	// command line's -create-branches).
	createUnder int64
	create      map[string]int64 // branches to create → parent
	today       time.Time
	counts      Counts
}

func newClassifier(ctx context.Context, s *data.Store, choices BranchChoices, createUnder int64) (*classifier, error) {
	orgs, err := s.Orgs(ctx)
	if err != nil {
		return nil, err
	}
	existing, err := s.Members(ctx, data.MemberFilter{})
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*data.Member, len(existing))
	for i := range existing {
		if existing[i].IDNumber != "" {
			byID[existing[i].IDNumber] = &existing[i]
		}
	}
	return &classifier{
		branches: newBranchIndex(orgs), byID: byID, seen: map[string]rowPlace{}, unknown: map[string]int{},
		choices: choices, createUnder: createUnder, create: map[string]int64{}, today: s.Today(),
	}, nil
}

// choice is what to do with an unknown branch.
func (c *classifier) choice(name string) BranchChoice {
	ch := c.choices[name]
	if ch == (BranchChoice{}) && c.createUnder != 0 {
		ch.CreateUnder = c.createUnder
	}
	return ch
}

// row classifies r into it and counts the outcome.
func (c *classifier) row(it *PlanItem, r *Row) {
	it.Row = r
	it.Errors = r.Errors
	it.Notes = r.Notes[:len(r.Notes):len(r.Notes)] // appending copies: the row's own stay as read
	if len(it.Errors) == 0 {
		if first, dup := c.seen[r.Member.IDNumber]; dup {
			it.Errors = []RowError{rowErr(r, FieldIDNumber, CodeDuplicate, fmt.Sprintf(
				"与工作表“%s”第 %d 行的身份证号相同，同一人只导入一次（已按第 %d 行导入），请删去重复的行", first.sheet, first.line, first.line))}
		} else {
			c.seen[r.Member.IDNumber] = rowPlace{r.Sheet.Name, r.Line}
		}
	}
	if len(it.Errors) == 0 {
		c.classify(it, c.byID[r.Member.IDNumber])
	}
	if len(it.Errors) > 0 {
		it.Action, it.Member = ActionRejected, nil
	}
	tally(&c.counts, it.Errors, it.Action)
}

// tally counts one item of an import, a roster row or an organisation: rejected when it has
// errors, else by what it does.
func tally(c *Counts, errs []RowError, a Action) {
	switch {
	case len(errs) > 0:
		c.Rejected++
	case a == ActionNew:
		c.New++
	case a == ActionUpdate:
		c.Updated++
	default:
		c.Unchanged++
	}
}

// unknownBranches lists the unknown branches met, by name.
func (c *classifier) unknownBranches() []UnknownBranch {
	var out []UnknownBranch
	for name, n := range c.unknown {
		out = append(out, UnknownBranch{name, n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// classify decides new / update / unchanged for a row that read cleanly, or adds its errors.
func (c *classifier) classify(it *PlanItem, old *data.Member) {
	branchID, ok := c.rowBranch(it)
	if !ok {
		return
	}
	if old == nil {
		c.classifyNew(it, branchID)
		return
	}
	c.classifyUpdate(it, old, branchID)
}

// rowBranch finds the branch the row names: 0 when it names none, -1 for a branch the import
// creates; ok is false when the row got an error for it instead.
func (c *classifier) rowBranch(it *PlanItem) (int64, bool) {
	r := it.Row
	name := r.Member.BranchName
	if name == "" {
		return 0, true
	}
	id, ok, msg := c.branches.find(name, r.Parent)
	switch {
	case msg != "":
		it.Errors = append(it.Errors, rowErr(r, FieldBranch, CodeBranchAmbiguous, msg))
		return 0, false
	case ok:
		return id, true
	}
	if msg := data.OrgNameTooLong(name); msg != "" {
		it.Errors = append(it.Errors, rowErr(r, FieldBranch, CodeInvalid, msg))
		return 0, false
	}
	return c.unknownBranch(it, name)
}

// unknownBranch counts a branch not in the store and applies the choice made for it: map it
// to a stored branch, create it, or reject the row.
func (c *classifier) unknownBranch(it *PlanItem, name string) (int64, bool) {
	c.unknown[name]++
	switch ch := c.choice(name); {
	case ch.MapTo != 0:
		return ch.MapTo, true
	case ch.CreateUnder != 0:
		it.NewBranch = name
		c.create[name] = ch.CreateUnder
		return -1, true // a placeholder for validation; commit puts the new id in
	}
	it.Errors = append(it.Errors, rowErr(it.Row, FieldBranch, CodeBranchUnknown, fmt.Sprintf(
		"党支部“%s”在系统中不存在；请先在“组织机构”中建立该支部，或在导入时选择新建或对应到已有支部（命令行加 -create-branches）", name)))
	return 0, false
}

// classifyNew makes a row whose ID number is not stored a new member of its branch; without
// a category, the category is inferred (and the person importing may be asked to decide).
func (c *classifier) classifyNew(it *PlanItem, branchID int64) {
	r := it.Row
	m := &r.Member
	if branchID == 0 {
		it.Errors = append(it.Errors, rowErr(r, FieldBranch, CodeBranchMissing,
			"未填写所在党支部；请填写“所在党支部”列，或把每个支部的党员放在以支部名称命名的工作表中"))
		return
	}
	m.BranchID = branchID
	// The inferred category is written into the row's own member (a copy per row would double
	// a 100 000-row plan), so the row remembers it was inferred: the next plan of the same rows
	// (the wizard re-plans on every choice) infers it again and asks again, instead of reading
	// it as the file's.
	if m.Category == "" || r.categoryInferred {
		var note Note
		m.Category, note, it.Decide = inferCategory(*m, r.Sheet.Probationary, c.today)
		r.categoryInferred = true
		it.Notes = append(it.Notes, note)
	}
	m.Status = data.StatusNormal
	it.Action, it.Member = ActionNew, m
	it.Errors = append(it.Errors, validateRow(r, *m, c.today)...)
}

// classifyUpdate lays the row over the stored member old: an update with what changed, or
// unchanged.
func (c *classifier) classifyUpdate(it *PlanItem, old *data.Member, branchID int64) {
	r := it.Row
	m := &r.Member
	merged := *old
	changes := overlayMember(&merged, m)
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
	it.Errors = append(it.Errors, validateRow(r, merged, c.today)...)
}

// overlayMember lays the row's filled values (all but the branch) over the stored member and
// returns the labels of the fields that changed; a blank never overwrites a stored value.
func overlayMember(merged, m *data.Member) []string {
	var changes []string
	changes = setText(changes, &merged.Name, m.Name, FieldName)
	changes = setText(changes, &merged.Gender, m.Gender, FieldGender)
	changes = setText(changes, &merged.Ethnicity, m.Ethnicity, FieldEthnicity)
	changes = setDate(changes, &merged.Birth, m.Birth, FieldBirth)
	changes = setText(changes, &merged.Education, m.Education, FieldEducation)
	changes = setText(changes, &merged.Degree, m.Degree, FieldDegree)
	changes = setText(changes, &merged.Title, m.Title, FieldTitle)
	if m.UnitName != "" && m.UnitName != merged.UnitName {
		merged.UnitName, merged.UnitID = m.UnitName, 0
		changes = append(changes, FieldUnit.Label())
	}
	changes = setText(changes, &merged.Post, m.Post, FieldPost)
	changes = setText(changes, &merged.Phone, m.Phone, FieldPhone)
	changes = setText(changes, &merged.Category, m.Category, FieldCategory)
	changes = setDate(changes, &merged.Joined, m.Joined, FieldJoined)
	changes = setDate(changes, &merged.Full, m.Full, FieldFull)
	return changes
}

// setText sets *dst to v when v is filled and differs, adding f's label to changes.
func setText(changes []string, dst *string, v string, f Field) []string {
	if v != "" && v != *dst {
		*dst = v
		changes = append(changes, f.Label())
	}
	return changes
}

// setDate sets *dst to v when v is filled and differs, adding f's label to changes.
func setDate(changes []string, dst *time.Time, v time.Time, f Field) []string {
	if !v.IsZero() && !v.Equal(*dst) {
		*dst = v
		changes = append(changes, f.Label())
	}
	return changes
}
