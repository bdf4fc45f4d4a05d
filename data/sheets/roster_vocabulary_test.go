package sheets

import "testing"

// Each header of real layouts names one field; a header listed twice would be read as the
// field of whichever entry the map iteration met last.
func TestVocabularyHeadersAreUnique(t *testing.T) {
	seen := map[string]Field{}
	for f, names := range synonyms {
		for _, n := range names {
			if g, dup := seen[HeaderKey(n)]; dup {
				t.Errorf("header %q listed under fields %d and %d", n, g, f)
			}
			seen[HeaderKey(n)] = f
		}
	}
}

// The headers real layouts use, as they write them, and the field each means.
func TestVocabularyOfRealLayouts(t *testing.T) {
	for header, want := range map[string]Field{
		"公民身份证号":  FieldIDNumber,
		"身份证号码":   FieldIDNumber,
		"证件号码":    FieldIDNumber,
		"*公民身份号码": FieldIDNumber,
		"党支部名称":   FieldBranch,
		"所属支部":    FieldBranch,
		"所在党支部":   FieldBranch,
		"支部":      FieldBranch,
		"所属党总支":   FieldParent,
		"所在党总支":   FieldParent,
		"二级党委名称":  FieldParent,
		"加入党组织日期": FieldJoined,
		"入党时间":    FieldJoined,
		"确定为预备党员时间（支部大会）":  FieldJoined,
		"转为正式党员日期":         FieldFull,
		"转正时间（支部大会讨论转正时间）": FieldFull,
		"出生年月": FieldBirth,
		"出生时间": FieldBirth,
		"党籍状态（正式党员或预备党员）": FieldCategory,
		"电话号码":     FieldPhone,
		"入党时所在党支部": FieldNone, // a decoy beside 所在党支部 (OWIP)
		"转正时所在党支部": FieldNone,
		"所在党支部编码":  FieldNone,
		"学工号":      FieldNone,
	} {
		if got := FieldOf(header); got != want {
			t.Errorf("FieldOf(%q) = %d, want %d", header, got, want)
		}
	}
}
