package criteria

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"dangjian/data"
	"dangjian/data/internal/sqldb"
)

// CellKey names one score: organ × indicator × evaluator group.
type CellKey struct{ Organ, Indicator, Group int64 }

// Score is one entered score with its note (扣分/加分说明).
type Score struct {
	Points float64
	Note   string
}

// CheckPoints refuses a score the indicator cannot take: not a number, negative, above the
// max, or (for graded indicators) not one of the levels. The message names the indicator.
func CheckPoints(in Indicator, v float64) error {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return fmt.Errorf("“%s”的分数不是数字", in.Name)
	case v < 0:
		return fmt.Errorf("“%s”的分数不能为负数（扣分请填扣后的得分）", in.Name)
	case v > in.Max+1e-9:
		return fmt.Errorf("“%s”的分数 %s 超过分值 %s", in.Name, FormatPoints(v), FormatPoints(in.Max))
	}
	if in.Method == Graded && len(in.Levels) > 0 {
		for _, l := range in.Levels {
			if math.Abs(l-v) < 1e-9 {
				return nil
			}
		}
		return fmt.Errorf("“%s”按分档计分，只能填 %s 之一", in.Name, strings.ReplaceAll(FormatLevels(in.Levels), "/", "、"))
	}
	return nil
}

// Scores reads every entered score of a round.
func Scores(ctx context.Context, s *data.Store, roundID int64) (map[CellKey]Score, error) {
	return scores(sqldb.Of(s).Q(ctx), roundID)
}

func scores(q queryer, roundID int64) (map[CellKey]Score, error) {
	out := map[CellKey]Score{}
	err := sqldb.Each(context.Background(), q, func(rows sqldb.Scanner) error {
		var k CellKey
		var sc Score
		if err := rows.Scan(&k.Organ, &k.Indicator, &k.Group, &sc.Points, &sc.Note); err != nil {
			return err
		}
		out[k] = sc
		return nil
	}, `SELECT sc.organ_id, sc.indicator_id, sc.group_id, sc.points, sc.note FROM eval_score sc
		JOIN eval_organ o ON o.id=sc.organ_id WHERE o.round_id=?`, roundID)
	return out, err
}

// roundContext loads what checking an entry needs, inside tx: the round, refused when it is
// locked, and its indicators by ID.
func roundContext(tx *sql.Tx, roundID int64) (Round, map[int64]Indicator, error) {
	if err := writable(tx, roundID); err != nil {
		return Round{}, nil, err
	}
	r, err := loadRound(tx, roundID)
	if err != nil {
		return r, nil, err
	}
	set, err := loadSet(tx, r.SetID)
	if err != nil {
		return r, nil, err
	}
	byID := map[int64]Indicator{}
	for _, in := range set.Indicators() {
		byID[in.ID] = in
	}
	return r, byID, nil
}

func organName(r Round, id int64) string {
	for _, o := range r.Organs {
		if o.ID == id {
			return o.Name
		}
	}
	return ""
}

func groupOf(r Round, id int64) (Group, bool) {
	for _, g := range r.Groups {
		if g.ID == id {
			return g, true
		}
	}
	return Group{}, false
}

// SetScore enters (or, with points nil, clears) one score, checked against the max, and logs
// it in the audit as 评分修改.
func SetScore(ctx context.Context, s *data.Store, roundID int64, k CellKey, points *float64, note string) error {
	return sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		r, inds, err := roundContext(tx, roundID)
		if err != nil {
			return err
		}
		in, ok := inds[k.Indicator]
		g, gok := groupOf(r, k.Group)
		organ := organName(r, k.Organ)
		if !ok || !gok || organ == "" {
			return fmt.Errorf("该评分格不属于考评轮次“%s”，请刷新后重试", r.Name)
		}
		if g.Kind != GroupScore {
			return fmt.Errorf("“%s”按测评票计分，请录入测评票数", g.Name)
		}
		if in.FromData() {
			return fmt.Errorf("“%s”由数据自动计算，如需改动请填写理由后修正计算值", in.Name)
		}
		detail := fmt.Sprintf("%s · %s · %s：", organ, g.Name, in.Name)
		if points == nil {
			_, err := tx.Exec(`DELETE FROM eval_score WHERE organ_id=? AND indicator_id=? AND group_id=?`, k.Organ, k.Indicator, k.Group)
			if err != nil {
				return err
			}
			return sqldb.Of(s).Audit(tx, "评分修改", r.Name, detail+"清除", "", 0)
		}
		if err := CheckPoints(in, *points); err != nil {
			return err
		}
		if _, err := upsertScore(tx, k, *points, note, nil); err != nil {
			return err
		}
		return sqldb.Of(s).Audit(tx, "评分修改", r.Name, detail+FormatPoints(*points), note, 0)
	})
}

// upsertScore writes a score, recording it in the batch when one is given. It reports what it
// did: "insert", "update" or "" when the score was already so.
func upsertScore(tx *sql.Tx, k CellKey, points float64, note string, b sqldb.Batch) (string, error) {
	return upsertPoints(tx, pointsRow{"eval_score", "note", []string{"organ_id", "indicator_id", "group_id"}, []any{k.Organ, k.Indicator, k.Group}}, points, note, b)
}

// Override replaces a computed (or balloted) value for one organ with the evaluator's, for the
// reason given (required, kept in the audit). points nil removes the override.
func Override(ctx context.Context, s *data.Store, roundID, organID, indicatorID int64, points *float64, reason string) error {
	return sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		r, inds, err := roundContext(tx, roundID)
		if err != nil {
			return err
		}
		in, ok := inds[indicatorID]
		organ := organName(r, organID)
		if !ok || organ == "" {
			return fmt.Errorf("该指标不属于考评轮次“%s”，请刷新后重试", r.Name)
		}
		if points == nil {
			if _, err := tx.Exec(`DELETE FROM eval_override WHERE organ_id=? AND indicator_id=?`, organID, indicatorID); err != nil {
				return err
			}
			return sqldb.Of(s).Audit(tx, "撤销修正计算值", r.Name, organ+" · "+in.Name, reason, 0)
		}
		if strings.TrimSpace(reason) == "" {
			return data.Invalid{{Field: "Reason", Message: fmt.Sprintf("修正“%s”的计算值须填写理由", in.Name)}}
		}
		if err := CheckPoints(in, *points); err != nil {
			return err
		}
		if _, err := upsertOverride(tx, organID, indicatorID, *points, reason, nil); err != nil {
			return err
		}
		return sqldb.Of(s).Audit(tx, "修正计算值", r.Name, fmt.Sprintf("%s · %s：%s", organ, in.Name, FormatPoints(*points)), reason, 0)
	})
}

func upsertOverride(tx *sql.Tx, organID, indicatorID int64, points float64, reason string, b sqldb.Batch) (string, error) {
	return upsertPoints(tx, pointsRow{"eval_override", "reason", []string{"organ_id", "indicator_id"}, []any{organID, indicatorID}}, points, reason, b)
}

// pointsRow names a row of points and its text (a score's note, an override's reason): the
// table, the text's column, and the key columns with their values.
type pointsRow struct {
	table, text string
	keys        []string
	vals        []any
}

// upsertPoints writes points and text into the row, recording it in the batch when one is
// given, and reports "insert", "update", or "" when the row was already so. Table and column
// names are the constants above, never user input.
func upsertPoints(tx *sql.Tx, r pointsRow, points float64, text string, b sqldb.Batch) (string, error) {
	where := strings.Join(r.keys, "=? AND ") + "=?"
	var id int64
	var old float64
	var oldText string
	err := tx.QueryRow(`SELECT id, points, `+r.text+` FROM `+r.table+` WHERE `+where, r.vals...).Scan(&id, &old, &oldText)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		cols := strings.Join(r.keys, ", ") + ", points, " + r.text
		marks := strings.Repeat("?, ", len(r.keys)+1) + "?"
		res, err := tx.Exec(`INSERT INTO `+r.table+`(`+cols+`) VALUES (`+marks+`)`, append(slices.Clone(r.vals), points, text)...)
		if err != nil {
			return "", err
		}
		if b != nil {
			id, _ := res.LastInsertId()
			return "insert", b.Inserted(r.table, id)
		}
		return "insert", nil
	case err != nil:
		return "", err
	}
	if old == points && oldText == text {
		return "", nil
	}
	if b != nil {
		if err := b.Updating(r.table, id); err != nil {
			return "", err
		}
	}
	_, err = tx.Exec(`UPDATE `+r.table+` SET points=?, `+r.text+`=? WHERE id=?`, points, text, id)
	return "update", err
}

// Overrides reads the round's overrides: organ → indicator → override.
func Overrides(ctx context.Context, s *data.Store, roundID int64) (map[[2]int64]OverrideValue, error) {
	return overrides(sqldb.Of(s).Q(ctx), roundID)
}

// OverrideValue is an evaluator's replacement of a computed value.
type OverrideValue struct {
	Points float64
	Reason string
}

func overrides(q queryer, roundID int64) (map[[2]int64]OverrideValue, error) {
	out := map[[2]int64]OverrideValue{}
	err := sqldb.Each(context.Background(), q, func(rows sqldb.Scanner) error {
		var k [2]int64
		var v OverrideValue
		if err := rows.Scan(&k[0], &k[1], &v.Points, &v.Reason); err != nil {
			return err
		}
		out[k] = v
		return nil
	}, `SELECT ov.organ_id, ov.indicator_id, ov.points, ov.reason FROM eval_override ov JOIN eval_organ o ON o.id=ov.organ_id WHERE o.round_id=?`, roundID)
	return out, err
}
