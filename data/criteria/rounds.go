package criteria

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/abpost"
	"dangjian/data/internal/sqldb"
)

// DeptKind is the unit kind of the organs evaluated: the administrative departments, the same
// that run the A/B posts.
const DeptKind = abpost.DeptKind

// Departments lists the units that can be evaluated: the A/B posts' departments, in their order.
func Departments(ctx context.Context, s *data.Store) ([]data.Unit, error) {
	return abpost.Departments(ctx, s)
}

// RoundSpec is what a new round is made of.
type RoundSpec struct {
	Year     int
	Name     string // "" → "YYYY年度模范机关创建考评"
	SetID    int64
	RefDate  time.Time // "" → 31 December of Year
	Deadline time.Time
	UnitIDs  []int64
	Groups   []Group // nil → DefaultGroups
}

// CreateRound creates a round in one transaction and logs it.
func CreateRound(ctx context.Context, s *data.Store, spec RoundSpec) (int64, error) {
	var id int64
	err := sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = createRoundIn(tx, s, spec)
		return err
	})
	return id, err
}

// createRoundIn is CreateRound's writing, inside tx.
func createRoundIn(tx *sql.Tx, s *data.Store, spec RoundSpec) (int64, error) {
	if spec.Name == "" {
		spec.Name = fmt.Sprintf("%d年度模范机关创建考评", spec.Year)
	}
	if spec.RefDate.IsZero() {
		spec.RefDate = time.Date(spec.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	if spec.Groups == nil {
		spec.Groups = DefaultGroups()
	}
	var v data.Invalid
	if spec.Year < 2000 || spec.Year > 2100 {
		v = append(v, data.FieldError{Field: "Year", Message: "请填写四位年度，如 2025"})
	}
	if len(spec.UnitIDs) == 0 {
		v = append(v, data.FieldError{Field: "Organs", Message: "请至少选择一个被考评部门"})
	}
	if msg := checkGroups(spec.Groups); msg != "" {
		v = append(v, data.FieldError{Field: "Groups", Message: msg})
	}
	n, err := sqldb.Count(context.Background(), tx, `SELECT COUNT(*) FROM eval_set WHERE id=?`, spec.SetID)
	if err != nil {
		return 0, sqldb.CheckFailed("本轮使用的指标体系", err)
	}
	if n == 0 {
		v = append(v, data.FieldError{Field: "Set", Message: "请选择本轮使用的指标体系"})
	}
	if len(v) > 0 {
		return 0, v
	}
	res, err := tx.Exec(`INSERT INTO eval_round(year, name, set_id, ref_date, deadline) VALUES (?,?,?,?,?)`,
		spec.Year, spec.Name, spec.SetID, data.DateText(spec.RefDate), data.DateText(spec.Deadline))
	if err != nil {
		return 0, err
	}
	id, _ := res.LastInsertId()
	for i, u := range spec.UnitIDs {
		if _, err := tx.Exec(`INSERT INTO eval_organ(round_id, unit_id, sort) VALUES (?,?,?)`, id, u, i); err != nil {
			return 0, fmt.Errorf("被考评部门重复或不存在：%w", err)
		}
	}
	for i, g := range spec.Groups {
		if _, err := tx.Exec(`INSERT INTO eval_group(round_id, name, weight, kind, deadline, sort) VALUES (?,?,?,?,?,?)`,
			id, g.Name, g.Weight, string(g.Kind), data.DateText(g.Deadline), i); err != nil {
			return 0, err
		}
	}
	return id, sqldb.Of(s).Audit(tx, "创建考评轮次", spec.Name, fmt.Sprintf("%d 个部门，%d 个考评主体", len(spec.UnitIDs), len(spec.Groups)), "", 0)
}

func checkGroups(gs []Group) string {
	total := 0.0
	names := map[string]bool{}
	for _, g := range gs {
		if g.Name == "" || names[g.Name] {
			return "考评主体名称不能为空或重复"
		}
		names[g.Name] = true
		if g.Weight < 0 {
			return fmt.Sprintf("考评主体“%s”的权重不能为负数", g.Name)
		}
		if g.Kind != GroupScore && g.Kind != GroupBallot {
			return fmt.Sprintf("考评主体“%s”的方式应为评分或测评", g.Name)
		}
		total += g.Weight
	}
	if len(gs) == 0 || total <= 0 {
		return "请至少设置一个权重大于 0 的考评主体"
	}
	// Weights are percentages of the total: a set that does not come to 100 would quietly
	// rescale every organ's total, so it is refused with the sum it came to.
	if math.Abs(total-100) > 0.001 {
		return fmt.Sprintf("考评主体权重合计为 %s，应为 100，请调整各主体的权重", FormatPoints(total))
	}
	return ""
}

// RoundInfo is one line of the list of rounds.
type RoundInfo struct {
	ID     int64  `json:"id"`
	Year   int    `json:"year"`
	Name   string `json:"name"`
	Locked bool   `json:"locked"`
}

// Rounds lists the rounds, newest first.
func Rounds(ctx context.Context, s *data.Store) ([]RoundInfo, error) {
	return sqldb.Collect(ctx, sqldb.Of(s).Q(ctx), func(rows sqldb.Scanner) (RoundInfo, error) {
		var r RoundInfo
		return r, rows.Scan(&r.ID, &r.Year, &r.Name, &r.Locked)
	}, `SELECT id, year, name, locked FROM eval_round ORDER BY year DESC, id DESC`)
}

// LoadRound reads a round with its organs and groups.
func LoadRound(ctx context.Context, s *data.Store, id int64) (Round, error) {
	return loadRound(sqldb.Of(s).Q(ctx), id)
}

func loadRound(q queryer, id int64) (Round, error) {
	r := Round{ID: id}
	var ref, due string
	err := q.QueryRow(`SELECT year, name, set_id, ref_date, deadline, locked, locked_at, lock_reason FROM eval_round WHERE id=?`, id).
		Scan(&r.Year, &r.Name, &r.SetID, &ref, &due, &r.Locked, &r.LockedAt, &r.LockReason)
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("找不到编号为 %d 的考评轮次；用 eval rounds 查看已有轮次", id)
	}
	if err != nil {
		return r, err
	}
	r.RefDate, r.Deadline = data.ParseDateText(ref), data.ParseDateText(due)
	ctx := context.Background()
	r.Organs, err = sqldb.Collect(ctx, q, func(rows sqldb.Scanner) (Organ, error) {
		var o Organ
		var date string
		err := rows.Scan(&o.ID, &o.UnitID, &o.Name, &date)
		o.EvalDate = data.ParseDateText(date)
		return o, err
	}, `SELECT o.id, o.unit_id, u.name, o.eval_date FROM eval_organ o JOIN unit u ON u.id=o.unit_id WHERE o.round_id=? ORDER BY o.sort, o.id`, id)
	if err != nil {
		return r, err
	}
	r.Groups, err = sqldb.Collect(ctx, q, func(rows sqldb.Scanner) (Group, error) {
		var g Group
		var kind, dl string
		err := rows.Scan(&g.ID, &g.Name, &g.Weight, &kind, &dl)
		g.Kind, g.Deadline = GroupKind(kind), data.ParseDateText(dl)
		return g, err
	}, `SELECT id, name, weight, kind, deadline FROM eval_group WHERE round_id=? ORDER BY sort, id`, id)
	return r, err
}

// ErrLocked refuses a change to a locked round.
var ErrLocked = errors.New("考评轮次已锁定")

// writable refuses changes to a locked round, saying how to proceed.
func writable(q queryer, roundID int64) error {
	var locked bool
	var name string
	if err := q.QueryRow(`SELECT locked, name FROM eval_round WHERE id=?`, roundID).Scan(&locked, &name); err != nil {
		return fmt.Errorf("找不到编号为 %d 的考评轮次", roundID)
	}
	if locked {
		return fmt.Errorf("%w：“%s”已定稿锁定，不能修改；如确需修改，请先填写理由解锁", ErrLocked, name)
	}
	return nil
}

// Lock finalises a round: from now on only Unlock (with a reason) lets it change.
func Lock(ctx context.Context, s *data.Store, roundID int64, reason string) error {
	return setLock(ctx, s, roundID, true, reason)
}

// Unlock reopens a locked round; the reason is required and kept in the audit.
func Unlock(ctx context.Context, s *data.Store, roundID int64, reason string) error {
	if strings.TrimSpace(reason) == "" {
		return data.Invalid{{Field: "Reason", Message: "解锁须填写理由，例如“更正考评组录入错误”"}}
	}
	return setLock(ctx, s, roundID, false, reason)
}

func setLock(ctx context.Context, s *data.Store, roundID int64, lock bool, reason string) error {
	return sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		r, err := loadRound(tx, roundID)
		if err != nil {
			return err
		}
		if r.Locked == lock {
			return nil
		}
		at := ""
		action := "解锁考评轮次"
		if lock {
			at = s.Now().Format(time.RFC3339)
			action = "锁定考评轮次"
		}
		if _, err := tx.Exec(`UPDATE eval_round SET locked=?, locked_at=?, lock_reason=? WHERE id=?`, lock, at, reason, roundID); err != nil {
			return err
		}
		return sqldb.Of(s).Audit(tx, action, r.Name, "", reason, 0)
	})
}
