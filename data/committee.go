package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"dangjian/data/internal/sqldb"
)

// Terms lists an organisation's committee terms, newest first, each with its seats.
func (s *Store) Terms(ctx context.Context, orgID int64) ([]Term, error) {
	return readWith(ctx, s, func(q queryer) ([]Term, error) { return terms(q, orgID) })
}

func terms(q queryer, orgID int64) ([]Term, error) {
	out, err := collect(q, scanTerm, `SELECT id, org_id, start_date, due_end, actual_end FROM term WHERE org_id=? ORDER BY start_date DESC, id DESC`, orgID)
	if err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Seats, err = seats(q, `WHERE s.term_id = ?`, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func scanTerm(rows scanner) (Term, error) {
	var t Term
	var a, b, c string
	err := rows.Scan(&t.ID, &t.OrgID, &a, &b, &c)
	t.Start, t.DueEnd, t.ActualEnd = ParseDateText(a), ParseDateText(b), ParseDateText(c)
	return t, err
}

func seats(q queryer, where string, args ...any) ([]Seat, error) {
	return collect(q, func(rows scanner) (Seat, error) {
		var st Seat
		var a, b string
		if err := rows.Scan(&st.ID, &st.TermID, &st.PersonID, &st.Name, &st.Role, &a, &b, &st.Backbone, &st.UnitHead, &st.UnitID); err != nil {
			return st, err
		}
		st.From, st.To = ParseDateText(a), ParseDateText(b)
		return st, nil
	}, `SELECT s.id, s.term_id, s.person_id, p.name, s.role, s.from_date, s.to_date, p.backbone, p.unit_head,
		COALESCE(p.unit_id,0) FROM seat s JOIN person p ON p.id = s.person_id `+where+` ORDER BY s.term_id, s.id`, args...)
}

// StartTerm opens a new committee term (换届) on start, due to end three years later, and closes
// the organisation's previous open term on the same day.
func (s *Store) StartTerm(ctx context.Context, orgID int64, start time.Time) (Term, error) {
	if start.IsZero() {
		return Term{}, errors.New("请填写本届开始日期")
	}
	t := Term{OrgID: orgID, Start: start, DueEnd: start.AddDate(TermYears, 0, 0)}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var name string
		if err := tx.QueryRow(`SELECT name FROM org WHERE id=?`, orgID).Scan(&name); err != nil {
			return lookupFailed("要换届的组织", err)
		}
		if _, err := tx.Exec(`UPDATE term SET actual_end=? WHERE org_id=? AND actual_end=''`, DateText(start), orgID); err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE seat SET to_date=? WHERE to_date='' AND term_id IN (SELECT id FROM term WHERE org_id=?)`, DateText(start), orgID); err != nil {
			return err
		}
		res, err := tx.Exec(`INSERT INTO term(org_id, start_date, due_end) VALUES (?,?,?)`, orgID, DateText(t.Start), DateText(t.DueEnd))
		if err != nil {
			return err
		}
		t.ID, _ = res.LastInsertId()
		return s.audit(tx, "换届", name, "新一届自 "+DateText(start)+" 起，应于 "+DateText(t.DueEnd)+" 前换届", "", 0)
	})
	return t, err
}

// Appoint gives a person a seat on a term's committee from a day. A second current 书记 is refused.
func (s *Store) Appoint(ctx context.Context, termID, personID int64, role string, from time.Time) (Seat, error) {
	st := Seat{TermID: termID, PersonID: personID, Role: role, From: from}
	if !contains(SeatRoles, role) {
		return st, fmt.Errorf("职务须为：%s", strings.Join(SeatRoles, "、"))
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var org, name string
		if err := tx.QueryRow(`SELECT o.name FROM term t JOIN org o ON o.id=t.org_id WHERE t.id=?`, termID).Scan(&org); err != nil {
			return lookupFailed("本届支委会", err)
		}
		if err := tx.QueryRow(`SELECT name FROM person WHERE id=?`, personID).Scan(&name); err != nil {
			return lookupFailed("要任命的人员", err)
		}
		// Committees are elected from full members in standing: a probationary member has no
		// right to be elected, and the seat picker lists staff who are not members at all.
		var category, status string
		err := tx.QueryRow(`SELECT category, status FROM membership WHERE person_id=?`, personID).Scan(&category, &status)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("%s不是本院在册党员，不能任支委；支委须从正式党员中产生", name)
		case err != nil:
			return err
		case status != StatusNormal:
			return fmt.Errorf("%s的党籍状态为“%s”，不能任支委；支委须是党籍正常的正式党员", name, status)
		case category != CategoryFull:
			return fmt.Errorf("%s是预备党员，没有被选举权，不能任支委；请在其转正后再任命", name)
		}
		n, err := count(tx, "本届支委会的现任职务", `SELECT COUNT(*) FROM seat WHERE term_id=? AND person_id=? AND to_date=''`, termID, personID)
		if err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%s已在本届支委会任职；如要改任，请先免去现任职务", name)
		}
		if role == "书记" {
			if n, err = count(tx, "本届是否已有在任书记", `SELECT COUNT(*) FROM seat WHERE term_id=? AND role='书记' AND to_date=''`, termID); err != nil {
				return err
			}
			if n > 0 {
				return errors.New("本届已有在任书记；请先免去现任书记，再任命新书记")
			}
		}
		res, err := tx.Exec(`INSERT INTO seat(term_id, person_id, role, from_date) VALUES (?,?,?,?)`, termID, personID, role, DateText(from))
		if err != nil {
			return err
		}
		st.ID, _ = res.LastInsertId()
		st.Name = name
		return s.audit(tx, "任命", name, org+" "+role, "", 0)
	})
	return st, err
}

// EndSeat ends a seat on a day (免职).
func (s *Store) EndSeat(ctx context.Context, seatID int64, to time.Time, reason string) error {
	if to.IsZero() {
		return errors.New("请填写免职日期")
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return errors.New("请填写免职原因，它会记入操作日志")
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var name, role, from string
		if err := tx.QueryRow(`SELECT p.name, s.role, s.from_date FROM seat s JOIN person p ON p.id=s.person_id WHERE s.id=?`, seatID).Scan(&name, &role, &from); err != nil {
			return lookupFailed("要免去的职务", err)
		}
		if from != "" && DateText(to) < from {
			return errors.New("免职日期不能早于任职日期")
		}
		if _, err := tx.Exec(`UPDATE seat SET to_date=? WHERE id=?`, DateText(to), seatID); err != nil {
			return err
		}
		return s.audit(tx, "免职", name, role, reason, 0)
	})
}

// AddTempMembers puts members into a temporary branch from–to, beside their home branch.
func (s *Store) AddTempMembers(ctx context.Context, branchID int64, personIDs []int64, from, to time.Time) error {
	switch {
	case len(personIDs) == 0:
		return errors.New("请至少选择一名党员")
	case from.IsZero():
		return errors.New("请填写编入日期")
	case !to.IsZero() && to.Before(from):
		return fmt.Errorf("截止日期 %s 早于编入日期 %s，请核对", DateText(to), DateText(from))
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var code int
		var name string
		if err := tx.QueryRow(`SELECT type_code, name FROM org WHERE id=?`, branchID).Scan(&code, &name); err != nil {
			return lookupFailed("临时党支部", err)
		}
		if code != TypeTempBranch {
			return fmt.Errorf("“%s”不是临时党支部", name)
		}
		for _, id := range personIDs {
			if _, err := tx.Exec(`INSERT OR IGNORE INTO temp_member(branch_id, person_id, from_date, to_date) VALUES (?,?,?,?)`,
				branchID, id, DateText(from), DateText(to)); err != nil {
				return err
			}
		}
		return s.audit(tx, "临时支部编入", name, fmt.Sprintf("编入 %d 人", len(personIDs)), "", 0)
	})
}

// RemoveTempMember ends a temporary-branch membership.
func (s *Store) RemoveTempMember(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var person, branch, from, to string
		err := tx.QueryRow(`SELECT p.name, o.name, t.from_date, t.to_date FROM temp_member t JOIN person p ON p.id=t.person_id
			JOIN org o ON o.id=t.branch_id WHERE t.id=?`, id).Scan(&person, &branch, &from, &to)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return sqldb.CheckFailed("要移出的临时支部成员", err)
		}
		if _, err := tx.Exec(`DELETE FROM temp_member WHERE id=?`, id); err != nil {
			return err
		}
		return s.audit(tx, "临时支部移出", branch, fmt.Sprintf("移出 %s（编入期 %s 至 %s）", person, orUnset(from), orUnset(to)), "", 0)
	})
}

// TempMembers lists a temporary branch's members with their home branches.
func (s *Store) TempMembers(ctx context.Context, branchID int64) ([]TempMember, error) {
	return sqldb.Collect(ctx, s.q(ctx), func(rows scanner) (TempMember, error) {
		var t TempMember
		var a, b string
		if err := rows.Scan(&t.ID, &t.BranchID, &t.PersonID, &t.Name, &t.Home, &a, &b); err != nil {
			return t, err
		}
		t.From, t.To = ParseDateText(a), ParseDateText(b)
		return t, nil
	}, `SELECT t.id, t.branch_id, t.person_id, p.name, COALESCE(o.name,''), t.from_date, t.to_date
		FROM temp_member t JOIN person p ON p.id=t.person_id LEFT JOIN membership m ON m.person_id=p.id
		LEFT JOIN org o ON o.id=m.branch_id WHERE t.branch_id=? ORDER BY p.name`, branchID)
}
