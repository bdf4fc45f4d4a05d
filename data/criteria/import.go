package criteria

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"dangjian/data/internal/sqldb"

	"dangjian/data"
)

// ScoreEntry is one score read from a filled sheet.
type ScoreEntry struct {
	Key    CellKey
	Points float64
	Note   string
}

// OverrideEntry is a computed value changed on a filled sheet, with the reason written there.
type OverrideEntry struct {
	Organ, Indicator int64
	Points           float64
	Reason           string
}

// OrganDate is the 考评日期 written on an organ's filled sheet.
type OrganDate struct {
	Organ int64
	Date  time.Time
}

// SheetRead is everything taken from filled sheets: scores, overrides of computed values and
// the 考评日期 of each sheet.
type SheetRead struct {
	Scores    []ScoreEntry
	Overrides []OverrideEntry
	Dates     []OrganDate
}

// Empty tells whether nothing was taken.
func (r SheetRead) Empty() bool { return len(r.Scores)+len(r.Overrides)+len(r.Dates) == 0 }

// ImportSummary says what an import did.
type ImportSummary struct {
	BatchID                      int64
	Inserted, Updated, Unchanged int
	Overrides                    int
	Dates                        int // 考评日期 stored or changed
}

// ImportScores writes scores and overrides read from filled sheets into a round; see ImportRead.
func ImportScores(ctx context.Context, s *data.Store, roundID int64, entries []ScoreEntry, ovs []OverrideEntry, source string) (ImportSummary, error) {
	return ImportRead(ctx, s, roundID, SheetRead{Scores: entries, Overrides: ovs}, source)
}

// ImportRead writes what filled sheets hold into a round as one undoable batch (评分导入),
// after a backup. Every entry is checked again here; one bad entry refuses the whole file and
// changes nothing. What is already so is counted unchanged and written nowhere, so importing
// the same file twice changes nothing the second time.
func ImportRead(ctx context.Context, s *data.Store, roundID int64, read SheetRead, source string) (ImportSummary, error) {
	var sum ImportSummary
	if _, err := s.AutoBackup("评分导入前"); err != nil {
		return sum, fmt.Errorf("导入前备份失败，未导入：%w", err)
	}
	err := sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		r, inds, err := roundContext(tx, roundID)
		if err != nil {
			return err
		}
		b, err := sqldb.Of(s).BeginBatch(tx, "评分导入", source)
		if err != nil {
			return err
		}
		sum.BatchID = b.ID()
		im := readImport{tx: tx, r: r, inds: inds, b: b, sum: &sum}
		if err := im.scores(read.Scores); err != nil {
			return err
		}
		if err := im.overrides(s, read.Overrides); err != nil {
			return err
		}
		if err := im.dates(read.Dates); err != nil {
			return err
		}
		return b.Finish(fmt.Sprintf("%s：新增 %d 条评分，修改 %d 条，未变 %d 条，修正计算值 %d 项，考评日期 %d 个", r.Name, sum.Inserted, sum.Updated, sum.Unchanged, sum.Overrides, sum.Dates))
	})
	return sum, err
}

// readImport writes one SheetRead into round r inside ImportRead's transaction and batch,
// counting what it did in sum.
type readImport struct {
	tx   *sql.Tx
	r    Round
	inds map[int64]Indicator
	b    sqldb.Batch
	sum  *ImportSummary
}

// scores writes the typed scores; an entry outside the round, for a group that takes no
// typed scores or for a computed indicator, or with points the indicator does not allow,
// refuses the import.
func (im readImport) scores(entries []ScoreEntry) error {
	for _, e := range entries {
		in, ok := im.inds[e.Key.Indicator]
		g, gok := groupOf(im.r, e.Key.Group)
		if !ok || !gok || organName(im.r, e.Key.Organ) == "" || g.Kind != GroupScore || in.FromData() {
			return fmt.Errorf("评分表中有不属于考评轮次“%s”的评分，未导入", im.r.Name)
		}
		if err := CheckPoints(in, e.Points); err != nil {
			return fmt.Errorf("%s：%w", organName(im.r, e.Key.Organ), err)
		}
		op, err := upsertScore(im.tx, e.Key, e.Points, e.Note, im.b)
		if err != nil {
			return err
		}
		count(im.sum, op)
	}
	return nil
}

// overrides writes the corrected computed values, each change audited with its reason.
func (im readImport) overrides(s *data.Store, ovs []OverrideEntry) error {
	for _, o := range ovs {
		in, ok := im.inds[o.Indicator]
		if !ok || organName(im.r, o.Organ) == "" {
			return fmt.Errorf("评分表中有不属于考评轮次“%s”的计算指标，未导入", im.r.Name)
		}
		if err := CheckPoints(in, o.Points); err != nil {
			return fmt.Errorf("%s：%w", organName(im.r, o.Organ), err)
		}
		op, err := upsertOverride(im.tx, o.Organ, o.Indicator, o.Points, o.Reason, im.b)
		if err != nil {
			return err
		}
		if op == "" {
			continue
		}
		im.sum.Overrides++
		if err := sqldb.Of(s).Audit(im.tx, "修正计算值", im.r.Name, fmt.Sprintf("%s · %s：%s", organName(im.r, o.Organ), in.Name, FormatPoints(o.Points)), o.Reason, im.b.ID()); err != nil {
			return err
		}
	}
	return nil
}

// dates writes the 考评日期 of the organs' sheets.
func (im readImport) dates(dates []OrganDate) error {
	for _, d := range dates {
		if organName(im.r, d.Organ) == "" || d.Date.IsZero() {
			return fmt.Errorf("评分表中有不属于考评轮次“%s”的考评日期，未导入", im.r.Name)
		}
		changed, err := setEvalDate(im.tx, d, im.b)
		if err != nil {
			return err
		}
		if changed {
			im.sum.Dates++
		}
	}
	return nil
}

// setEvalDate stores an organ's 考评日期 when it differs, recording the old row in the batch.
func setEvalDate(tx *sql.Tx, d OrganDate, b sqldb.Batch) (bool, error) {
	var old string
	if err := tx.QueryRow(`SELECT eval_date FROM eval_organ WHERE id=?`, d.Organ).Scan(&old); err != nil {
		return false, err
	}
	text := data.DateText(d.Date)
	if old == text {
		return false, nil
	}
	if err := b.Updating("eval_organ", d.Organ); err != nil {
		return false, err
	}
	_, err := tx.Exec(`UPDATE eval_organ SET eval_date=? WHERE id=?`, text, d.Organ)
	return err == nil, err
}

func count(sum *ImportSummary, op string) {
	switch op {
	case "insert":
		sum.Inserted++
	case "update":
		sum.Updated++
	default:
		sum.Unchanged++
	}
}
