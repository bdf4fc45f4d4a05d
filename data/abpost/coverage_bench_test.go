package abpost

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"dangjian/data/internal/sqldb"

	"dangjian/data"
	"dangjian/data/civil"
	"dangjian/data/storetest"
)

// BenchmarkCoverageYear is the speed target: 500 items over 365 days with 5 000 absences,
// end to end from a real database (loading included), under 200 ms.
func BenchmarkCoverageYear(b *testing.B) {
	start := civil.Date(2026, 1, 1)
	s := storetest.Open(b, start)
	const items, staff, absences = 500, 1000, 5000
	err := sqldb.Of(s).Tx(context.Background(), func(tx *sql.Tx) error {
		unit, err := sqldb.Of(s).EnsureUnit(tx, "综合服务中心", DeptKind)
		if err != nil {
			return err
		}
		for i := 1; i <= staff; i++ {
			if _, err := tx.Exec(`INSERT INTO person(id, name, unit_id) VALUES (?,?,?)`, i, fmt.Sprintf("人员%04d", i), unit); err != nil {
				return err
			}
		}
		for i := 1; i <= items; i++ {
			if _, err := tx.Exec(`INSERT INTO ab_item(id, name, unit_id, door) VALUES (?,?,?, '大厅1号窗口')`, i, fmt.Sprintf("事项%03d", i), unit); err != nil {
				return err
			}
			a, bb := (i*2-1)%staff+1, (i*2)%staff+1
			if _, err := tx.Exec(`INSERT INTO ab_assignment(item_id, role, person_id, from_date) VALUES (?,?,?,?), (?,?,?,?)`,
				i, RoleA, a, "2025-01-01", i, RoleB, bb, "2025-01-01"); err != nil {
				return err
			}
		}
		// Five absences a person, one in each of five separate ten-week stretches, 1–5 days long.
		for k := 0; k < absences; k++ {
			person := k%staff + 1
			slot := k / staff
			from := start.AddDate(0, 0, slot*70+(person/2*7)%60) // A and B of an item share an offset: some gaps
			to := from.AddDate(0, 0, k%5)
			if _, err := tx.Exec(`INSERT INTO ab_absence(person_id, from_date, to_date, kind) VALUES (?,?,?, '请假')`,
				person, data.DateText(from), data.DateText(to)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	end := start.AddDate(0, 0, 364)
	var cov *Coverage
	for b.Loop() {
		cov, err = ComputeCoverage(context.Background(), s, start, end)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	sum := cov.Summary()
	if sum.Items != items || sum.ServiceDays < 250 || sum.ByB == 0 {
		b.Fatalf("unexpected coverage: %+v", sum)
	}
	if per := b.Elapsed() / time.Duration(b.N); per > 200*time.Millisecond {
		b.Errorf("coverage took %v per run, target 200ms", per)
	}
	b.ReportMetric(float64(sum.Gaps), "gaps")
}
