package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"dangjian/data/internal/sqldb"
)

const orgColumns = `o.id, COALESCE(o.parent_id,0), o.type_code, o.name, o.short_name, COALESCE(o.unit_id,0),
	COALESCE(u.name,''), COALESCE(u.kind,''), o.founded, o.abolished, o.mission, o.mission_start,
	o.mission_end, o.pledge_signed, o.sort`

func scanOrg(sc scanner) (Org, error) {
	var o Org
	var founded, abolished, ms, me, pledge string
	err := sc.Scan(&o.ID, &o.ParentID, &o.TypeCode, &o.Name, &o.ShortName, &o.UnitID, &o.UnitName,
		&o.UnitKind, &founded, &abolished, &o.Mission, &ms, &me, &pledge, &o.Sort)
	o.Founded, o.Abolished = ParseDateText(founded), ParseDateText(abolished)
	o.MissionStart, o.MissionEnd, o.PledgeSigned = ParseDateText(ms), ParseDateText(me), ParseDateText(pledge)
	return o, err
}

// Orgs lists every organisation, abolished ones too, in tree order of parent then sort then name.
func (s *Store) Orgs(ctx context.Context) ([]Org, error) { return readWith(ctx, s, orgs) }

func orgs(q queryer) ([]Org, error) {
	return collect(q, scanOrg, `SELECT `+orgColumns+` FROM org o LEFT JOIN unit u ON u.id = o.unit_id
		ORDER BY COALESCE(o.parent_id,0), o.sort, o.id`)
}

// Org reads one organisation.
func (s *Store) Org(ctx context.Context, id int64) (Org, error) {
	return readWith(ctx, s, func(q queryer) (Org, error) { return orgByID(q, id) })
}

func orgByID(q queryer, id int64) (Org, error) {
	o, err := scanOrg(q.QueryRow(`SELECT `+orgColumns+` FROM org o LEFT JOIN unit u ON u.id = o.unit_id WHERE o.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return o, ErrNotFound
	}
	return o, err
}

// OrgByName finds a live organisation by its full or short name.
func (s *Store) OrgByName(ctx context.Context, name string) (Org, error) {
	o, err := scanOrg(s.q(ctx).QueryRowContext(ctx, `SELECT `+orgColumns+` FROM org o LEFT JOIN unit u ON u.id = o.unit_id
		WHERE o.abolished = '' AND (o.name = ? OR (o.short_name <> '' AND o.short_name = ?)) ORDER BY o.name = ? DESC LIMIT 1`, name, name, name))
	if errors.Is(err, sql.ErrNoRows) {
		return o, fmt.Errorf("找不到党组织“%s”：%w", name, ErrNotFound)
	}
	return o, err
}

// ValidateOrg says what is wrong with an organisation before it is saved; today is the store's
// date, for "founded in the future".
func ValidateOrg(o Org, today time.Time) Invalid {
	var v Invalid
	if strings.TrimSpace(o.Name) == "" {
		v = append(v, FieldError{"Name", "请填写党组织名称"})
	}
	if msg := OrgNameTooLong(o.Name); msg != "" {
		v = append(v, FieldError{"Name", msg})
	}
	if TypeName(o.TypeCode) == "其他" {
		v = append(v, FieldError{"TypeCode", "请选择组织类别（党委、党总支、党支部、联合党支部或临时党支部）"})
	}
	if o.IsTemporary() {
		if strings.TrimSpace(o.Mission) == "" {
			v = append(v, FieldError{"Mission", "临时党支部须写明所承担的任务"})
		}
		if !o.MissionStart.IsZero() && !o.MissionEnd.IsZero() && o.MissionEnd.Before(o.MissionStart) {
			v = append(v, FieldError{"MissionEnd", "任务结束日期不能早于开始日期"})
		}
	}
	if o.Founded.After(today) {
		v = append(v, FieldError{"Founded", "成立日期不能晚于今天，请核对"})
	}
	if !o.Founded.IsZero() && !o.Abolished.IsZero() && o.Abolished.Before(o.Founded) {
		v = append(v, FieldError{"Abolished", "撤销日期不能早于成立日期"})
	}
	return v
}

// SaveOrg creates (ID 0) or updates an organisation. A host unit named in UnitName but not yet
// known is created with UnitKind. Either is logged, an edit with what it changed.
func (s *Store) SaveOrg(ctx context.Context, o *Org) error {
	if v := ValidateOrg(*o, s.Today()); len(v) > 0 {
		return v
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := placementAllowed(tx, *o); err != nil {
			return err
		}
		if o.ID == 0 {
			return s.createOrg(tx, o)
		}
		return s.updateOrg(tx, o)
	})
}

func (s *Store) createOrg(tx *sql.Tx, o *Org) error {
	if err := hostUnit(tx, o); err != nil {
		return err
	}
	res, err := tx.Exec(`INSERT INTO org(parent_id,type_code,name,short_name,unit_id,founded,abolished,mission,
		mission_start,mission_end,pledge_signed,sort) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`, orgArgs(*o)...)
	if err != nil {
		return orgWriteError(o.Name, err)
	}
	o.ID, _ = res.LastInsertId()
	now, err := orgByID(tx, o.ID)
	if err != nil {
		return err
	}
	return s.audit(tx, "新建组织", now.Name, orgSummary(now, orgName(tx, now.ParentID)), "", 0)
}

func (s *Store) updateOrg(tx *sql.Tx, o *Org) error {
	if err := orgEditAllowed(tx, *o); err != nil {
		return err
	}
	old, err := orgByID(tx, o.ID)
	if err != nil {
		return err
	}
	if err := hostUnit(tx, o); err != nil {
		return err
	}
	if _, err := tx.Exec(`UPDATE org SET parent_id=?,type_code=?,name=?,short_name=?,unit_id=?,founded=?,abolished=?,
		mission=?,mission_start=?,mission_end=?,pledge_signed=?,sort=? WHERE id=?`, append(orgArgs(*o), o.ID)...); err != nil {
		return orgWriteError(o.Name, err)
	}
	now, err := orgByID(tx, o.ID)
	if err != nil {
		return err
	}
	if what := orgChanges(old, now, func(id int64) string { return orgName(tx, id) }); what != "" {
		return s.audit(tx, "修改组织", now.Name, what, "", 0)
	}
	return nil
}

// orgEditAllowed refuses an edit that would put an organisation under itself, or turn a branch
// with members into something that cannot hold them: they would drop out of every branch rule
// and could not be moved back in.
func orgEditAllowed(tx *sql.Tx, o Org) error {
	if o.ParentID != 0 {
		cycle, err := createsCycle(tx, o.ID, o.ParentID)
		if err != nil {
			return err
		}
		if cycle {
			return Invalid{{"ParentID", "上级组织不能是它自己或它的下级"}}
		}
	}
	if o.IsBranch() && !o.IsTemporary() {
		return nil
	}
	n, err := count(tx, "该组织的党员人数", `SELECT COUNT(*) FROM membership WHERE branch_id=? AND status=?`, o.ID, StatusNormal)
	if err != nil {
		return err
	}
	if n > 0 {
		return Invalid{{"TypeCode", fmt.Sprintf("“%s”还有 %d 名党员，不能改为%s；请先把他们转到其他支部", o.Name, n, TypeName(o.TypeCode))}}
	}
	return nil
}

// hostUnit finds or creates the unit named in o.UnitName when o names one without its id.
func hostUnit(tx *sql.Tx, o *Org) error {
	if o.UnitID != 0 || strings.TrimSpace(o.UnitName) == "" {
		return nil
	}
	id, err := ensureUnit(tx, o.UnitName, o.UnitKind)
	o.UnitID = id
	return err
}

func orgArgs(o Org) []any {
	return []any{
		nullID(o.ParentID), o.TypeCode, strings.TrimSpace(o.Name), o.ShortName, nullID(o.UnitID),
		DateText(o.Founded), DateText(o.Abolished), o.Mission, DateText(o.MissionStart), DateText(o.MissionEnd),
		DateText(o.PledgeSigned), o.Sort,
	}
}

// orgName is an organisation's name for the log, "" for none (the root's parent).
func orgName(q queryer, id int64) string {
	if id == 0 {
		return ""
	}
	o, err := orgByID(q, id)
	if err != nil {
		return "（编号" + strconv.FormatInt(id, 10) + "）"
	}
	return o.Name
}

func orgWriteError(name string, err error) error {
	if KindOf(err) == KindUnique {
		return Invalid{{"Name", fmt.Sprintf("已有名为“%s”的党组织，请换一个名称", name)}}
	}
	return err
}

// createsCycle tells whether putting id under parent would make it its own ancestor. A parent
// that does not exist ends the walk; a database error refuses the move.
func createsCycle(q queryer, id, parent int64) (bool, error) {
	for p := parent; p != 0; {
		if p == id {
			return true, nil
		}
		err := q.QueryRow(`SELECT COALESCE(parent_id,0) FROM org WHERE id=?`, p).Scan(&p)
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		if err != nil {
			return false, sqldb.CheckFailed("上级组织的隶属关系", err)
		}
	}
	return false, nil
}

// AbolishOrg marks an organisation abolished on day. One that still has members in normal
// standing or live sub-organisations is refused: move them first.
func (s *Store) AbolishOrg(ctx context.Context, id int64, day time.Time, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return errors.New("请填写撤销原因，它会记入操作日志")
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var name, founded string
		if err := tx.QueryRow(`SELECT name, founded FROM org WHERE id=?`, id).Scan(&name, &founded); err != nil {
			return lookupFailed("要撤销的组织", err)
		}
		if day.IsZero() {
			return errors.New("请填写撤销日期")
		}
		if founded != "" && DateText(day) < founded {
			// Saved, it would make every later edit of the record refuse (ValidateOrg).
			return fmt.Errorf("撤销日期 %s 早于“%s”的成立日期 %s，请核对撤销日期", DateText(day), name, founded)
		}
		members, err := count(tx, "该组织的党员人数", `SELECT COUNT(*) FROM membership WHERE branch_id=? AND status=?`, id, StatusNormal)
		if err != nil {
			return err
		}
		children, err := count(tx, "该组织的下级组织", `SELECT COUNT(*) FROM org WHERE parent_id=? AND abolished=''`, id)
		if err != nil {
			return err
		}
		if members > 0 {
			return fmt.Errorf("“%s”还有 %d 名党员，不能撤销；请先把他们转到其他支部", name, members)
		}
		if children > 0 {
			return fmt.Errorf("“%s”还有 %d 个下级组织，不能撤销；请先撤销或调整下级组织", name, children)
		}
		if _, err := tx.Exec(`UPDATE org SET abolished=? WHERE id=?`, DateText(day), id); err != nil {
			return err
		}
		return s.audit(tx, "撤销组织", name, "撤销日期 "+DateText(day), reason, 0)
	})
}

// Units lists the host units.
func (s *Store) Units(ctx context.Context) ([]Unit, error) { return readWith(ctx, s, unitsIn) }

func unitsIn(q queryer) ([]Unit, error) {
	return collect(q, func(rows scanner) (Unit, error) {
		var u Unit
		if err := rows.Scan(&u.ID, &u.Name, &u.Kind); err != nil {
			return u, err
		}
		return u, nil
	}, `SELECT id, name, kind FROM unit ORDER BY kind, name`)
}

// ensureUnit finds a unit by name or creates it with kind, so a unit named in a sheet exists
// once.
func ensureUnit(q queryer, name, kind string) (int64, error) {
	name = strings.TrimSpace(name)
	var id int64
	err := q.QueryRow(`SELECT id FROM unit WHERE name=?`, name).Scan(&id)
	if err == nil {
		if kind != "" {
			_, err = q.Exec(`UPDATE unit SET kind=? WHERE id=? AND kind=''`, kind, id)
		}
		return id, err
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err // the read failed: its transaction may be gone, so no insert may follow
	}
	res, err := q.Exec(`INSERT INTO unit(name, kind) VALUES (?, ?)`, name, kind)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}
