package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"dangjian/data/internal/sqldb"
)

// Saving organisations as part of an import batch: the same rules as SaveOrg (ValidateOrg, no
// cycle, no branch with members turned into something that cannot hold them, unique names),
// the same audit entries, plus where an organisation may sit — and each save recorded in the
// batch so that the import undoes as a whole. A save that is refused leaves nothing behind in
// the transaction, so the import goes on with the next row.

// OrgPlacement says what is wrong with putting o under parent, "" when nothing: a parent
// that is abolished, or a branch, which holds members and no organisations.
func OrgPlacement(parent, o Org) string {
	switch {
	case !parent.Live():
		return fmt.Sprintf("上级组织“%s”已撤销，不能在其下设立党组织；请改填现有的上级组织", parent.Name)
	case parent.IsBranch():
		return fmt.Sprintf("“%s”是%s，支部之下不能再设党组织；请把上级改为党委或党总支", parent.Name, TypeName(parent.TypeCode))
	}
	return ""
}

// placementAllowed refuses o under a parent OrgPlacement objects to.
func placementAllowed(q queryer, o Org) error {
	if o.ParentID == 0 {
		return nil
	}
	parent, err := orgByID(q, o.ParentID)
	if errors.Is(err, ErrNotFound) {
		return Invalid{{"ParentID", "所选的上级组织已不存在（可能已被删除）；请重新选择上级组织"}}
	}
	if err != nil {
		return lookupFailed("上级组织", err)
	}
	if msg := OrgPlacement(parent, o); msg != "" {
		return Invalid{{"ParentID", msg}}
	}
	return nil
}

// SaveOrgInBatch creates (ID 0) or updates o inside tx as one change of batch b. A refusal is
// an Invalid (or the store's error) and the transaction is as it was before the call.
func (s *Store) SaveOrgInBatch(tx *sql.Tx, b sqldb.Batch, o *Org) error {
	if v := ValidateOrg(*o, s.Today()); len(v) > 0 {
		return v
	}
	if err := placementAllowed(tx, *o); err != nil {
		return err
	}
	// A unit that exists is used as it is; only a new one is created, and recorded.
	newUnit := false
	if o.UnitID == 0 && strings.TrimSpace(o.UnitName) != "" {
		err := tx.QueryRow(`SELECT id FROM unit WHERE name = ?`, strings.TrimSpace(o.UnitName)).Scan(&o.UnitID)
		if errors.Is(err, sql.ErrNoRows) {
			newUnit = true
		} else if err != nil {
			return lookupFailed("依托单位", err)
		}
	}
	// Records already made are written before the savepoint: a rollback to it must not lose them.
	if err := b.Flush(); err != nil {
		return err
	}
	if _, err := tx.Exec(`SAVEPOINT save_org`); err != nil {
		return err
	}
	created := o.ID == 0
	err := func() error {
		if created {
			return s.createOrg(tx, o)
		}
		if err := b.Updating("org", o.ID); err != nil {
			return err
		}
		return s.updateOrg(tx, o)
	}()
	if err != nil {
		if _, rerr := tx.Exec(`ROLLBACK TO save_org`); rerr != nil {
			return rerr
		}
		tx.Exec(`RELEASE save_org`)
		if newUnit {
			o.UnitID = 0
		}
		if created {
			o.ID = 0
		}
		return err
	}
	if _, err := tx.Exec(`RELEASE save_org`); err != nil {
		return err
	}
	if newUnit {
		if err := b.Inserted("unit", o.UnitID); err != nil {
			return err
		}
	}
	if created {
		return b.Inserted("org", o.ID)
	}
	return nil
}

// Secretaries maps each organisation to the name of its current 书记 (a seat not ended, on a
// term not ended), for the organisation sheet.
func (s *Store) Secretaries(ctx context.Context) (map[int64]string, error) {
	out := map[int64]string{}
	rows, err := s.q(ctx).QueryContext(ctx, `SELECT t.org_id, p.name FROM seat st JOIN term t ON t.id = st.term_id JOIN person p ON p.id = st.person_id
		WHERE st.role = '书记' AND st.to_date = '' AND t.actual_end = '' ORDER BY t.start_date, st.from_date`)
	if err != nil {
		return nil, fmt.Errorf("无法读取各组织的书记（读取数据库失败）：%w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		out[id] = name
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// OrgTx reads one organisation inside tx (an import reads what it has just written).
func (s *Store) OrgTx(tx *sql.Tx, id int64) (Org, error) { return orgByID(tx, id) }
