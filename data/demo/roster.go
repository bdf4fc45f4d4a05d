package demo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"dangjian/data/internal/sqldb"

	"dangjian/data"
	"dangjian/data/civil"
)

// ErrNotEmpty refuses to load the demo over real records.
var ErrNotEmpty = errors.New("数据库里已有党组织或人员，演示数据只能载入空数据库；请用 -db 指定一个新文件")

// Load fills an empty store with the demo institute: roster, A/B posts and evaluation rounds.
// It is one transaction: on any error nothing is left behind.
func Load(ctx context.Context, s *data.Store) error {
	empty, err := IsEmpty(ctx, s)
	if err != nil {
		return err
	}
	if !empty {
		return ErrNotEmpty
	}
	return sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		ctx := sqldb.WithTx(ctx, tx) // every use case below runs in this one transaction
		today := s.Today()
		r, err := loadRoster(ctx, s, tx, today)
		if err != nil {
			return fmt.Errorf("载入演示花名册：%w", err)
		}
		if err := loadAB(ctx, s, r, today); err != nil {
			return fmt.Errorf("载入演示AB岗：%w", err)
		}
		if err := loadEval(ctx, s, r, today); err != nil {
			return fmt.Errorf("载入演示考评：%w", err)
		}
		return sqldb.Of(s).Audit(tx, "载入演示数据", "演示研究院", "", "", 0)
	})
}

// IsEmpty tells whether the store has no organisations and no persons yet.
func IsEmpty(ctx context.Context, s *data.Store) (bool, error) {
	var n int
	err := sqldb.Of(s).Q(ctx).QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM org) + (SELECT COUNT(*) FROM person)`).Scan(&n)
	return n == 0, err
}

// Roster is what the demo roster made, for the A/B and evaluation demo data to build on.
type Roster struct {
	RootID int64
	// Units by name, and the persons working in each (first the unit head).
	Units map[string]int64
	Staff map[string][]int64
	Names map[int64]string
	Depts []string // the administrative departments, in catalogue order
}

type branchPlan struct {
	name, unit, kind string
	parent           int
	code             int
	members          int
	// deliberate breaches of the rules, so `check` has something to say
	fewFull, noCommittee, overdue, outsiderSecretary, noBackbone bool
}

const instituteName = "华东物质科学研究院"

// The administrative departments of the A/B catalogue (ab-posts.md).
var adminDepts = []string{"科研处", "人事处", "财务处", "资产处", "党群工作部", "院办公室"}

func plans() (parents []branchPlan, branches []branchPlan) {
	parents = []branchPlan{
		{name: "院机关党委", code: data.TypeCommittee},
		{name: "强磁场科学中心党总支", unit: "强磁场科学中心", kind: "科研单元", code: data.TypeGeneralBranch},
		{name: "等离子体物理研究所党委", unit: "等离子体物理研究所", kind: "科研单元", code: data.TypeCommittee},
		{name: "智能机械研究所党总支", unit: "智能机械研究所", kind: "科研单元", code: data.TypeGeneralBranch},
	}
	branches = []branchPlan{
		{name: "科研处党支部", unit: "科研处", kind: "行政机构", parent: 0, members: 12},
		{name: "人事处党支部", unit: "人事处", kind: "行政机构", parent: 0, members: 10, overdue: true},
		{name: "财务处党支部", unit: "财务处", kind: "行政机构", parent: 0, members: 11},
		{name: "资产处党支部", unit: "资产处", kind: "行政机构", parent: 0, members: 9},
		{name: "党群工作部党支部", unit: "党群工作部", kind: "行政机构", parent: 0, members: 8},
		{name: "院办公室党支部", unit: "院办公室", kind: "行政机构", parent: 0, members: 10, outsiderSecretary: true},
		{name: "稳态强磁场实验室党支部", unit: "稳态强磁场实验室", kind: "实验室", parent: 1, members: 26},
		{name: "极端条件实验室党支部", unit: "极端条件实验室", kind: "实验室", parent: 1, members: 18, noBackbone: true},
		{name: "磁体技术项目团队党支部", unit: "磁体技术项目团队", kind: "项目团队", parent: 1, members: 15},
		{name: "用户服务部党支部", unit: "用户服务部", kind: "科研单元", parent: 1, members: 4, fewFull: true},
		{name: "超导托卡马克实验室第一党支部", unit: "超导托卡马克实验室", kind: "实验室", parent: 2, members: 30},
		{name: "低温工程团队党支部", unit: "低温工程团队", kind: "项目团队", parent: 2, members: 20},
		{name: "加热与电流驱动科研单元党支部", unit: "加热与电流驱动科研单元", kind: "科研单元", parent: 2, members: 22, overdue: true},
		{name: "蜀山外场站党支部", unit: "蜀山外场站", kind: "外场站", parent: 2, members: 9},
		{name: "等离子体诊断实验室党支部", unit: "等离子体诊断实验室", kind: "实验室", parent: 2, members: 24},
		{name: "机器人实验室党支部", unit: "机器人实验室", kind: "实验室", parent: 3, members: 25},
		{name: "智能感知科研单元党支部", unit: "智能感知科研单元", kind: "科研单元", parent: 3, members: 21},
		{name: "农业智能项目团队党支部", unit: "农业智能项目团队", kind: "项目团队", parent: 3, members: 8, noCommittee: true},
		{name: "精密测量实验室党支部", unit: "精密测量实验室", kind: "实验室", parent: 3, members: 19},
		{name: "青年科研人员党支部", unit: "青年创新中心", kind: "科研单元", parent: 3, members: 23},
	}
	return
}

// Units whose members have no branch built on them: the coverage rule names them.
var uncoveredUnits = []struct {
	name, kind, branch string
	members            int
}{{"计算中心", "科研单元", "精密测量实验室党支部", 5}}

func loadRoster(ctx context.Context, s *data.Store, tx *sql.Tx, today time.Time) (*Roster, error) {
	g := newGen(20261128)
	w := newWriter(ctx, s, tx)
	r := &Roster{Units: map[string]int64{}, Staff: map[string][]int64{}, Names: map[int64]string{}, Depts: adminDepts}

	root, err := w.org(0, data.TypeCommittee, instituteName+"党委", "院党委", 0, civil.Date(1978, 6, 1), 0)
	if err != nil {
		return nil, err
	}
	r.RootID = root
	parentPlans, branchPlans := plans()
	var parentIDs []int64
	for i, p := range parentPlans {
		var unit int64
		if p.unit != "" {
			if unit, err = w.unit(r, p.unit, p.kind); err != nil {
				return nil, err
			}
		}
		id, err := w.org(root, p.code, p.name, "", unit, civil.Date(1985+i*3, 3, 1), i)
		if err != nil {
			return nil, err
		}
		parentIDs = append(parentIDs, id)
	}
	for i, b := range branchPlans {
		if !b.fewFull {
			b.members = b.members * 6 / 5 // about 400 members in all
		}
		unit, err := w.unit(r, b.unit, b.kind)
		if err != nil {
			return nil, err
		}
		id, err := w.org(parentIDs[b.parent], data.TypeBranch, b.name, "", unit, civil.Date(1995+i%20, time.Month(1+i%12), 1), i)
		if err != nil {
			return nil, err
		}
		if err := w.staffBranch(g, r, id, unit, b, today); err != nil {
			return nil, err
		}
	}
	for _, u := range uncoveredUnits {
		unit, err := w.unit(r, u.name, u.kind)
		if err != nil {
			return nil, err
		}
		var branch int64
		tx.QueryRow(`SELECT id FROM org WHERE name=?`, u.branch).Scan(&branch)
		for i := 0; i < u.members; i++ {
			if _, err := w.member(g, r, branch, unit, u.name, false, data.CategoryFull, today); err != nil {
				return nil, err
			}
		}
	}
	if err := w.tempBranches(g, r, root, today); err != nil {
		return nil, err
	}
	return r, nil
}

// staffBranch gives a branch its members, unit head and committee, with the planned breaches.
func (w *writer) staffBranch(g *gen, r *Roster, branch, unit int64, b branchPlan, today time.Time) error {
	var ids []int64
	for i := 0; i < b.members; i++ {
		cat := data.CategoryFull
		if b.fewFull && i >= 2 || !b.fewFull && g.r.IntN(14) == 0 {
			cat = data.CategoryProbation
		}
		head := i == 0
		id, err := w.member(g, r, branch, unit, b.unit, head, cat, today)
		if err != nil {
			return err
		}
		ids = append(ids, id)
	}
	if b.noCommittee || b.members < 7 {
		return nil
	}
	start := today.AddDate(-1, -g.r.IntN(18), -g.r.IntN(28))
	if b.overdue {
		start = today.AddDate(-3, -4, -10)
	}
	term, err := w.term(branch, start)
	if err != nil {
		return err
	}
	// Probationary members are not elected to a committee; the head stays first in the list.
	ids = w.fullMembers(ids)
	secretary := ids[0] // the unit head (支部书记由部门负责人担任)
	if b.outsiderSecretary {
		secretary = ids[3]
	}
	roles := []struct {
		person int64
		role   string
	}{{secretary, "书记"}, {ids[1], "组织委员"}, {ids[2], "宣传委员"}}
	if b.members >= 12 {
		roles = append(roles, struct {
			person int64
			role   string
		}{ids[4], "纪检委员"}, struct {
			person int64
			role   string
		}{ids[5], "青年委员"})
	}
	for _, x := range roles {
		if err := w.appoint(term, x.person, x.role, start); err != nil {
			return err
		}
		var err error
		switch {
		case b.noBackbone:
			err = w.backbone(x.person, false)
		case x.role == "组织委员":
			err = w.backbone(x.person, true)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// tempBranches makes the mission branches: members beside their home branch, a pledge date.
func (w *writer) tempBranches(g *gen, r *Roster, root int64, today time.Time) error {
	missions := []struct {
		name, mission string
		start, end    time.Time
		from          []string
		n             int
	}{
		{
			"高分卫星载荷发射任务临时党支部", "高分系列卫星有效载荷发射场测试与发射保障", today.AddDate(0, -2, 0), today.AddDate(0, 2, 0),
			[]string{"精密测量实验室", "智能感知科研单元"},
			9,
		},
		{
			"深海原位探测试验队临时党支部", "深海原位探测装备海上试验", today.AddDate(0, -1, -5), today.AddDate(0, 0, 20),
			[]string{"机器人实验室", "低温工程团队"},
			7,
		},
	}
	for i, m := range missions {
		id, err := w.saveOrg(data.Org{
			ParentID: root, TypeCode: data.TypeTempBranch, Name: m.name, Founded: m.start, Sort: 10 + i,
			Mission: m.mission, MissionStart: m.start, MissionEnd: m.end, PledgeSigned: m.start.AddDate(0, 0, 3),
		})
		if err != nil {
			return err
		}
		var pool []int64
		for _, u := range m.from {
			pool = append(pool, r.Staff[u]...)
		}
		var seconded []int64
		for j := 0; j < m.n && j < len(pool); j++ {
			seconded = append(seconded, pool[(j*5+i)%len(pool)])
		}
		if err := w.s.AddTempMembers(w.ctx, id, seconded, m.start, m.end); err != nil {
			return err
		}
		term, err := w.term(id, m.start)
		if err != nil {
			return err
		}
		// The committee is elected from the seconded full members: the first is 书记.
		full := w.fullMembers(seconded)
		if len(full) < 2 {
			return fmt.Errorf("%s只有 %d 名正式党员，不够组成支委会", m.name, len(full))
		}
		if err := w.appoint(term, full[0], "书记", m.start); err != nil {
			return err
		}
		if err := w.appoint(term, full[1], "委员", m.start); err != nil {
			return err
		}
	}
	return nil
}
