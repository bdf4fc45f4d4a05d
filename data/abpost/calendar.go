package abpost

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"dangjian/data"
	"dangjian/data/internal/sqldb"
)

// CalendarDay is an exception to the Monday–Friday week: a public holiday (Working false) or an
// adjusted working day such as a Saturday worked in exchange (调休上班, Working true).
type CalendarDay struct {
	ID      int64
	Day     time.Time
	Working bool
	Name    string
}

// Calendar tells service days from days off. The zero value is the plain Monday–Friday week.
type Calendar struct {
	except map[int]bool // day number → working
}

// NewCalendar builds a calendar from its exceptions.
func NewCalendar(days []CalendarDay) Calendar {
	c := Calendar{except: make(map[int]bool, len(days))}
	for _, d := range days {
		c.except[dayNum(d.Day)] = d.Working
	}
	return c
}

// ServiceDay tells whether the offices are open on t.
func (c Calendar) ServiceDay(t time.Time) bool { return c.serviceNum(dayNum(t)) }

func (c Calendar) serviceNum(n int) bool {
	if w, ok := c.except[n]; ok {
		return w
	}
	wd := numDay(n).Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// ServiceDays lists the service days in [from, to].
func (c Calendar) ServiceDays(from, to time.Time) []time.Time {
	var out []time.Time
	for n, end := dayNum(from), dayNum(to); n <= end; n++ {
		if c.serviceNum(n) {
			out = append(out, numDay(n))
		}
	}
	return out
}

// AddServiceDays is the service day n service days after t (n ≥ 0; n = 0 is t itself when it
// is one, else the next) — how a time limit in working days becomes a date.
func (c Calendar) AddServiceDays(t time.Time, n int) time.Time {
	d := dayNum(t)
	for !c.serviceNum(d) {
		d++
	}
	for ; n > 0; n-- {
		d++
		for !c.serviceNum(d) {
			d++
		}
	}
	return numDay(d)
}

// prevServiceDay is the last service day before day number n.
func (c Calendar) prevServiceDay(n int) int {
	for i := 0; i < 60; i++ {
		n--
		if c.serviceNum(n) {
			return n
		}
	}
	return n
}

// CalendarDays lists the exceptions, by date.
func CalendarDays(ctx context.Context, s *data.Store) ([]CalendarDay, error) {
	return calendarDays(sqldb.Of(s).Q(ctx), "", "")
}

func calendarDays(q sqldb.Queryer, from, to string) ([]CalendarDay, error) {
	query := `SELECT id, day, working, name FROM ab_calendar_day`
	var args []any
	if from != "" {
		query += ` WHERE day >= ? AND day <= ?`
		args = append(args, from, to)
	}
	return sqldb.Collect(context.Background(), q, func(rows sqldb.Scanner) (CalendarDay, error) {
		var d CalendarDay
		var dt string
		err := rows.Scan(&d.ID, &dt, &d.Working, &d.Name)
		d.Day = data.ParseDateText(dt)
		return d, err
	}, query+` ORDER BY day`, args...)
}

// LoadCalendar reads every exception into a Calendar.
func LoadCalendar(ctx context.Context, s *data.Store) (Calendar, error) {
	days, err := CalendarDays(ctx, s)
	return NewCalendar(days), err
}

// SaveCalendarDay sets (or replaces) the exception for one day.
func SaveCalendarDay(ctx context.Context, s *data.Store, d CalendarDay) error {
	if d.Day.IsZero() {
		return data.Invalid{{Field: "Day", Message: "请填写日期"}}
	}
	return sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		_, err := putCalendarDay(tx, nil, d)
		return err
	})
}

// putCalendarDay inserts or updates one exception; with a batch it records the change for undo.
// It reports whether anything changed.
func putCalendarDay(tx *sql.Tx, b sqldb.Batch, d CalendarDay) (bool, error) {
	text := data.DateText(d.Day)
	var id int64
	var working bool
	var name string
	err := tx.QueryRow(`SELECT id, working, name FROM ab_calendar_day WHERE day=?`, text).Scan(&id, &working, &name)
	switch {
	case err == sql.ErrNoRows:
		res, err := tx.Exec(`INSERT INTO ab_calendar_day(day, working, name) VALUES (?,?,?)`, text, d.Working, d.Name)
		if err != nil {
			return false, err
		}
		if b != nil {
			id, _ = res.LastInsertId()
			return true, b.Inserted("ab_calendar_day", id)
		}
		return true, nil
	case err != nil:
		return false, err
	}
	if working == d.Working && name == d.Name {
		return false, nil
	}
	if b != nil {
		if err := b.Updating("ab_calendar_day", id); err != nil {
			return false, err
		}
	}
	_, err = tx.Exec(`UPDATE ab_calendar_day SET working=?, name=? WHERE id=?`, d.Working, d.Name, id)
	return true, err
}

// DeleteCalendarDay removes an exception: the day follows the plain week again.
func DeleteCalendarDay(ctx context.Context, s *data.Store, day time.Time) error {
	return sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec(`DELETE FROM ab_calendar_day WHERE day=?`, data.DateText(day))
		return err
	})
}

// ImportCalendar stores holiday and adjusted-working-day rows as one undoable batch, after a
// backup. It returns the batch id and how many days were added or changed.
func ImportCalendar(ctx context.Context, s *data.Store, days []CalendarDay, source string) (int64, int, error) {
	if len(days) == 0 {
		return 0, 0, fmt.Errorf("表中没有可导入的日期；请在第一列填日期、第二列填“放假”或“上班”")
	}
	if _, err := s.AutoBackup("导入节假日前"); err != nil {
		return 0, 0, err
	}
	var batchID int64
	changed := 0
	err := sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		b, err := sqldb.Of(s).BeginBatch(tx, "节假日导入", source)
		if err != nil {
			return err
		}
		batchID = b.ID()
		for _, d := range days {
			if err := ctx.Err(); err != nil {
				return err
			}
			ok, err := putCalendarDay(tx, b, d)
			if err != nil {
				return err
			}
			if ok {
				changed++
			}
		}
		return b.Finish(fmt.Sprintf("节假日与调休 %d 天，新增或修改 %d 天", len(days), changed))
	})
	return batchID, changed, err
}
