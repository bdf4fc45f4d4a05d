package demo

import (
	"context"
	"fmt"
	"time"

	"dangjian/data"
	"dangjian/data/abpost"
)

// The sample catalogue of ab-posts.md: per department, its items at one door of the 综合服务大厅.
var abCatalogue = []struct {
	dept  string
	door  string
	phone string
	items []abDemoItem
}{
	{"科研处", "综合服务大厅1号窗口", "0551-65591001", []abDemoItem{
		{"科研项目申报审核", 5, "项目申报书（签字盖章）、经费预算表、合作协议（如有）"},
		{"项目经费预算调整", 5, "预算调整申请表、项目任务书复印件、调整说明"},
		{"科研成果登记", 3, "成果登记表、成果证明材料（论文首页、专利证书等）"},
		{"横向合同审核", 7, "合同文本一式三份、合同审批表、对方资质证明"},
	}},
	{"人事处", "综合服务大厅2号窗口", "0551-65591002", []abDemoItem{
		{"职称评审材料受理", 10, "职称申报表、代表作、任职资格证书、年度考核表"},
		{"因公出国（境）审批", 7, "出国（境）申请表、邀请函及译文、日程安排、经费预算"},
		{"新进人员入职手续", 3, "报到证、学历学位证书、身份证、体检报告、一寸照片两张"},
		{"在职证明开具", 0, "工作证或身份证"},
	}},
	{"财务处", "综合服务大厅3号窗口", "0551-65591003", []abDemoItem{
		{"差旅费报销", 3, "报销单、审批单、发票、行程单或车票、住宿清单"},
		{"借款及还款", 1, "借款单（项目负责人签字）、还款凭证"},
		{"科研经费到账认领", 2, "到账通知、合同或任务书复印件、认领单"},
	}},
	{"资产处", "综合服务大厅4号窗口", "0551-65591004", []abDemoItem{
		{"仪器设备采购申请", 5, "采购申请表、技术参数、论证报告（十万元以上）"},
		{"固定资产报废", 10, "报废申请表、技术鉴定意见、资产卡片"},
		{"大型仪器共享预约", 1, "预约单、样品说明、经费卡号"},
	}},
	{"党群工作部", "综合服务大厅5号窗口", "0551-65591005", []abDemoItem{
		{"党组织关系转接", 1, "组织关系介绍信、党员档案材料、身份证"},
		{"党费收缴与证明", 0, "党费证或缴费凭证"},
		{"入党材料审核", 5, "入党申请书、思想汇报、政审材料、培养考察登记表"},
		{"工会会员服务", 2, "会员证、申请表"},
	}},
	{"院办公室", "综合服务大厅6号窗口", "0551-65591006", []abDemoItem{
		{"公章使用审批", 1, "用印申请单（部门负责人签字）、用印文件"},
		{"会议室预约", 0, "预约单（会议名称、时间、人数）"},
		{"公文收发", 1, "来文原件或发文稿纸"},
	}},
}

type abDemoItem struct {
	name      string
	limit     int
	materials string
}

// loadAB adds the sample catalogue with A and B from each department's staff (never the head,
// who covers gaps), and absences around today: one gap day in the coming week and several days
// on which B covers, so the coverage view and the rail badge have something to show.
func loadAB(ctx context.Context, s *data.Store, r *Roster, today time.Time) error {
	since := time.Date(today.Year()-1, 1, 1, 0, 0, 0, 0, time.UTC)
	first := map[string][2]int64{} // dept → the first item's A and B
	for _, d := range abCatalogue {
		staff := r.Staff[d.dept]
		if len(staff) < 4 {
			return fmt.Errorf("%s人员太少，无法设置AB岗", d.dept)
		}
		pool := staff[1:]
		for k, x := range d.items {
			a, b := pool[k%len(pool)], pool[(k+1)%len(pool)]
			it := abpost.Item{
				Code: fmt.Sprintf("FW-%s-%02d", abCode(d.dept), k+1), Name: x.name, DeptID: r.Units[d.dept],
				Door: d.door, TimeLimit: x.limit, Materials: x.materials, Visits: 1, Phone: d.phone, Sort: k, AID: a, BID: b,
			}
			if err := abpost.SaveItem(ctx, s, &it, since, "院长办公会审定"); err != nil {
				return err
			}
			if k == 0 {
				first[d.dept] = [2]int64{a, b}
			}
		}
	}
	// Service days from today on, by the plain week (the demo has no holiday list).
	var svc []time.Time
	for d := today; len(svc) < 8; d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			svc = append(svc, d)
		}
	}
	away := []abpost.Absence{
		// 科研处: A of 科研项目申报审核 away three days, B away on the last: one gap.
		{PersonID: first["科研处"][0], From: svc[1], To: svc[3], Kind: "出差", HandoverNote: "申报材料已交B岗", HandedOver: true},
		{PersonID: first["科研处"][1], From: svc[3], To: svc[3], Kind: "会议", HandoverNote: "", HandedOver: false},
		// 财务处: A on a training course, B covers the whole week.
		{PersonID: first["财务处"][0], From: svc[0], To: svc[4], Kind: "学习", HandoverNote: "报销单据已移交", HandedOver: true},
		// 人事处: a day's leave, not yet handed over.
		{PersonID: first["人事处"][0], From: svc[5], To: svc[5], Kind: "请假"},
		// Earlier this month or last: history the 请假登记 list shows.
		{PersonID: first["院办公室"][0], From: today.AddDate(0, 0, -12), To: today.AddDate(0, 0, -10), Kind: "请假", HandoverNote: "公章钥匙交B岗", HandedOver: true},
	}
	for i := range away {
		if _, err := abpost.RecordAbsence(ctx, s, &away[i]); err != nil {
			return err
		}
	}
	return nil
}

func abCode(dept string) string {
	return map[string]string{"科研处": "KY", "人事处": "RS", "财务处": "CW", "资产处": "ZC", "党群工作部": "DQ", "院办公室": "BG"}[dept]
}
