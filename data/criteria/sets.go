package criteria

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"dangjian/data"
	"dangjian/data/internal/sqldb"
)

// queryer serves reads inside and outside a transaction.
type queryer = sqldb.Queryer

// SetInfo is one line of the list of criteria sets.
type SetInfo struct {
	ID   int64
	Year int
	Name string
}

// Sets lists the criteria sets, newest year first. The default set is created on first use,
// so a new database always has one to start from.
func Sets(ctx context.Context, s *data.Store) ([]SetInfo, error) {
	n, err := sqldb.Count(ctx, sqldb.Of(s).Q(ctx), `SELECT COUNT(*) FROM eval_set`)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		if err := sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
			_, err := ensureDefault(tx, s.Today().Year())
			return err
		}); err != nil {
			return nil, err
		}
	}
	return sqldb.Collect(ctx, sqldb.Of(s).Q(ctx), func(rows sqldb.Scanner) (SetInfo, error) {
		var si SetInfo
		return si, rows.Scan(&si.ID, &si.Year, &si.Name)
	}, `SELECT id, year, name FROM eval_set ORDER BY year DESC, id DESC`)
}

// EnsureDefault returns the set of year, inserting the default set when the year has none.
func EnsureDefault(ctx context.Context, s *data.Store, year int) (int64, error) {
	var id int64
	err := sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = ensureDefault(tx, year)
		return err
	})
	return id, err
}

func ensureDefault(tx *sql.Tx, year int) (int64, error) {
	var id int64
	err := tx.QueryRow(`SELECT id FROM eval_set WHERE year=? ORDER BY id LIMIT 1`, year).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	set := DefaultSet(year)
	if err := insertSet(tx, &set); err != nil {
		return 0, err
	}
	return set.ID, nil
}

// LoadSet reads a set with its dimensions and indicators.
func LoadSet(ctx context.Context, s *data.Store, id int64) (Set, error) {
	return loadSet(sqldb.Of(s).Q(ctx), id)
}

func loadSet(q queryer, id int64) (Set, error) {
	set := Set{ID: id}
	if err := q.QueryRow(`SELECT year, name, note FROM eval_set WHERE id=?`, id).Scan(&set.Year, &set.Name, &set.Note); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return set, fmt.Errorf("找不到编号为 %d 的指标体系", id)
		}
		return set, err
	}
	err := sqldb.Each(context.Background(), q, func(rows sqldb.Scanner) error {
		var d Dimension
		var in Indicator
		var bonus int
		var method, levels string
		if err := rows.Scan(&d.ID, &d.Name, &d.Weight, &bonus, &d.Cap, &in.ID, &in.Name, &in.Content, &in.Max, &method, &levels, &in.Source); err != nil {
			return err
		}
		d.Bonus = bonus != 0
		if n := len(set.Dimensions); n == 0 || set.Dimensions[n-1].ID != d.ID {
			set.Dimensions = append(set.Dimensions, d)
		}
		if in.ID != 0 {
			in.Method = Method(method)
			in.Levels = parseLevels(levels)
			last := &set.Dimensions[len(set.Dimensions)-1]
			last.Indicators = append(last.Indicators, in)
		}
		return nil
	}, `SELECT d.id, d.name, d.weight, d.bonus, d.cap, COALESCE(i.id,0), COALESCE(i.name,''), COALESCE(i.content,''),
		COALESCE(i.max_points,0), COALESCE(i.method,''), COALESCE(i.levels,''), COALESCE(i.source,'')
		FROM eval_dimension d LEFT JOIN eval_indicator i ON i.dimension_id=d.id
		WHERE d.set_id=? ORDER BY d.sort, d.id, i.sort, i.id`, id)
	return set, err
}

func parseLevels(s string) []float64 {
	var out []float64
	for _, f := range strings.Split(s, "/") {
		if v, err := strconv.ParseFloat(strings.TrimSpace(f), 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}

// FormatLevels writes graded levels as "8/6/4/0".
func FormatLevels(l []float64) string {
	parts := make([]string, len(l))
	for i, v := range l {
		parts[i] = FormatPoints(v)
	}
	return strings.Join(parts, "/")
}

// FormatPoints writes points without trailing zeros: 8, 5.5, 5.67.
func FormatPoints(v float64) string { return strconv.FormatFloat(round2(v), 'f', -1, 64) }

func round2(v float64) float64 { return math.Round(v*100) / 100 }

func insertSet(tx *sql.Tx, set *Set) error {
	res, err := tx.Exec(`INSERT INTO eval_set(year, name, note) VALUES (?,?,?)`, set.Year, set.Name, set.Note)
	if err != nil {
		return err
	}
	set.ID, _ = res.LastInsertId()
	return insertDimensions(tx, set)
}

func insertDimensions(tx *sql.Tx, set *Set) error {
	for di := range set.Dimensions {
		d := &set.Dimensions[di]
		res, err := tx.Exec(`INSERT INTO eval_dimension(set_id, name, weight, bonus, cap, sort) VALUES (?,?,?,?,?,?)`,
			set.ID, d.Name, d.Weight, d.Bonus, d.Cap, di)
		if err != nil {
			return err
		}
		d.ID, _ = res.LastInsertId()
		for ii := range d.Indicators {
			in := &d.Indicators[ii]
			res, err := tx.Exec(`INSERT INTO eval_indicator(dimension_id, name, content, max_points, method, levels, source, sort) VALUES (?,?,?,?,?,?,?,?)`,
				d.ID, in.Name, in.Content, in.Max, string(in.Method), FormatLevels(in.Levels), in.Source, ii)
			if err != nil {
				return err
			}
			in.ID, _ = res.LastInsertId()
		}
	}
	return nil
}

// CopySet copies a set to a new year (e.g. last year's set as the start of this year's).
func CopySet(ctx context.Context, s *data.Store, id int64, year int) (int64, error) {
	var newID int64
	err := sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		set, err := loadSet(tx, id)
		if err != nil {
			return err
		}
		// One set per year: a second one would leave rounds and the year's pick choosing
		// between two sets of the same name without anyone noticing.
		var other string
		err = tx.QueryRow(`SELECT name FROM eval_set WHERE year=? ORDER BY id LIMIT 1`, year).Scan(&other)
		if err == nil {
			return data.Invalid{{Field: "Year", Message: fmt.Sprintf("%d 年度已有指标体系“%s”，不能再复制一套；请直接选择它修改，或填写别的年度", year, other)}}
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		old := set.Year
		set.Year = year
		set.Name = strings.Replace(set.Name, strconv.Itoa(old), strconv.Itoa(year), 1)
		if err := insertSet(tx, &set); err != nil {
			return err
		}
		newID = set.ID
		return sqldb.Of(s).Audit(tx, "复制指标体系", set.Name, fmt.Sprintf("复制为 %d 年度", year), "", 0)
	})
	return newID, err
}

// SaveSet replaces a set's dimensions and indicators with those given. A set used by a round
// that has scores keeps its indicator ids (scores point at them): then only text, weights and
// max points may change, not the list of indicators.
func SaveSet(ctx context.Context, s *data.Store, set Set) error {
	if v := Validate(set); len(v) > 0 {
		return v
	}
	return sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.Exec(`UPDATE eval_set SET year=?, name=?, note=? WHERE id=?`, set.Year, set.Name, set.Note, set.ID); err != nil {
			return err
		}
		used, err := inUse(tx, set.ID)
		if err != nil {
			return err
		}
		if used {
			if err := updateInPlace(tx, set); err != nil {
				return err
			}
		} else {
			if _, err := tx.Exec(`DELETE FROM eval_dimension WHERE set_id=?`, set.ID); err != nil {
				return err
			}
			if err := insertDimensions(tx, &set); err != nil {
				return err
			}
		}
		return sqldb.Of(s).Audit(tx, "修改指标体系", set.Name, fmt.Sprintf("%d 年度，%d 个一级指标", set.Year, len(set.Dimensions)), "", 0)
	})
}

// inUse tells whether a set has scores, which pin its indicators. Scores that cannot be read
// refuse the save: taken for none, the set would be rebuilt under its scores.
func inUse(tx *sql.Tx, setID int64) (bool, error) {
	n, err := sqldb.Count(context.Background(), tx, `SELECT COUNT(*) FROM eval_score sc JOIN eval_indicator i ON i.id=sc.indicator_id JOIN eval_dimension d ON d.id=i.dimension_id WHERE d.set_id=?`, setID)
	if err != nil {
		return false, sqldb.CheckFailed("该指标体系是否已有评分", err)
	}
	return n > 0, nil
}

func updateInPlace(tx *sql.Tx, set Set) error {
	old, err := loadSet(tx, set.ID)
	if err != nil {
		return err
	}
	// Compare ids, not counts: deleting one indicator and adding another keeps the count, and
	// writing by position would then move scores onto the wrong indicators.
	same := len(old.Dimensions) == len(set.Dimensions)
	for di := 0; same && di < len(set.Dimensions); di++ {
		was, now := old.Dimensions[di].Indicators, set.Dimensions[di].Indicators
		same = len(was) == len(now)
		for ii := 0; same && ii < len(now); ii++ {
			same = was[ii].ID == now[ii].ID
		}
	}
	if !same {
		return fmt.Errorf("指标体系“%s”已有评分，不能增删指标；请先复制为新的年度方案再调整结构", set.Name)
	}
	for di, d := range set.Dimensions {
		if _, err := tx.Exec(`UPDATE eval_dimension SET name=?, weight=?, bonus=?, cap=? WHERE id=?`, d.Name, d.Weight, d.Bonus, d.Cap, old.Dimensions[di].ID); err != nil {
			return err
		}
		for ii, in := range d.Indicators {
			if _, err := tx.Exec(`UPDATE eval_indicator SET name=?, content=?, max_points=?, method=?, levels=?, source=? WHERE id=?`,
				in.Name, in.Content, in.Max, string(in.Method), FormatLevels(in.Levels), in.Source, old.Dimensions[di].Indicators[ii].ID); err != nil {
				return err
			}
		}
	}
	return nil
}
