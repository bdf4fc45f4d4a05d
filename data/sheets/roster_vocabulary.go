package sheets

// The vocabulary of real roster layouts, in one table: every header a field is known under, as
// offices and other party-building systems (OWIP, 全国党员管理信息系统 exports, schools' and
// villages' own sheets) write it. Headers are compared folded by HeaderKey, so spaces, line
// breaks, "*" marks and a note in brackets ("党籍状态（正式党员或预备党员）") do not matter.
// A header is listed under one field only; TestVocabularyHeadersAreUnique keeps it so.

// synonyms: the first name of each field is the one exports and the template write.
var synonyms = map[Field][]string{
	FieldName:      {"姓名"},
	FieldGender:    {"性别"},
	FieldEthnicity: {"民族"},
	FieldBirth:     {"出生日期", "出生年月", "出生年月日", "生日", "出生时间"},
	FieldIDNumber:  {"公民身份号码", "身份证号", "身份证号码", "证件号码", "身份证", "公民身份证号", "公民身份证号码", "身份证件号码"},
	FieldEducation: {"学历", "文化程度", "最高学历"},
	FieldDegree:    {"学位"},
	FieldTitle:     {"职称", "专业技术职务", "技术职称"},
	FieldBranch: {
		"所在党支部", "所在支部", "党支部", "支部名称", "所属支部", "所属党支部", "支部", "党支部名称",
		"所在党支部名称",
	},
	// 人员类别 holds the staff category in some layouts (普通编制, 离退休教职工): the column in use
	// is decided by its values (roster_category.go).
	FieldCategory: {"人员类别", "党员类别", "党籍状态", "党员身份"},
	// 确定为预备党员时间（支部大会）is the date the branch meeting admitted the member, which
	// is the 入党日期 (the same family of templates says 入党时间即支部大会时间).
	FieldJoined: {"入党日期", "入党时间", "加入党组织日期", "入党年月", "加入党组织时间", "确定为预备党员时间", "确定为预备党员日期"},
	FieldFull:   {"转正日期", "转正时间", "转为正式党员日期", "转为正式党员时间", "转正年月"},
	FieldUnit:   {"工作单位", "单位", "部门", "所在单位", "所在部门"},
	FieldPost:   {"工作岗位", "职务", "岗位"},
	FieldPhone:  {"联系电话", "手机", "手机号码", "联系方式", "电话", "电话号码", "手机号"},
	FieldParent: {
		"所属党总支", "所在党总支", "党总支", "所在分党委", "所属分党委", "分党委", "二级党委名称", "二级党组织名称",
		"所在二级党组织", "所属二级党组织", "上级党组织", "所属党委", "所在党委",
	},
}

// partyCategories are the values of a party-category column, folded; a column whose values are
// others (普通编制, 在职教职工 …) is a staff category, not the party's.
var partyCategories = map[string]bool{
	"正式党员": true, "预备党员": true, "正式": true, "预备": true, "中共党员": true, "中共正式党员": true, "中共预备党员": true,
}
