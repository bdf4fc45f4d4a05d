package sheets

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"dangjian/data"
	"dangjian/data/internal/sqldb"
)

// Importing the organisation tree from a sheet: every row becomes a new organisation, an update
// of one already there (matched by full name; a blank cell never overwrites a stored value, a
// blank parent means "under the 党委"), unchanged, or rejected with a reason. Parents may come
// after their children in the file, so rows are written parents first. Every write goes through
// data's SaveOrgInBatch — the rules and the audit of the organisation form — in one transaction
// that is one undoable batch. The preview is the same run, rolled back.

// OrgBatchKind names organisation imports in the import history.
const OrgBatchKind = "党组织导入"

// Codes of rejected organisation rows.
const (
	CodeOrgType   = "org_type"
	CodeOrgParent = "org_parent"
	CodeOrgCycle  = "org_cycle"
)

// RefuseNoOrgs: the file holds no organisation sheet.
const RefuseNoOrgs = "no_orgs"

// OrgItem is one row's outcome.
type OrgItem struct {
	Row     *OrgRow
	Action  Action
	Org     data.Org // what is (or in a preview would be) stored
	Changes []string // labels of the columns an update changes
	Errors  []RowError
}

// OrgImport is what an organisation import did, or in a preview would do.
type OrgImport struct {
	File  *OrgFile
	Items []OrgItem
	Counts
	Batch int64 // the undoable batch; 0 for a preview or when nothing changed
}

// Rows is the number of organisation rows; the four counts add up to it.
func (r *OrgImport) Rows() int { return len(r.Items) }

// Errors lists every rejected row's reasons in file order.
func (r *OrgImport) Errors() []RowError {
	var out []RowError
	for _, it := range r.Items {
		out = append(out, it.Errors...)
	}
	return out
}

// PlanOrgImport previews the import of of: every row classified by the same run as
// ImportOrgs, rolled back.
func PlanOrgImport(ctx context.Context, s *data.Store, of *OrgFile) (*OrgImport, error) {
	return runOrgImport(ctx, s, of, true)
}

// ImportOrgs writes of's new and changed organisations as one undoable batch, preceded by a
// backup when anything changes. Rejected rows are reported; the others are written.
func ImportOrgs(ctx context.Context, s *data.Store, of *OrgFile) (*OrgImport, error) {
	plan, err := runOrgImport(ctx, s, of, true)
	if err != nil || plan.New+plan.Updated == 0 {
		return plan, err
	}
	if _, err := s.AutoBackup("导入前"); err != nil {
		return nil, fmt.Errorf("导入前备份数据库失败，未导入任何数据：%w", err)
	}
	return runOrgImport(ctx, s, of, false)
}

var errPreview = errors.New("preview")

func runOrgImport(ctx context.Context, s *data.Store, of *OrgFile, preview bool) (*OrgImport, error) {
	root, err := RootOrg(ctx, s)
	if err != nil {
		return nil, err
	}
	stored, err := s.Orgs(ctx)
	if err != nil {
		return nil, err
	}
	res := &OrgImport{File: of, Items: make([]OrgItem, len(of.Rows))}
	db := sqldb.Of(s)
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		b, err := db.BeginBatch(tx, OrgBatchKind, filepath.Base(of.Path))
		if err != nil {
			return err
		}
		run := &orgRun{s: s, tx: tx, b: b, root: root, res: res, byName: map[string]data.Org{}, byShort: map[string][]data.Org{}}
		for _, o := range stored {
			run.byName[data.FoldName(o.Name)] = o
			if k := data.FoldName(o.ShortName); k != "" && o.Live() {
				run.byShort[k] = append(run.byShort[k], o)
			}
		}
		if err := run.all(ctx); err != nil {
			return err
		}
		if preview {
			return errPreview
		}
		if res.New+res.Updated == 0 {
			return errPreview // nothing to record: no batch
		}
		res.Batch = b.ID()
		return b.Finish(fmt.Sprintf("新增 %d 个，更新 %d 个，无变化 %d 个，未导入 %d 行", res.New, res.Updated, res.Unchanged, res.Rejected))
	})
	if err != nil && !errors.Is(err, errPreview) {
		return nil, err
	}
	return res, nil
}

// orgRun is one pass over the rows inside the import's transaction.
type orgRun struct {
	s       *data.Store
	tx      *sql.Tx
	b       sqldb.Batch
	root    data.Org
	res     *OrgImport
	byName  map[string]data.Org   // stored organisations, abolished ones too, by full name
	byShort map[string][]data.Org // live ones by short name
	inFile  map[string]int        // folded full and short names of the file's rows → item
	state   []int                 // 0 not yet, 1 being placed (a cycle when met again), 2 placed
}

func (r *orgRun) reject(i int, f OrgField, code, msg string) {
	it := &r.res.Items[i]
	col := f.Label()
	if c := r.res.File.column(f); c != "" {
		col = c
	}
	it.Errors = append(it.Errors, RowError{Sheet: it.Row.Sheet, Row: it.Row.Line, Column: col, Code: code, Message: msg})
}

// column is the header the file gives a field, "" when it has no such column.
func (of *OrgFile) column(f OrgField) string {
	for _, h := range of.Headers {
		if orgHeaderIndex[HeaderKey(h)] == f {
			return HeaderKey(h)
		}
	}
	return ""
}

func (r *orgRun) all(ctx context.Context) error {
	items := r.res.Items
	r.inFile, r.state = map[string]int{}, make([]int, len(items))
	for i, row := range r.res.File.Rows {
		items[i] = OrgItem{Row: row, Errors: append([]RowError(nil), row.Errors...)}
		if row.Name == "" {
			continue
		}
		if first, dup := r.inFile[row.Name]; dup && r.res.File.Rows[first].Name == row.Name {
			r.reject(i, OrgFieldName, CodeDuplicate, fmt.Sprintf("与第 %d 行的党组织同名；同一组织只写一行，请删去重复的行或改正名称", r.res.File.Rows[first].Line))
			continue
		}
		r.inFile[row.Name] = i
	}
	for i, row := range r.res.File.Rows {
		if _, taken := r.inFile[row.Short]; row.Short != "" && !taken {
			r.inFile[row.Short] = i
		}
	}
	for i := range items {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.place(i, nil); err != nil {
			return err
		}
	}
	for i := range items {
		it := &items[i]
		if len(it.Errors) > 0 {
			it.Action = ActionRejected
		}
		tally(&r.res.Counts, it.Errors, it.Action)
	}
	return nil
}

// place writes row i after its parent; path holds the rows being placed above it, to name a
// cycle. It returns only the store's errors; a row's problems become its errors.
func (r *orgRun) place(i int, path []int) error {
	it := &r.res.Items[i]
	switch r.state[i] {
	case 2:
		return nil
	case 1:
		var names []string
		start := 0
		for k, j := range path {
			if j == i {
				start = k
			}
		}
		for _, j := range path[start:] {
			names = append(names, r.res.File.Rows[j].Name)
		}
		names = append(names, it.Row.Name)
		for _, j := range path[start:] {
			r.reject(j, OrgFieldParent, CodeOrgCycle, "上级关系构成循环（"+strings.Join(names, " → ")+"）；请改正其中一行的上级党组织")
			r.state[j] = 2
		}
		return nil
	}
	r.state[i] = 1
	defer func() { r.state[i] = 2 }()
	if len(it.Errors) > 0 {
		return nil
	}
	row := it.Row
	// The 党委 itself: its names and dates may change, never its place.
	if row.Name == data.FoldName(r.root.Name) {
		if row.Parent != "" {
			r.reject(i, OrgFieldParent, CodeOrgParent, "“"+row.Name+"”是党委（根组织），不能有上级党组织；请清空该格")
			return nil
		}
		return r.save(i, r.root.ID, true)
	}
	parentID := r.root.ID
	if row.Parent != "" && row.Parent != data.FoldName(r.root.Name) && row.Parent != data.FoldName(r.root.ShortName) {
		if j, ok := r.inFile[row.Parent]; ok && j != i {
			if err := r.place(j, append(path, i)); err != nil {
				return err
			}
			if len(it.Errors) > 0 { // a cycle through this row
				return nil
			}
			pj := r.res.Items[j]
			if len(pj.Errors) > 0 {
				r.reject(i, OrgFieldParent, CodeOrgParent, fmt.Sprintf("上级党组织“%s”（第 %d 行）未能导入，本行也未导入；请先改正第 %d 行", pj.Row.Name, pj.Row.Line, pj.Row.Line))
				return nil
			}
			parentID = pj.Org.ID
		} else {
			p, msg := r.storedParent(row.Parent)
			if msg != "" {
				r.reject(i, OrgFieldParent, CodeOrgParent, msg)
				return nil
			}
			parentID = p.ID
		}
	}
	return r.save(i, parentID, false)
}

// storedParent finds a parent named in the file among the stored organisations.
func (r *orgRun) storedParent(name string) (data.Org, string) {
	if o, ok := r.byName[name]; ok {
		if !o.Live() {
			return o, fmt.Sprintf("上级党组织“%s”已于 %s 撤销，不能在其下设立党组织；请改填现有的上级组织", o.Name, data.DateText(o.Abolished))
		}
		return o, ""
	}
	switch short := r.byShort[name]; len(short) {
	case 1:
		return short[0], ""
	case 0:
		return data.Org{}, fmt.Sprintf("上级党组织“%s”在表中和系统中都不存在；请核对名称（写全称），或在表中加上这一组织", name)
	}
	return data.Org{}, fmt.Sprintf("系统中有多个简称为“%s”的党组织，请写上级党组织的全称", name)
}

// save lays the row over the stored organisation of its name (or a new one) and writes it.
func (r *orgRun) save(i int, parentID int64, isRoot bool) error {
	it := &r.res.Items[i]
	row := it.Row
	old, exists := r.byName[row.Name]
	if !r.savable(i, old, exists) {
		return nil
	}
	o := old // the zero Org when the name is new
	changes := overlayOrg(&o, row, parentID, isRoot)
	if exists && len(changes) == 0 {
		it.Action, it.Org = ActionUnchanged, old
		return nil
	}
	err := r.s.SaveOrgInBatch(r.tx, r.b, &o)
	if v, ok := data.AsInvalid(err); ok {
		for _, fe := range v {
			r.reject(i, orgFieldOfGo(fe.Field), CodeInvalid, fe.Message)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("导入第 %d 行“%s”失败：%w", row.Line, row.Name, err)
	}
	saved, err := r.s.OrgTx(r.tx, o.ID)
	if err != nil {
		return err
	}
	r.byName[saved.Name] = saved
	it.Org, it.Changes = saved, changes
	it.Action = ActionUpdate
	if !exists {
		it.Action = ActionNew
	}
	return nil
}

// savable rejects row i when it names an abolished organisation, or is a new one without a
// type, and reports whether the row may be saved.
func (r *orgRun) savable(i int, old data.Org, exists bool) bool {
	row := r.res.Items[i].Row
	if exists && !old.Live() {
		r.reject(i, OrgFieldName, CodeInvalid, fmt.Sprintf("“%s”已于 %s 撤销；撤销的组织不能再导入，如需重建请换一个名称", old.Name, data.DateText(old.Abolished)))
		return false
	}
	if !exists && row.TypeCode == 0 {
		r.reject(i, OrgFieldType, CodeOrgType, "组织类别为空；新建的党组织须写明类别（党委、党总支、党支部、联合党支部或临时党支部）")
		return false
	}
	return true
}

// overlayOrg lays the row's filled cells over o — a blank cell keeps what is stored — and
// returns the labels of the columns that changed it. The unit kind counts only for a unit
// given by name (UnitID 0), which the save creates with that kind when it is not yet known.
func overlayOrg(o *data.Org, row *OrgRow, parentID int64, isRoot bool) []string {
	var changes []string
	set := func(dst *string, v string, f OrgField) {
		if v != "" && v != *dst {
			*dst, changes = v, append(changes, f.Label())
		}
	}
	o.Name = row.Name
	set(&o.ShortName, row.Short, OrgFieldShort)
	set(&o.Mission, row.Mission, OrgFieldMission)
	if row.Unit != "" && row.Unit != o.UnitName {
		o.UnitID, o.UnitName = 0, row.Unit
		changes = append(changes, OrgFieldUnit.Label())
	}
	if row.UnitKind != "" && row.UnitKind != o.UnitKind && o.UnitID == 0 {
		o.UnitKind = row.UnitKind
	}
	if row.TypeCode != 0 && row.TypeCode != o.TypeCode {
		o.TypeCode, changes = row.TypeCode, append(changes, OrgFieldType.Label())
	}
	if !row.Founded.IsZero() && !row.Founded.Equal(o.Founded) {
		o.Founded, changes = row.Founded, append(changes, OrgFieldFounded.Label())
	}
	if !isRoot && parentID != o.ParentID {
		o.ParentID, changes = parentID, append(changes, OrgFieldParent.Label())
	}
	return changes
}

func orgFieldOfGo(name string) OrgField {
	switch name {
	case "Name":
		return OrgFieldName
	case "TypeCode":
		return OrgFieldType
	case "ParentID":
		return OrgFieldParent
	case "Founded":
		return OrgFieldFounded
	case "Mission":
		return OrgFieldMission
	}
	return OrgFieldNone
}
