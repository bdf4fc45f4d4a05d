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

// A membership changes only through these dated actions, each with a reason, so the roster's
// history (转入、转出、内部调动、状态变更) can always be told.

// SetStatus changes a member's roster status (正常 / 已转出 / 已减员 / 历史) on day, with a reason,
// dated in the transfer record and the audit log.
func (s *Store) SetStatus(ctx context.Context, personID int64, status string, day time.Time, reason string) error {
	if !contains(Statuses, status) {
		return fmt.Errorf("党籍状态须为：%s", strings.Join(Statuses, "、"))
	}
	if strings.TrimSpace(reason) == "" {
		return errors.New("请填写变更原因")
	}
	if err := s.actionDay(day); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var name, old string
		var branch int64
		if err := tx.QueryRow(`SELECT p.name, m.status, m.branch_id FROM membership m JOIN person p ON p.id=m.person_id WHERE p.id=?`, personID).Scan(&name, &old, &branch); err != nil {
			return lookupFailed("该党员的党籍", err)
		}
		if old == status {
			return fmt.Errorf("%s的党籍状态已经是“%s”", name, status)
		}
		if status == StatusNormal {
			// Back in standing, he must stand in a live branch, or no branch rule counts him.
			home, err := orgByID(tx, branch)
			if err != nil {
				return err
			}
			if !home.Standing() {
				why := "已撤销"
				if home.Live() {
					why = "不是在册的党支部"
				}
				return fmt.Errorf("%s原所在的“%s”%s，不能在该支部恢复为正常；请用“转接”把他转入一个在册的党支部", name, home.Name, why)
			}
		}
		if _, err := tx.Exec(`UPDATE membership SET status=? WHERE person_id=?`, status, personID); err != nil {
			return err
		}
		detail := old + " → " + status
		if status != StatusNormal {
			ended, err := endSeatsIn(tx, personID, branch, day)
			if err != nil {
				return err
			}
			detail += ended
		}
		if _, err := tx.Exec(`INSERT INTO transfer(person_id, from_branch, to_branch, on_date, kind, detail, reason) VALUES (?,?,?,?,?,?,?)`,
			personID, branch, branch, DateText(day), "状态变更", detail, reason); err != nil {
			return err
		}
		return s.audit(tx, "状态变更", name, detail, reason, 0)
	})
}

// TransferMember moves a member to another branch on day. toBranch 0 means out of the
// institute (转出): the status becomes 已转出 and the home branch stays as the last one.
func (s *Store) TransferMember(ctx context.Context, personID, toBranch int64, day time.Time, reason string) error {
	if strings.TrimSpace(reason) == "" {
		return errors.New("请填写转接原因")
	}
	if err := s.actionDay(day); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var name, status, fromName string
		var from int64
		if err := tx.QueryRow(`SELECT p.name, m.status, m.branch_id, o.name FROM membership m JOIN person p ON p.id=m.person_id
			JOIN org o ON o.id=m.branch_id WHERE p.id=?`, personID).Scan(&name, &status, &from, &fromName); err != nil {
			return lookupFailed("该党员的党籍", err)
		}
		if toBranch == from {
			return fmt.Errorf("%s已在“%s”", name, fromName)
		}
		kind, detail := "转出", fromName+" → 院外"
		if toBranch != 0 {
			to, err := orgByID(tx, toBranch)
			if errors.Is(err, ErrNotFound) {
				return fmt.Errorf("目标支部不存在")
			}
			if err != nil {
				return sqldb.CheckFailed("目标支部", err)
			}
			if !to.Standing() {
				return fmt.Errorf("“%s”不是在册的党支部，不能转入；请选择一个正式党支部", to.Name)
			}
			kind, detail = "内部调动", fromName+" → "+to.Name
			if status != StatusNormal {
				kind = "转入"
			}
			if _, err := tx.Exec(`UPDATE membership SET branch_id=?, status=? WHERE person_id=?`, toBranch, StatusNormal, personID); err != nil {
				return err
			}
		} else {
			if _, err := tx.Exec(`UPDATE membership SET status=? WHERE person_id=?`, StatusTransferred, personID); err != nil {
				return err
			}
		}
		ended, err := endSeatsIn(tx, personID, from, day)
		if err != nil {
			return err
		}
		detail += ended
		if _, err := tx.Exec(`INSERT INTO transfer(person_id, from_branch, to_branch, on_date, kind, detail, reason) VALUES (?,?,?,?,?,?,?)`,
			personID, from, nullID(toBranch), DateText(day), kind, detail, reason); err != nil {
			return err
		}
		return s.audit(tx, "转接", name, kind+"："+detail, reason, 0)
	})
}

// actionDay refuses a transfer or status change without a date or dated after today: the
// record tells what happened, not what is planned.
func (s *Store) actionDay(day time.Time) error {
	if day.IsZero() {
		return errors.New("请填写日期")
	}
	if day.After(s.Today()) {
		return fmt.Errorf("日期 %s 晚于今天，请填写已经发生的日期", DateText(day))
	}
	return nil
}

// endSeatsIn ends, on day, the seats a member holds on the committee of the branch he leaves
// or stops standing in: a transferred-out 书记 must not go on counting as the secretary. It says
// what it ended, for the record.
func endSeatsIn(tx *sql.Tx, personID, orgID int64, day time.Time) (string, error) {
	type held struct {
		id   int64
		role string
	}
	seats, err := collect(tx, func(rows scanner) (held, error) {
		var h held
		return h, rows.Scan(&h.id, &h.role)
	}, `SELECT s.id, s.role FROM seat s JOIN term t ON t.id = s.term_id
		WHERE s.person_id = ? AND t.org_id = ? AND s.to_date = ''`, personID, orgID)
	if err != nil {
		return "", err
	}
	var ids []int64
	var roles []string
	for _, h := range seats {
		ids, roles = append(ids, h.id), append(roles, h.role)
	}
	for _, id := range ids {
		if _, err := tx.Exec(`UPDATE seat SET to_date = ? WHERE id = ?`, DateText(day), id); err != nil {
			return "", err
		}
	}
	if len(roles) == 0 {
		return "", nil
	}
	return "（同时免去" + strings.Join(roles, "、") + "职务）", nil
}

// Transfers lists a member's dated moves and status changes, oldest first.
func (s *Store) Transfers(ctx context.Context, personID int64) ([]Transfer, error) {
	return sqldb.Collect(ctx, s.q(ctx), func(rows scanner) (Transfer, error) {
		var t Transfer
		var on string
		if err := rows.Scan(&t.ID, &t.PersonID, &t.FromBranch, &t.ToBranch, &on, &t.Kind, &t.Detail, &t.Reason); err != nil {
			return t, err
		}
		t.On = ParseDateText(on)
		return t, nil
	}, `SELECT id, person_id, COALESCE(from_branch,0), COALESCE(to_branch,0), on_date, kind, detail, reason
		FROM transfer WHERE person_id=? ORDER BY on_date, id`, personID)
}
