package criteria

// DefaultSet is the criteria set the app ships with (model-organ-criteria.md, 四个过硬), word
// for word; users copy and re-weight it per year.
func DefaultSet(year int) Set {
	ind := func(name, content string, max float64, m Method, src string, levels ...float64) Indicator {
		return Indicator{Name: name, Content: content, Max: max, Method: m, Source: src, Levels: levels}
	}
	return Set{Year: year, Name: "模范机关创建考评指标（默认方案）", Dimensions: []Dimension{
		{Name: "政治过硬", Weight: 25, Indicators: []Indicator{
			ind("理论武装", "中心组和支部学习按计划开展，结合科研实际“压满实弹”；每少一次扣1分", 8, Deduct, ""),
			ind("贯彻落实", "上级重大决策部署有台账、有督办、有结果；一项未落实扣3分", 9, Deduct, ""),
			ind("政治引领", "科研骨干、海外归国人才政治吸纳和思想教育；好8/较好6/一般4/差0", 8, Graded, "", 8, 6, 4, 0),
		}},
		{Name: "能力过硬", Weight: 25, Indicators: []Indicator{
			ind("服务科研", "管理干部深入一线上门服务常态化，每季度至少一次；每缺一次扣1分", 7, Deduct, ""),
			ind("AB岗设置", "一线岗位AB岗设置率（A、B均已配备的服务事项 / 全部服务事项）×6", 6, Computed, SourceABRate),
			ind("一门办结", "服务事项“只进一个门、只跑一次路”：单一窗口办结的事项占比 ×6；考评期内A、B同时缺岗每次扣1分", 6, Computed, SourceSingleDoor),
			ind("业务能力", "干部培训、实践锻炼、岗位练兵；好6/较好4/一般2/差0", 6, Graded, "", 6, 4, 2, 0),
		}},
		{Name: "组织过硬", Weight: 25, Indicators: []Indicator{
			ind("支部设置", "支部建在实验室、科研单元、项目团队；有党员的科研单元均已建立支部（覆盖率 ×7）", 7, Computed, SourceCoverage),
			ind("班子配备", "党组织负责人、实验室负责人、党务人员同步配备；支部书记由部门负责人担任的比例 ×6", 6, Computed, SourceSecretaryHead),
			ind("组织生活", "三会一课、主题党日按规定开展，记录完整；每缺一次扣0.5分", 6, Deduct, ""),
			ind("队伍建设", "重视科研骨干入党，支委中有科研骨干；按期换届（逾期一个支部扣1分）", 6, Deduct, SourceOverdueTerms),
		}},
		{Name: "作风过硬", Weight: 25, Indicators: []Indicator{
			ind("科学家精神", "开展“向老科学家写一封信”等弘扬科学家精神活动；好6/较好4/一般2/差0", 6, Graded, "", 6, 4, 2, 0),
			ind("科研诚信", "学风作风建设、科研诚信教育；发生学术不端一票否决", 6, Deduct, ""),
			ind("服务满意度", "科研人员满意度测评：满意100/基本满意70/不满意30，“不了解”不计", 7, Ballot, ""),
			ind("廉洁自律", "无违规违纪；发生一起扣3分，严重的一票否决", 6, Deduct, ""),
		}},
		{Name: "加分项", Weight: 0, Bonus: true, Cap: 5, Indicators: []Indicator{
			ind("创新品牌", "党建与科研融合优秀案例、十佳主题党日、最佳党课获评；每项加1分", 5, Bonus, ""),
		}},
	}}
}
