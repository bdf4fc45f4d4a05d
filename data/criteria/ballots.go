package criteria

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"dangjian/data"
	"dangjian/data/internal/sqldb"
)

// Ballot counts the satisfaction ballots (群众满意度测评) of one organ from one evaluator
// category: 满意 100, 基本满意 70, 不满意 30; 不了解 is not counted.
type BallotCount struct {
	Category                               string
	Satisfied, Basic, Unsatisfied, Unknown int
}

// Counted is the number of ballots that count (不了解 excluded).
func (b BallotCount) Counted() int { return b.Satisfied + b.Basic + b.Unsatisfied }

// Score is the satisfaction score 0–100, and false when no ballot counts.
func (b BallotCount) Score() (float64, bool) {
	n := b.Counted()
	if n == 0 {
		return 0, false
	}
	return float64(100*b.Satisfied+70*b.Basic+30*b.Unsatisfied) / float64(n), true
}

// Add sums two counts (all categories of an organ together).
func (b BallotCount) Add(o BallotCount) BallotCount {
	return BallotCount{b.Category, b.Satisfied + o.Satisfied, b.Basic + o.Basic, b.Unsatisfied + o.Unsatisfied, b.Unknown + o.Unknown}
}

// BallotCategories are the evaluator categories the ballot sheet is printed for.
var BallotCategories = []string{"科研人员", "管理人员", "职工代表"}

// SetBallots records the ballot counts of an organ for one category (replacing earlier ones).
func SetBallots(ctx context.Context, s *data.Store, roundID, organID int64, b BallotCount) error {
	if b.Satisfied < 0 || b.Basic < 0 || b.Unsatisfied < 0 || b.Unknown < 0 {
		return data.Invalid{{Field: "Ballot", Message: "票数不能为负数"}}
	}
	b.Category = strings.TrimSpace(b.Category)
	return sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		r, organ, err := organOfRound(tx, roundID, organID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO eval_ballot(organ_id, category, satisfied, basic, unsatisfied, unknown) VALUES (?,?,?,?,?,?)
			ON CONFLICT(organ_id, category) DO UPDATE SET satisfied=excluded.satisfied, basic=excluded.basic, unsatisfied=excluded.unsatisfied, unknown=excluded.unknown`,
			organID, b.Category, b.Satisfied, b.Basic, b.Unsatisfied, b.Unknown); err != nil {
			return err
		}
		return sqldb.Of(s).Audit(tx, "录入测评票", r.Name, fmt.Sprintf("%s · %s：满意 %d，基本满意 %d，不满意 %d，不了解 %d", organ, b.Category, b.Satisfied, b.Basic, b.Unsatisfied, b.Unknown), "", 0)
	})
}

// Ballots reads the round's ballot counts per organ, all categories summed.
func Ballots(ctx context.Context, s *data.Store, roundID int64) (map[int64]BallotCount, error) {
	return ballots(sqldb.Of(s).Q(ctx), roundID)
}

// OrganBallots reads one organ's ballot counts per category, so a form can start from what
// was entered before instead of from nothing (saving replaces a category's counts).
func OrganBallots(ctx context.Context, s *data.Store, roundID, organID int64) (map[string]BallotCount, error) {
	out := map[string]BallotCount{}
	err := sqldb.Each(ctx, sqldb.Of(s).Q(ctx), func(rows sqldb.Scanner) error {
		var b BallotCount
		if err := rows.Scan(&b.Category, &b.Satisfied, &b.Basic, &b.Unsatisfied, &b.Unknown); err != nil {
			return err
		}
		out[b.Category] = b
		return nil
	}, `SELECT b.category, b.satisfied, b.basic, b.unsatisfied, b.unknown FROM eval_ballot b
		JOIN eval_organ o ON o.id=b.organ_id WHERE o.round_id=? AND b.organ_id=?`, roundID, organID)
	return out, err
}

func ballots(q queryer, roundID int64) (map[int64]BallotCount, error) {
	out := map[int64]BallotCount{}
	err := sqldb.Each(context.Background(), q, func(rows sqldb.Scanner) error {
		var id int64
		var b BallotCount
		if err := rows.Scan(&id, &b.Satisfied, &b.Basic, &b.Unsatisfied, &b.Unknown); err != nil {
			return err
		}
		out[id] = out[id].Add(b)
		return nil
	}, `SELECT b.organ_id, b.satisfied, b.basic, b.unsatisfied, b.unknown FROM eval_ballot b JOIN eval_organ o ON o.id=b.organ_id WHERE o.round_id=?`, roundID)
	return out, err
}

// organOfRound checks that the round may change and holds the organ, and returns the round
// and the organ's name for the audit.
func organOfRound(tx *sql.Tx, roundID, organID int64) (Round, string, error) {
	if err := writable(tx, roundID); err != nil {
		return Round{}, "", err
	}
	r, err := loadRound(tx, roundID)
	if err != nil {
		return Round{}, "", err
	}
	organ := organName(r, organID)
	if organ == "" {
		return Round{}, "", fmt.Errorf("该部门不在考评轮次“%s”中，请刷新后重试", r.Name)
	}
	return r, organ, nil
}

// SetVeto applies 一票否决 to an organ (reason required), or lifts it when reason is "" and
// lift is true. Both are logged.
func SetVeto(ctx context.Context, s *data.Store, roundID, organID int64, reason string, lift bool) error {
	if !lift && strings.TrimSpace(reason) == "" {
		return data.Invalid{{Field: "Reason", Message: "一票否决须写明事由，例如“发生学术不端”"}}
	}
	return sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		r, organ, err := organOfRound(tx, roundID, organID)
		if err != nil {
			return err
		}
		if lift {
			if _, err := tx.Exec(`DELETE FROM eval_veto WHERE organ_id=?`, organID); err != nil {
				return err
			}
			return sqldb.Of(s).Audit(tx, "撤销一票否决", r.Name, organ, reason, 0)
		}
		if _, err := tx.Exec(`INSERT INTO eval_veto(organ_id, reason) VALUES (?,?) ON CONFLICT(organ_id) DO UPDATE SET reason=excluded.reason`, organID, reason); err != nil {
			return err
		}
		return sqldb.Of(s).Audit(tx, "一票否决", r.Name, organ, reason, 0)
	})
}

func vetoes(q queryer, roundID int64) (map[int64]string, error) {
	out := map[int64]string{}
	err := sqldb.Each(context.Background(), q, func(rows sqldb.Scanner) error {
		var id int64
		var reason string
		if err := rows.Scan(&id, &reason); err != nil {
			return err
		}
		out[id] = reason
		return nil
	}, `SELECT v.organ_id, v.reason FROM eval_veto v JOIN eval_organ o ON o.id=v.organ_id WHERE o.round_id=?`, roundID)
	return out, err
}
