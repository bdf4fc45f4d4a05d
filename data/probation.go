package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// A probationary member's probation ends in one of three decisions (发展党员工作细则): 转正,
// 延长预备期 (once, six months to a year) or 取消预备党员资格. Each is taken by the branch's general
// meeting (支部大会) and approved by the 党委 (党委审批); both dates are kept in the member's record
// and the audit log, and the roster rules (ProbationDue) follow at once.

// Kinds of probation decision, as the member's record and the audit log name them.
const (
	DecisionFull    = "转正"
	DecisionExtend  = "延长预备期"
	DecisionCancel  = "取消预备党员资格"
	extendMinMonths = 6
	extendMaxMonths = 12
)

// ProbationDecision is what the branch decided and when the 党委 approved it.
type ProbationDecision struct {
	Meeting  time.Time // 支部大会 that discussed it
	Approved time.Time // 党委审批
	Reason   string    // required to extend or cancel
	Months   int       // 延长预备期 only: by how many months (6–12)
}

// ConfirmFullMember makes a probationary member a full member (转正). Party standing as a full
// member counts from the day the probation ended, so the 转正日期 recorded is that day
// (ProbationDue), not the meeting's.
func (s *Store) ConfirmFullMember(ctx context.Context, personID int64, d ProbationDecision) error {
	return s.decideProbation(ctx, personID, DecisionFull, d, func(tx *sql.Tx, m Member, due time.Time) (string, error) {
		if d.Meeting.Before(due) {
			return "", fmt.Errorf("%s的预备期到 %s 才满，支部大会 %s 还不能讨论转正；请核对日期", m.Name, DateText(due), DateText(d.Meeting))
		}
		_, err := tx.Exec(`UPDATE membership SET category=?, full_date=? WHERE person_id=?`, CategoryFull, DateText(due), personID)
		return "转正日期 " + DateText(due), err
	})
}

// ExtendProbation extends a probation once, by d.Months (six months to a year) from its end.
func (s *Store) ExtendProbation(ctx context.Context, personID int64, d ProbationDecision) error {
	if d.Months < extendMinMonths || d.Months > extendMaxMonths {
		return fmt.Errorf("延长预备期不能少于 %d 个月、不能超过 %d 个月，请重新选择", extendMinMonths, extendMaxMonths)
	}
	return s.decideProbation(ctx, personID, DecisionExtend, d, func(tx *sql.Tx, m Member, due time.Time) (string, error) {
		if !m.ProbationExtended.IsZero() {
			return "", fmt.Errorf("%s的预备期已延长至 %s，预备期只能延长一次；期满后请讨论转正或取消预备党员资格", m.Name, DateText(m.ProbationExtended))
		}
		if d.Meeting.Before(due) {
			return "", fmt.Errorf("%s的预备期到 %s 才满，延长预备期须在期满时由支部大会讨论；请核对日期", m.Name, DateText(due))
		}
		end := due.AddDate(0, d.Months, 0)
		_, err := tx.Exec(`UPDATE membership SET probation_end=? WHERE person_id=?`, DateText(end), personID)
		return fmt.Sprintf("延长 %d 个月，预备期至 %s", d.Months, DateText(end)), err
	})
}

// CancelProbation cancels a probationary membership (取消预备党员资格): the member leaves the
// roster (已减员) and any committee seat, with the reason in the record.
func (s *Store) CancelProbation(ctx context.Context, personID int64, d ProbationDecision) error {
	return s.decideProbation(ctx, personID, DecisionCancel, d, func(tx *sql.Tx, m Member, _ time.Time) (string, error) {
		if _, err := tx.Exec(`UPDATE membership SET status=? WHERE person_id=?`, StatusRemoved, personID); err != nil {
			return "", err
		}
		ended, err := endSeatsIn(tx, personID, m.BranchID, d.Approved)
		return StatusNormal + " → " + StatusRemoved + ended, err
	})
}

// decideProbation checks what every decision needs — a probationary member in the roster, the
// meeting on or after joining, the approval on or after the meeting and not after today, a
// reason where the rules ask one — then applies it, records it and logs it in one transaction.
func (s *Store) decideProbation(ctx context.Context, personID int64, kind string, d ProbationDecision,
	apply func(tx *sql.Tx, m Member, due time.Time) (string, error),
) error {
	if d.Meeting.IsZero() {
		return errors.New("请填写支部大会讨论的日期")
	}
	if d.Approved.IsZero() {
		return errors.New("请填写党委审批的日期")
	}
	if d.Approved.Before(d.Meeting) {
		return fmt.Errorf("党委审批日期 %s 早于支部大会 %s，请核对", DateText(d.Approved), DateText(d.Meeting))
	}
	if err := s.actionDay(d.Approved); err != nil {
		return err
	}
	reason := strings.TrimSpace(d.Reason)
	if reason == "" && kind != DecisionFull {
		return fmt.Errorf("请填写%s的原因，它会记入党员档案", kind)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		m, err := memberIn(tx, personID)
		if err != nil {
			return lookupFailed("该党员的党籍", err)
		}
		if m.Category != CategoryProbation || m.Status != StatusNormal {
			return fmt.Errorf("%s不是在册的预备党员（%s，%s），不能办理%s", m.Name, m.Category, m.Status, kind)
		}
		due := m.ProbationDue()
		if due.IsZero() {
			return fmt.Errorf("%s没有入党日期，算不出预备期；请先在党员信息里填写入党日期", m.Name)
		}
		if d.Meeting.Before(m.Joined) {
			return fmt.Errorf("支部大会 %s 早于%s的入党日期 %s，请核对", DateText(d.Meeting), m.Name, DateText(m.Joined))
		}
		outcome, err := apply(tx, m, due)
		if err != nil {
			return err
		}
		detail := fmt.Sprintf("支部大会 %s，党委审批 %s；%s", DateText(d.Meeting), DateText(d.Approved), outcome)
		if _, err := tx.Exec(`INSERT INTO transfer(person_id, from_branch, to_branch, on_date, kind, detail, reason) VALUES (?,?,?,?,?,?,?)`,
			personID, m.BranchID, m.BranchID, DateText(d.Approved), kind, detail, reason); err != nil {
			return err
		}
		return s.audit(tx, kind, m.Name, detail, reason, 0)
	})
}
