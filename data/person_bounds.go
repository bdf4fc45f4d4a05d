package data

import (
	"fmt"
	"unicode/utf8"
)

// How long a person's (and an organisation's) text fields may be. A 7 000 000-character name and a 32 767-digit phone
// were saved as they came (every later backup grew by 21 MB); no real name, post or phone comes
// near these bounds, so one beyond them is a mistake in the sheet, and is said as one.
var personBounds = []struct {
	field, label string
	max          int // characters
	value        func(p *Person) string
}{
	{"Name", "姓名", 50, func(p *Person) string { return p.Name }},
	{"Ethnicity", "民族", 20, func(p *Person) string { return p.Ethnicity }},
	{"IDNumber", "身份证号", 30, func(p *Person) string { return p.IDNumber }},
	{"Education", "学历", 30, func(p *Person) string { return p.Education }},
	{"Degree", "学位", 30, func(p *Person) string { return p.Degree }},
	{"Title", "职称", 50, func(p *Person) string { return p.Title }},
	{"Unit", "工作单位", 100, func(p *Person) string { return p.UnitName }},
	{"Post", "岗位", 100, func(p *Person) string { return p.Post }},
	{"Phone", "联系电话", 40, func(p *Person) string { return p.Phone }},
	{"Note", "备注", 2000, func(p *Person) string { return p.Note }},
}

// validatePersonLengths says which of the person's text fields is longer than it can be.
func validatePersonLengths(p Person) Invalid {
	var v Invalid
	for _, b := range personBounds {
		if n := utf8.RuneCountInString(b.value(&p)); n > b.max {
			v = append(v, FieldError{b.field, fmt.Sprintf("%s有 %d 个字，超过上限 %d 个字，不像是%s；请核对后改短", b.label, n, b.max, b.label)})
		}
	}
	return v
}

// maxOrgName bounds an organisation's name: the longest real ones (中共某某研究院某某研究所
// 某某实验室第一党支部) are under 40 characters.
const maxOrgName = 60

// OrgNameTooLong says why name cannot be an organisation's name, "" when its length is fine:
// the organisation form and a roster import that would create the branch ask the same.
func OrgNameTooLong(name string) string {
	if n := utf8.RuneCountInString(name); n > maxOrgName {
		return fmt.Sprintf("党组织名称有 %d 个字，超过上限 %d 个字，不像是党组织名称；请核对后改短", n, maxOrgName)
	}
	return ""
}
