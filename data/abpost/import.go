package abpost

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"dangjian/data/internal/sqldb"

	"dangjian/data"
)

// Importing the catalogue: rows read from a sheet are planned against the store before anything
// is written — a new item, an update, unchanged, or rejected with its reasons — so the screen can
// preview them, and the commit is one undoable batch. A/B names are matched within the row's
// department first, then across the institute (a B may come from another department); a name
// nobody has becomes a new staff record of the department, listed in the plan.

// ImportRow is one catalogue row as read from a sheet; blank cells are "".
type ImportRow struct {
	Sheet     string
	Line      int
	Dept      string
	Item      string
	Door      string
	TimeLimit string
	Materials string
	Phone     string
	A, B      string
	Code      string
	Basis     string
	Visits    string
}

// Import outcomes of a row.
const (
	ImportNew       = "新增"
	ImportUpdate    = "更新"
	ImportUnchanged = "无变化"
	ImportRejected  = "不导入"
)

// PlannedRow is one row's outcome and what it will store.
type PlannedRow struct {
	ImportRow
	Action  string
	Item    Item     // what will be stored, with AID/BID resolved (0 for a new person)
	NewA    bool     // A is a new staff record of the department
	NewB    bool     // B is a new staff record
	Changes []string // what an update changes
	Errors  []string // why the row is rejected
}

// NewPerson is a staff record the import will create.
type NewPerson struct {
	Name, Dept string
}

// ImportPlan is the classified file.
type ImportPlan struct {
	Source                            string
	Rows                              []PlannedRow
	New, Updated, Unchanged, Rejected int
	NewPersons                        []NewPerson
	NewDepts                          []string
}

// staffIndex finds persons by folded name, per unit and institute-wide.
type staffIndex struct {
	byUnit map[string]map[string][]int64 // unit name → name → ids
	all    map[string][]int64
}

func (x staffIndex) resolve(dept, name string) (id int64, isNew bool, err string) {
	name = data.FoldName(name)
	if ids := x.byUnit[dept][name]; len(ids) == 1 {
		return ids[0], false, ""
	} else if len(ids) > 1 {
		return 0, false, fmt.Sprintf("%s有 %d 位“%s”，无法确定是哪一位；请在花名册中区分（例如改为“%s（大）”）后再导入", dept, len(ids), name, name)
	}
	switch ids := x.all[name]; len(ids) {
	case 0:
		return 0, true, ""
	case 1:
		return ids[0], false, ""
	default:
		return 0, false, fmt.Sprintf("“%s”不在%s，全院有 %d 位同名人员，无法确定是哪一位；请改填本部门人员，或先在花名册中区分同名人员", name, dept, len(ids))
	}
}

// PlanImport classifies rows against the store, with the posts as of today.
func PlanImport(ctx context.Context, s *data.Store, rows []ImportRow, source string) (*ImportPlan, error) {
	persons, err := s.Persons(ctx)
	if err != nil {
		return nil, err
	}
	idx := staffIndex{byUnit: map[string]map[string][]int64{}, all: map[string][]int64{}}
	for _, p := range persons {
		n := data.FoldName(p.Name)
		if idx.byUnit[p.UnitName] == nil {
			idx.byUnit[p.UnitName] = map[string][]int64{}
		}
		idx.byUnit[p.UnitName][n] = append(idx.byUnit[p.UnitName][n], p.ID)
		idx.all[n] = append(idx.all[n], p.ID)
	}
	units, err := s.Units(ctx)
	if err != nil {
		return nil, err
	}
	unitID := map[string]int64{}
	for _, u := range units {
		unitID[u.Name] = u.ID
	}
	existing, err := Items(ctx, s, ItemFilter{}, s.Today())
	if err != nil {
		return nil, err
	}
	stored := map[string]Item{}
	for _, it := range existing {
		stored[it.Dept+"\x00"+it.Name] = it
	}
	p := &ImportPlan{Source: source}
	seen := map[string]int{}
	newPerson := map[NewPerson]bool{}
	newDept := map[string]bool{}
	for _, r := range rows {
		pr := PlannedRow{ImportRow: r}
		p.plan(&pr, idx, unitID, stored, seen)
		if pr.Action != ImportRejected {
			for _, x := range []struct {
				isNew bool
				name  string
			}{{pr.NewA, r.A}, {pr.NewB, r.B}} {
				np := NewPerson{data.FoldName(x.name), pr.Item.Dept}
				if x.isNew && !newPerson[np] {
					newPerson[np] = true
					p.NewPersons = append(p.NewPersons, np)
				}
			}
			if pr.Item.DeptID == 0 && !newDept[pr.Item.Dept] {
				newDept[pr.Item.Dept] = true
				p.NewDepts = append(p.NewDepts, pr.Item.Dept)
			}
		}
		switch pr.Action {
		case ImportNew:
			p.New++
		case ImportUpdate:
			p.Updated++
		case ImportUnchanged:
			p.Unchanged++
		default:
			p.Rejected++
		}
		p.Rows = append(p.Rows, pr)
	}
	return p, nil
}

func (p *ImportPlan) plan(pr *PlannedRow, idx staffIndex, unitID map[string]int64, stored map[string]Item, seen map[string]int) {
	r := pr.ImportRow
	dept, name := data.FoldName(r.Dept), strings.TrimSpace(r.Item)
	pr.Errors = append(pr.Errors, missingFields(r, dept, name)...)
	key := dept + "\x00" + name
	if line, dup := seen[key]; dup && dept != "" && name != "" {
		pr.Errors = append(pr.Errors, fmt.Sprintf("与第 %d 行是同一部门的同一事项，请合并为一行", line))
	}
	seen[key] = r.Line
	limit, visits, errs := rowNumbers(r)
	pr.Errors = append(pr.Errors, errs...)
	it, exists := stored[key]
	if !exists {
		it = Item{Name: name, Dept: dept, DeptID: unitID[dept], Visits: visits}
	}
	before := it
	mergeRow(&it, r, limit, visits)
	pr.Errors = append(pr.Errors, resolvePosts(&it, pr, idx, dept)...)
	pr.Item = it
	switch {
	case len(pr.Errors) > 0:
		pr.Action = ImportRejected
	case !exists:
		pr.Action = ImportNew
	default:
		pr.Changes = itemChanges(before, it)
		pr.Action = ImportUpdate
		if len(pr.Changes) == 0 {
			pr.Action = ImportUnchanged
		}
	}
}

// missingFields are the refusals of a row that lacks what every item must have.
func missingFields(r ImportRow, dept, name string) []string {
	var out []string
	if dept == "" {
		out = append(out, "缺少“部门”")
	}
	if name == "" {
		out = append(out, "缺少“服务事项”名称")
	}
	if strings.TrimSpace(r.Door) == "" {
		out = append(out, "缺少“办理窗口”（每个事项须明确一个窗口）")
	}
	if data.FoldName(r.A) == "" {
		out = append(out, "缺少“A岗”人员")
	}
	return out
}

// rowNumbers reads a row's time limit and visits (1 when blank).
func rowNumbers(r ImportRow) (limit, visits int, errs []string) {
	limit, err := ParseTimeLimit(r.TimeLimit)
	if err != nil {
		errs = append(errs, err.Error())
	}
	visits = 1
	if v := strings.TrimSpace(r.Visits); v != "" {
		if visits, err = ParseTimeLimit(v); err != nil {
			errs = append(errs, "“跑动次数”须为数字，例如 1")
		}
	}
	return limit, visits, errs
}

// mergeRow puts a row's filled cells onto the item: a blank cell never erases what is stored.
func mergeRow(it *Item, r ImportRow, limit, visits int) {
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	set(&it.Door, r.Door)
	set(&it.Materials, r.Materials)
	set(&it.Phone, r.Phone)
	set(&it.Code, r.Code)
	set(&it.Basis, r.Basis)
	if strings.TrimSpace(r.TimeLimit) != "" {
		it.TimeLimit = limit
	}
	if strings.TrimSpace(r.Visits) != "" {
		it.Visits = visits
	}
}

// resolvePosts finds (or marks as new) the row's A and B staff in the department, and refuses
// one person on both posts.
func resolvePosts(it *Item, pr *PlannedRow, idx staffIndex, dept string) []string {
	r := pr.ImportRow
	var out []string
	if data.FoldName(r.A) != "" {
		a, isNew, msg := idx.resolve(dept, r.A)
		if msg != "" {
			out = append(out, "A岗："+msg)
		}
		it.AID, it.AName, pr.NewA = a, data.FoldName(r.A), isNew
	}
	if data.FoldName(r.B) != "" {
		b, isNew, msg := idx.resolve(dept, r.B)
		if msg != "" {
			out = append(out, "B岗："+msg)
		}
		it.BID, it.BName, pr.NewB = b, data.FoldName(r.B), isNew
	}
	if it.AName != "" && it.AName == it.BName && (it.AID == it.BID) {
		out = append(out, fmt.Sprintf("A岗和B岗都是“%s”，A岗和B岗必须是两个人；请另填B岗", it.AName))
	}
	return out
}

func itemChanges(a, b Item) []string {
	var out []string
	add := func(changed bool, label string) {
		if changed {
			out = append(out, label)
		}
	}
	add(a.Door != b.Door, "办理窗口")
	add(a.TimeLimit != b.TimeLimit, "办理时限")
	add(a.Materials != b.Materials, "所需材料")
	add(a.Phone != b.Phone, "联系电话")
	add(a.Code != b.Code, "事项编码")
	add(a.Basis != b.Basis, "办理依据")
	add(a.Visits != b.Visits, "跑动次数")
	add(a.AID != b.AID || b.AID == 0 && a.AName != b.AName, "A岗")
	add(a.BID != b.BID || b.BID == 0 && a.BName != b.BName, "B岗")
	return out
}

// ParseTimeLimit reads a time limit as offices write it: "3", "3个工作日", "5天", "即办"/"当场"
// (0); "" is 0.
func ParseTimeLimit(s string) (int, error) {
	t := strings.TrimSpace(s)
	if t == "" || strings.Contains(t, "即办") || strings.Contains(t, "当场") || strings.Contains(t, "立即") {
		return 0, nil
	}
	n, digits := 0, 0
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
			digits++
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
			digits++
		case digits > 0:
			goto done
		}
		if digits > 4 {
			break
		}
	}
done:
	if digits == 0 || digits > 4 {
		return 0, fmt.Errorf("“办理时限”写成了“%s”，请填工作日数，例如“3个工作日”或“即办”", t)
	}
	return n, nil
}

// CommitImport writes the plan's accepted rows as one undoable batch, after a backup, with the
// posts set from today. It returns the batch id.
func CommitImport(ctx context.Context, s *data.Store, p *ImportPlan) (int64, error) {
	if p.New+p.Updated == 0 {
		return 0, nil
	}
	if _, err := s.AutoBackup("AB岗导入前"); err != nil {
		return 0, err
	}
	today := s.Today()
	var id int64
	err := sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		b, err := sqldb.Of(s).BeginBatch(tx, "AB岗导入", p.Source)
		if err != nil {
			return err
		}
		id = b.ID()
		depts := map[string]int64{}
		persons := map[NewPerson]int64{}
		for i := range p.Rows {
			if err := ctx.Err(); err != nil {
				return err
			}
			pr := &p.Rows[i]
			if pr.Action != ImportNew && pr.Action != ImportUpdate {
				continue
			}
			it := pr.Item
			if it.DeptID == 0 {
				if depts[it.Dept] == 0 {
					if depts[it.Dept], err = newUnit(tx, b, it.Dept); err != nil {
						return err
					}
				}
				it.DeptID = depts[it.Dept]
			}
			for _, x := range []struct {
				isNew bool
				name  string
				id    *int64
			}{{pr.NewA, it.AName, &it.AID}, {pr.NewB, it.BName, &it.BID}} {
				if !x.isNew {
					continue
				}
				key := NewPerson{x.name, it.Dept}
				if persons[key] == 0 {
					np := data.Person{Name: x.name, UnitID: it.DeptID, Note: "AB岗导入新建"}
					if err := s.SavePerson(sqldb.WithTx(ctx, tx), &np); err != nil {
						return err
					}
					if err := b.Inserted("person", np.ID); err != nil {
						return err
					}
					persons[key] = np.ID
				}
				*x.id = persons[key]
			}
			if err := writeItem(sqldb.Of(s), tx, b, &it); err != nil {
				return fmt.Errorf("第 %d 行：%w", pr.Line, err)
			}
			if _, err := setPost(tx, b, it.ID, RoleA, it.AID, today, "导入"); err != nil {
				return err
			}
			if it.BID != 0 {
				if _, err := setPost(tx, b, it.ID, RoleB, it.BID, today, "导入"); err != nil {
					return err
				}
			}
		}
		return b.Finish(fmt.Sprintf("服务事项新增 %d 项、更新 %d 项，新建人员 %d 人，%d 行未导入", p.New, p.Updated, len(persons), p.Rejected))
	})
	return id, err
}

func newUnit(tx *sql.Tx, b sqldb.Batch, name string) (int64, error) {
	res, err := tx.Exec(`INSERT INTO unit(name, kind) VALUES (?, ?)`, name, DeptKind)
	if err != nil {
		return 0, err
	}
	id, _ := res.LastInsertId()
	return id, b.Inserted("unit", id)
}
