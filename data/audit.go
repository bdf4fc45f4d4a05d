package data

import (
	"context"
	"strings"
	"time"

	"dangjian/data/internal/sqldb"
)

// AuditEntry is one line of the 操作日志: who did what, when and why.
type AuditEntry struct {
	ID      int64
	At      time.Time
	User    string
	Action  string
	Subject string
	Detail  string
	Reason  string
	BatchID int64
}

func (s *Store) audit(q queryer, action, subject, detail, reason string, batchID int64) error {
	_, err := q.Exec(`INSERT INTO audit(at, user, action, subject, detail, reason, batch_id) VALUES (?,?,?,?,?,?,?)`,
		s.Now().Format(time.RFC3339), s.User, action, subject, detail, reason, nullID(batchID))
	return err
}

// AuditFilter narrows the log: by action, by text in subject/detail/reason, and by time.
type AuditFilter struct {
	Action string
	Text   string
	From   time.Time
	To     time.Time // inclusive day
	Limit  int
}

// AuditLog lists entries newest first.
func (s *Store) AuditLog(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	q := `SELECT id, at, user, action, subject, detail, reason, COALESCE(batch_id,0) FROM audit WHERE 1=1`
	var args []any
	if f.Action != "" {
		q += ` AND action = ?`
		args = append(args, f.Action)
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		q += ` AND (subject LIKE ? OR detail LIKE ? OR reason LIKE ? OR user LIKE ?)`
		like := "%" + t + "%"
		args = append(args, like, like, like, like)
	}
	if !f.From.IsZero() {
		q += ` AND at >= ?`
		args = append(args, DateText(f.From))
	}
	if !f.To.IsZero() {
		q += ` AND at < ?`
		args = append(args, DateText(f.To.AddDate(0, 0, 1)))
	}
	q += ` ORDER BY id DESC`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	return sqldb.Collect(ctx, s.q(ctx), func(rows scanner) (AuditEntry, error) {
		var e AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.User, &e.Action, &e.Subject, &e.Detail, &e.Reason, &e.BatchID); err != nil {
			return e, err
		}
		e.At, _ = time.Parse(time.RFC3339, at)
		return e, nil
	}, q, args...)
}
