package sheets

import (
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

func newClassifier(s *data.Store, choices BranchChoices, createUnder int64) (*classifier, error) {
	orgs, err := s.Orgs()
	if err != nil {
		return nil, err
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
	return &classifier{branches: newBranchIndex(orgs), byID: byID, seen: map[string]rowPlace{}, unknown: map[string]int{},
		choices: choices, createUnder: createUnder, create: map[string]int64{}, today: s.Today()}, nil
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
	switch {
	case len(it.Errors) > 0:
		it.Action, it.Member = ActionRejected, nil
		c.counts.Rejected++
	case it.Action == ActionNew:
		c.counts.New++
	case it.Action == ActionUpdate:
		c.counts.Updated++
	default:
		c.counts.Unchanged++
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
	today := c.today
	r := it.Row
	m := &r.Member
	var branchID int64
	if m.BranchName != "" {
		if id, ok, msg := c.branches.find(m.BranchName, r.Parent); msg != "" {
			it.Errors = append(it.Errors, rowErr(r, FieldBranch, CodeBranchAmbiguous, msg))
			return
		} else if ok {
			branchID = id
		} else if msg := data.OrgNameTooLong(m.BranchName); msg != "" {
			it.Errors = append(it.Errors, rowErr(r, FieldBranch, CodeInvalid, msg))
			return
		} else {
			c.unknown[m.BranchName]++
			switch ch := c.choice(m.BranchName); {
			case ch.MapTo != 0:
				branchID = ch.MapTo
			case ch.CreateUnder != 0:
				it.NewBranch = m.BranchName
				c.create[m.BranchName] = ch.CreateUnder
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
			var note string
			m.Category, note, it.Decide = inferCategory(*m, r.Sheet.Probationary, today)
			r.Notes = append(r.Notes, note)
		}
		m.Status = data.StatusNormal
		it.Action, it.Member = ActionNew, m
		it.Errors = append(it.Errors, validateRow(r, *m, today)...)
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
	it.Errors = append(it.Errors, validateRow(r, merged, today)...)
}
