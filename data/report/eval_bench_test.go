package report

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"testing"
	"time"

	"dangjian/data/internal/sqldb"

	"dangjian/data/criteria"
	"dangjian/data/sheets"
	"dangjian/data/storetest"
)

// sixtyOrgans is a round over 60 departments with every hand score entered by the 考评组.
func sixtyOrgans(tb testing.TB) *criteria.Snapshot {
	tb.Helper()
	s := storetest.Open(tb, time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC))
	ctx := context.Background()
	var units []int64
	var setID int64
	err := sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		for i := range 60 {
			id, err := sqldb.Of(s).EnsureUnit(tx, fmt.Sprintf("第%02d职能部门", i+1), criteria.DeptKind)
			if err != nil {
				return err
			}
			units = append(units, id)
		}
		id, err := criteria.EnsureDefault(sqldb.WithTx(ctx, tx), s, 2025)
		setID = id
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	rid, err := criteria.CreateRound(ctx, s, criteria.RoundSpec{Year: 2025, SetID: setID, UnitIDs: units})
	if err != nil {
		tb.Fatal(err)
	}
	sn, _ := criteria.Load(context.Background(), s, rid)
	var entries []criteria.ScoreEntry
	for _, o := range sn.Round.Organs {
		for _, in := range sn.Set.Indicators() {
			if !in.FromData() {
				entries = append(entries, criteria.ScoreEntry{Key: criteria.CellKey{Organ: o.ID, Indicator: in.ID, Group: sn.Round.ScoreGroups()[1].ID}, Points: in.Max, Note: "无扣分"})
			}
		}
	}
	if _, err := criteria.ImportScores(ctx, s, rid, entries, nil, "bench"); err != nil {
		tb.Fatal(err)
	}
	sn, err = criteria.Load(context.Background(), s, rid)
	if err != nil {
		tb.Fatal(err)
	}
	return sn
}

// BenchmarkEvalSheets60 is the speed target: the sheets of 60 organs as xlsx and as
// PDF (one document, one organ per page), together under 3 s.
func BenchmarkEvalSheets60(b *testing.B) {
	sn := sixtyOrgans(b)
	for b.Loop() {
		f, err := sheets.BuildEvalSheets(sn, false)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			b.Fatal(err)
		}
		f.Close()
		if err := EvalSheetsPDF(sn, false).Output(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// One organ per page: 60 organs make at least 60 pages, and none spills onto a second one.
func TestEvalSheetsPDFOnePagePerOrgan(t *testing.T) {
	sn := sixtyOrgans(t)
	p := EvalSheetsPDF(sn, false)
	if err := p.Error(); err != nil {
		t.Fatal(err)
	}
	if n := p.PageCount(); n != 60 {
		t.Errorf("%d pages for 60 organs, want one each", n)
	}
}
