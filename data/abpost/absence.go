package abpost

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/internal/sqldb"
)

// AbsenceFilter narrows the absence list. Zero values mean "all".
type AbsenceFilter struct {
	PersonID int64
	From, To time.Time // absences overlapping [From, To]
}

// Absences lists absences, newest first.
func Absences(ctx context.Context, s *data.Store, f AbsenceFilter) ([]Absence, error) {
	q := `SELECT a.id, a.person_id, p.name, COALESCE(u.name,''), a.from_date, a.to_date, a.kind, a.handover_note, a.handed_over
		FROM ab_absence a JOIN person p ON p.id = a.person_id LEFT JOIN unit u ON u.id = p.unit_id WHERE 1=1`
	var args []any
	if f.PersonID != 0 {
		q += ` AND a.person_id = ?`
		args = append(args, f.PersonID)
	}
	if !f.From.IsZero() {
		q += ` AND a.to_date >= ?`
		args = append(args, data.DateText(f.From))
	}
	if !f.To.IsZero() {
		q += ` AND a.from_date <= ?`
		args = append(args, data.DateText(f.To))
	}
	return sqldb.Collect(ctx, sqldb.Of(s).Q(ctx), func(rows sqldb.Scanner) (Absence, error) {
		var a Absence
		var from, to string
		err := rows.Scan(&a.ID, &a.PersonID, &a.Name, &a.Dept, &from, &to, &a.Kind, &a.HandoverNote, &a.HandedOver)
		a.From, a.To = data.ParseDateText(from), data.ParseDateText(to)
		return a, err
	}, q+` ORDER BY a.from_date DESC, a.id DESC`, args...)
}

// RecordAbsence saves an absence (ID 0: a new one) and returns the warnings it causes on the
// person's items over its days: recording is allowed even when it leaves an item with nobody
// (people do fall ill), but the office must hear at once which items and days. An absence that
// ends before it starts, or overlaps another absence of the same person, is refused.
func RecordAbsence(ctx context.Context, s *data.Store, a *Absence) ([]Warning, error) {
	a.From, a.To = day(a.From), day(a.To)
	if a.Kind == "" {
		a.Kind = AbsenceKinds[0]
	}
	if v := ValidateAbsence(*a); len(v) > 0 {
		return nil, v
	}
	err := sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		action := "登记不在岗"
		if a.ID != 0 {
			action = "修改不在岗"
		}
		if err := saveAbsenceIn(tx, a); err != nil {
			return err
		}
		return sqldb.Of(s).Audit(tx, action, a.Name, fmt.Sprintf("%s %s 至 %s", a.Kind, data.DateText(a.From), data.DateText(a.To)), a.HandoverNote, 0)
	})
	if err != nil {
		return nil, err
	}
	return AbsenceWarnings(ctx, s, *a)
}

// AbsenceWarnings are the warnings over an absence's days (and its handover day) that concern
// the items the person holds: gaps, B away on the handover day, a person left alone with too many.
func AbsenceWarnings(ctx context.Context, s *data.Store, a Absence) ([]Warning, error) {
	cal, err := LoadCalendar(ctx, s)
	if err != nil {
		return nil, err
	}
	from := numDay(cal.prevServiceDay(dayNum(a.From)))
	cov, err := ComputeCoverage(ctx, s, from, a.To)
	if err != nil {
		return nil, err
	}
	mine := map[int64]bool{}
	for i, it := range cov.Items {
		for _, c := range cov.Cells[i] {
			if c.A == a.PersonID || c.B == a.PersonID {
				mine[it.ID] = true
			}
		}
	}
	var out []Warning
	for _, w := range cov.Warnings {
		onItem := w.ItemID != 0 && mine[w.ItemID] && w.Kind != WarnNoB && w.Kind != WarnDoors
		onPerson := w.ItemID == 0 && (w.Kind == WarnSole || w.PersonID == a.PersonID)
		if onItem || onPerson {
			out = append(out, w)
		}
	}
	return out, nil
}

// EndAbsence ends an absence on the day before back (the person is back on that day); an
// absence that had not started yet is removed.
func EndAbsence(ctx context.Context, s *data.Store, id int64, back time.Time) error {
	back = day(back)
	return sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		var name, from, to string
		err := tx.QueryRow(`SELECT p.name, a.from_date, a.to_date FROM ab_absence a JOIN person p ON p.id=a.person_id WHERE a.id=?`, id).Scan(&name, &from, &to)
		if err != nil {
			return data.ErrNotFound
		}
		last := data.DateText(back.AddDate(0, 0, -1))
		if last >= to {
			return fmt.Errorf("%s 的这次不在岗到 %s 才结束，无需提前销假", name, to)
		}
		if last < from {
			_, err = tx.Exec(`DELETE FROM ab_absence WHERE id=?`, id)
		} else {
			_, err = tx.Exec(`UPDATE ab_absence SET to_date=? WHERE id=?`, last, id)
		}
		if err != nil {
			return err
		}
		return sqldb.Of(s).Audit(tx, "销假", name, fmt.Sprintf("原定 %s 至 %s，%s 返岗", from, to, data.DateText(back)), "", 0)
	})
}

// DeleteAbsence removes an absence recorded by mistake; the UI confirms first.
func DeleteAbsence(ctx context.Context, s *data.Store, id int64) error {
	return sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		var name, from, to string
		if err := tx.QueryRow(`SELECT p.name, a.from_date, a.to_date FROM ab_absence a JOIN person p ON p.id=a.person_id WHERE a.id=?`, id).Scan(&name, &from, &to); err != nil {
			return data.ErrNotFound
		}
		if _, err := tx.Exec(`DELETE FROM ab_absence WHERE id=?`, id); err != nil {
			return err
		}
		return sqldb.Of(s).Audit(tx, "删除不在岗记录", name, from+" 至 "+to, "", 0)
	})
}

// saveAbsenceIn checks and stores an absence inside tx, refusing one that ends before it starts or overlaps the person's other absences.
func saveAbsenceIn(tx *sql.Tx, a *Absence) error {
	a.From, a.To = day(a.From), day(a.To)
	if a.Kind == "" {
		a.Kind = AbsenceKinds[0]
	}
	if v := ValidateAbsence(*a); len(v) > 0 {
		return v
	}
	if err := tx.QueryRow(`SELECT name FROM person WHERE id=?`, a.PersonID).Scan(&a.Name); err != nil {
		return data.Invalid{{Field: "PersonID", Message: "所选人员不存在，可能已被删除；请重新选择"}}
	}
	var other int64
	var of, ot, kind string
	err := tx.QueryRow(`SELECT id, from_date, to_date, kind FROM ab_absence WHERE person_id=? AND id<>?
		AND from_date <= ? AND to_date >= ? ORDER BY from_date LIMIT 1`,
		a.PersonID, a.ID, data.DateText(a.To), data.DateText(a.From)).Scan(&other, &of, &ot, &kind)
	if err == nil {
		return data.Invalid{{Field: "From", Message: fmt.Sprintf("%s 已登记 %s 至 %s %s，与本次 %s 至 %s 重叠；请修改原记录或调整日期",
			a.Name, of, ot, kind, data.DateText(a.From), data.DateText(a.To))}}
	}
	if err != sql.ErrNoRows {
		return err
	}
	args := []any{a.PersonID, data.DateText(a.From), data.DateText(a.To), a.Kind, strings.TrimSpace(a.HandoverNote), a.HandedOver}
	if a.ID == 0 {
		res, err := tx.Exec(`INSERT INTO ab_absence(person_id, from_date, to_date, kind, handover_note, handed_over) VALUES (?,?,?,?,?,?)`, args...)
		if err != nil {
			return err
		}
		a.ID, _ = res.LastInsertId()
	} else {
		res, err := tx.Exec(`UPDATE ab_absence SET person_id=?, from_date=?, to_date=?, kind=?, handover_note=?, handed_over=? WHERE id=?`, append(args, a.ID)...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return data.ErrNotFound
		}
	}
	return nil
}
