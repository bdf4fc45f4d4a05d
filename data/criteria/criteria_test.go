package criteria

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"dangjian/data/internal/sqldb"

	"dangjian/data"
	"dangjian/data/storetest"
)

var ctx = context.Background()

func newStore(t *testing.T) *data.Store {
	t.Helper()
	s := storetest.Open(t, time.Date(2025, 11, 20, 10, 0, 0, 0, time.UTC))
	return s
}

// fixture is a round over three departments with the default set.
type fixture struct {
	s     *data.Store
	round Round
	set   Set
	units []int64
}

func newFixture(t *testing.T, year int, depts ...string) fixture {
	t.Helper()
	s := newStore(t)
	return addRound(t, s, year, depts...)
}

func addRound(t *testing.T, s *data.Store, year int, depts ...string) fixture {
	t.Helper()
	if len(depts) == 0 {
		depts = []string{"科研处", "人事处", "财务处"}
	}
	var ids []int64
	var setID int64
	err := sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		for _, d := range depts {
			id, err := sqldb.Of(s).EnsureUnit(tx, d, DeptKind)
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		var err error
		setID, err = ensureDefault(tx, year)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	rid, err := CreateRound(ctx, s, RoundSpec{Year: year, SetID: setID, UnitIDs: ids})
	if err != nil {
		t.Fatal(err)
	}
	r, _ := LoadRound(context.Background(), s, rid)
	set, _ := LoadSet(context.Background(), s, setID)
	return fixture{s, r, set, ids}
}

func (f fixture) ind(t *testing.T, name string) Indicator {
	for _, in := range f.set.Indicators() {
		if in.Name == name {
			return in
		}
	}
	t.Fatalf("no indicator %s", name)
	return Indicator{}
}

func (f fixture) group(name string) Group {
	for _, g := range f.round.Groups {
		if g.Name == name {
			return g
		}
	}
	return Group{}
}

// fill gives organ every hand-scored indicator: max minus less (never below 0), from every
// score group, and fixes the A/B values by override so the total does not depend on abpost.
func (f fixture) fill(t *testing.T, organ int, less float64) {
	t.Helper()
	o := f.round.Organs[organ]
	for _, g := range f.round.ScoreGroups() {
		for _, in := range f.set.Indicators() {
			if in.FromData() {
				continue
			}
			p := in.Max - less
			if p < 0 {
				p = 0
			}
			if in.Method == Graded {
				p = in.Levels[0]
				if less > 0 {
					p = in.Levels[1]
				}
			}
			if err := SetScore(ctx, f.s, f.round.ID, CellKey{o.ID, in.ID, g.ID}, &p, ""); err != nil {
				t.Fatalf("%s %s: %v", o.Name, in.Name, err)
			}
		}
	}
	for _, n := range []string{"AB岗设置", "一门办结"} {
		six := 6.0
		if err := Override(ctx, f.s, f.round.ID, o.ID, f.ind(t, n).ID, &six, "测试固定AB岗得分"); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDefaultSetAddsUp(t *testing.T) {
	set := DefaultSet(2025)
	if w := Check(set); len(w) != 0 {
		t.Fatalf("default set does not add up: %v", w)
	}
	if len(set.Indicators()) != 16 {
		t.Fatalf("default set has %d indicators, the domain file 16", len(set.Indicators()))
	}
	set.Dimensions[0].Indicators[0].Max = 9
	set.Dimensions[1].Weight = 20
	w := Check(set)
	if len(w) != 3 {
		t.Fatalf("want 3 warnings (政治过硬 sum, 能力过硬 sum, total), got %v", w)
	}
	if !strings.Contains(w[len(w)-1].Message, "95") {
		t.Errorf("total warning should say 95: %s", w[len(w)-1].Message)
	}
}

func TestGrades(t *testing.T) {
	for _, c := range []struct {
		total  float64
		veto   bool
		expect string
	}{
		{100, false, Excellent},
		{90, false, Excellent},
		{89.996, false, Excellent},
		{89.9, false, Good},
		{80, false, Good},
		{79.9, false, Pass},
		{70, false, Pass},
		{69.99, false, Fail},
		{0, false, Fail},
		{98, true, Fail},
	} {
		if g := GradeOf(c.total, c.veto); g != c.expect {
			t.Errorf("GradeOf(%v, %v) = %s, want %s", c.total, c.veto, g, c.expect)
		}
	}
}

func TestScoreChecks(t *testing.T) {
	f := newFixture(t, 2025)
	o := f.round.Organs[0]
	self := f.group("自评")
	for _, c := range []struct {
		ind    string
		points float64
		group  Group
		err    string
	}{
		{"理论武装", 8, self, ""},
		{"理论武装", 7.5, self, ""},
		{"理论武装", 8.5, self, "超过分值 8"},
		{"理论武装", -1, self, "不能为负数"},
		{"政治引领", 6, self, ""},
		{"政治引领", 5, self, "只能填 8、6、4、0 之一"},
		{"AB岗设置", 3, self, "自动计算"},
		{"理论武装", 5, f.group("群众测评"), "测评票"},
	} {
		p := c.points
		err := SetScore(ctx, f.s, f.round.ID, CellKey{o.ID, f.ind(t, c.ind).ID, c.group.ID}, &p, "")
		if c.err == "" && err != nil || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
			t.Errorf("%s = %v: got %v, want %q", c.ind, c.points, err, c.err)
		}
	}
	sc, _ := Scores(ctx, f.s, f.round.ID)
	if got := sc[CellKey{o.ID, f.ind(t, "理论武装").ID, self.ID}].Points; got != 7.5 {
		t.Errorf("理论武装 stored %v, want 7.5 (refused scores must not overwrite)", got)
	}
}

func TestWeightedTotalsBallotsVetoRank(t *testing.T) {
	f := newFixture(t, 2025)
	f.fill(t, 0, 0) // 科研处: full marks by hand
	f.fill(t, 1, 1) // 人事处: one point short on every deduction indicator
	f.fill(t, 2, 0) // 财务处: full marks, then vetoed
	ballot := map[int]BallotCount{
		0: {Category: "科研人员", Satisfied: 8, Basic: 2, Unknown: 5},     // (800+140)/10 = 94
		1: {Category: "科研人员", Satisfied: 5, Basic: 3, Unsatisfied: 2}, // (500+210+60)/10 = 77
		2: {Category: "科研人员", Satisfied: 10},
	}
	for i, b := range ballot {
		if err := SetBallots(ctx, f.s, f.round.ID, f.round.Organs[i].ID, b); err != nil {
			t.Fatal(err)
		}
	}
	// a second category adds to the same organ: 科研处 now 8+2 and 2 more 满意 → (1000+140)/12 = 95
	if err := SetBallots(ctx, f.s, f.round.ID, f.round.Organs[0].ID, BallotCount{Category: "职工代表", Satisfied: 2}); err != nil {
		t.Fatal(err)
	}
	if err := SetVeto(ctx, f.s, f.round.ID, f.round.Organs[2].ID, "", false); err == nil {
		t.Error("a veto without a reason must be refused")
	}
	if err := SetVeto(ctx, f.s, f.round.ID, f.round.Organs[2].ID, "发生学术不端", false); err != nil {
		t.Fatal(err)
	}
	sn, err := Load(context.Background(), f.s, f.round.ID)
	if err != nil {
		t.Fatal(err)
	}
	// 科研处: hand 8+9+8+7+6+6+6+6+6 = 62, bonus 5 (cap 5), computed coverage 7 + secretary 6 +
	// overdue 6 on an empty roster, AB 6+6 by override, ballot 95 % of 7 = 6.65 → 104.65.
	self := f.group("自评")
	if tot, miss := sn.GroupTotal(f.round.Organs[0].ID, self); tot != 104.65 || miss != 0 {
		t.Errorf("科研处 自评 total %v (missing %d), want 104.65", tot, miss)
	}
	if v := sn.Values[[2]int64{f.round.Organs[0].ID, f.ind(t, "服务满意度").ID}]; !strings.Contains(v.How, "不了解 5 不计") {
		t.Errorf("ballot value should say how: %q", v.How)
	}
	res := sn.Results()
	want := []struct {
		organ string
		total float64
		rank  int
		grade string
	}{
		// 0.2×104.65 + 0.5×104.65 + 0.3×95 = 101.755 → 101.76
		{"科研处", 101.76, 1, Excellent},
		// hand: 7+8+6+6+4+5+4+5+5 = 50 (graded at the second level), bonus 4, computed 19,
		// AB 12, ballot 77 % of 7 = 5.39 → 90.39; 0.7×90.39 + 0.3×77 = 86.37
		{"人事处", 86.37, 2, Good},
		{"财务处", 0.2*105 + 0.5*105 + 0.3*100, 3, Fail},
	}
	for i, w := range want {
		r := res[i]
		if r.Organ.Name != w.organ || r.Total != round2(w.total) || r.Rank != w.rank || r.Grade != w.grade {
			t.Errorf("result %d = %s %v rank %d %s, want %s %v rank %d %s", i, r.Organ.Name, r.Total, r.Rank, r.Grade, w.organ, round2(w.total), w.rank, w.grade)
		}
	}
	if res[0].Groups["群众测评"] != 95 {
		t.Errorf("群众测评 total %v, want 95", res[0].Groups["群众测评"])
	}
}

func TestEqualTotalsShareRank(t *testing.T) {
	f := newFixture(t, 2025)
	f.fill(t, 0, 0)
	f.fill(t, 1, 0)
	res, err := Results(ctx, f.s, f.round.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Rank != 1 || res[1].Rank != 1 || res[2].Rank != 3 {
		t.Errorf("ranks %d %d %d, want 1 1 3", res[0].Rank, res[1].Rank, res[2].Rank)
	}
	if res[2].Missing == 0 {
		t.Error("an organ without scores should report them missing")
	}
}

func TestLockRefusesChanges(t *testing.T) {
	f := newFixture(t, 2025)
	in := f.ind(t, "理论武装")
	p := 8.0
	k := CellKey{f.round.Organs[0].ID, in.ID, f.group("考评组").ID}
	if err := Lock(ctx, f.s, f.round.ID, "定稿"); err != nil {
		t.Fatal(err)
	}
	if err := SetScore(ctx, f.s, f.round.ID, k, &p, ""); !errors.Is(err, ErrLocked) {
		t.Fatalf("score on a locked round: %v, want ErrLocked", err)
	}
	if err := Unlock(ctx, f.s, f.round.ID, " "); err == nil {
		t.Fatal("unlock without a reason must be refused")
	}
	if err := Unlock(ctx, f.s, f.round.ID, "更正录入错误"); err != nil {
		t.Fatal(err)
	}
	if err := SetScore(ctx, f.s, f.round.ID, k, &p, ""); err != nil {
		t.Fatal(err)
	}
	log, _ := f.s.AuditLog(ctx, data.AuditFilter{Action: "解锁考评轮次"})
	if len(log) != 1 || log[0].Reason != "更正录入错误" {
		t.Errorf("unlock not audited with its reason: %+v", log)
	}
}

func TestOverrideNeedsReasonAndIsAudited(t *testing.T) {
	f := newFixture(t, 2025)
	o := f.round.Organs[0]
	in := f.ind(t, "支部设置")
	p := 5.0
	if err := Override(ctx, f.s, f.round.ID, o.ID, in.ID, &p, ""); err == nil {
		t.Fatal("override without a reason must be refused")
	}
	if err := Override(ctx, f.s, f.round.ID, o.ID, in.ID, &p, "新建实验室尚未建支部"); err != nil {
		t.Fatal(err)
	}
	sn, _ := Load(context.Background(), f.s, f.round.ID)
	v := sn.Values[[2]int64{o.ID, in.ID}]
	if v.Points != 7 || v.Final() != 5 || !strings.Contains(v.How, "支部覆盖率") {
		t.Errorf("value %+v: computed 7 on an empty roster, final 5 by override", v)
	}
	log, _ := f.s.AuditLog(ctx, data.AuditFilter{Action: "修正计算值"})
	if len(log) != 1 || log[0].Reason != "新建实验室尚未建支部" {
		t.Errorf("override not audited: %+v", log)
	}
}

func TestImportIsUndoable(t *testing.T) {
	f := newFixture(t, 2025)
	o := f.round.Organs[0]
	g := f.group("考评组")
	in := f.ind(t, "理论武装")
	first := 6.0
	SetScore(ctx, f.s, f.round.ID, CellKey{o.ID, in.ID, g.ID}, &first, "")
	entries := []ScoreEntry{
		{Key: CellKey{o.ID, in.ID, g.ID}, Points: 7, Note: "少一次"},
		{Key: CellKey{o.ID, f.ind(t, "贯彻落实").ID, g.ID}, Points: 9},
	}
	sum, err := ImportScores(ctx, f.s, f.round.ID, entries, nil, "x.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Inserted != 1 || sum.Updated != 1 {
		t.Errorf("summary %+v, want 1 inserted 1 updated", sum)
	}
	bad := []ScoreEntry{{Key: CellKey{o.ID, in.ID, g.ID}, Points: 9}}
	if _, err := ImportScores(ctx, f.s, f.round.ID, bad, nil, "bad.xlsx"); err == nil {
		t.Fatal("a score above max must refuse the import")
	}
	if err := f.s.UndoBatch(ctx, sum.BatchID, "导错文件", nil); err != nil {
		t.Fatal(err)
	}
	sc, _ := Scores(ctx, f.s, f.round.ID)
	if len(sc) != 1 || sc[CellKey{o.ID, in.ID, g.ID}].Points != 6 {
		t.Errorf("after undo: %+v, want only 理论武装 = 6", sc)
	}
}

func TestCopyAndEditSet(t *testing.T) {
	f := newFixture(t, 2024)
	id, err := CopySet(ctx, f.s, f.set.ID, 2025)
	if err != nil {
		t.Fatal(err)
	}
	set, _ := LoadSet(context.Background(), f.s, id)
	if set.Year != 2025 || len(set.Indicators()) != 16 {
		t.Fatalf("copy: year %d, %d indicators", set.Year, len(set.Indicators()))
	}
	for _, y := range []int{2025, 2024} { // the copy's year now has a set, and so has the source's
		_, err := CopySet(ctx, f.s, id, y)
		if v, ok := data.AsInvalid(err); !ok || !strings.Contains(v.For("Year"), fmt.Sprintf("%d 年度已有指标体系", y)) {
			t.Errorf("copying to %d, which has a set: %v, want a refusal naming the year", y, err)
		}
	}
	if sets, _ := Sets(ctx, f.s); len(sets) != 2 {
		t.Errorf("refused copies left %d sets, want 2", len(sets))
	}
	set.Dimensions[0].Indicators = set.Dimensions[0].Indicators[:2]
	set.Dimensions[0].Weight = 17
	if err := SaveSet(ctx, f.s, set); err != nil {
		t.Fatal(err)
	}
	again, _ := LoadSet(context.Background(), f.s, id)
	if len(again.Indicators()) != 15 || len(Check(again)) != 1 {
		t.Errorf("edited set: %d indicators, warnings %v", len(again.Indicators()), Check(again))
	}
	set.Dimensions[0].Indicators[0].Max = 0
	if err := SaveSet(ctx, f.s, set); err == nil {
		t.Error("max 0 must be refused")
	}
}
