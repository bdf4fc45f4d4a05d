package data

import (
	"context"
	"slices"
	"testing"

	"dangjian/data/civil"
)

func TestNamePinyin(t *testing.T) {
	cases := []struct{ name, full, initials string }{
		{"张三", "zhangsan", "zs"},
		{"单田芳", "shantianfang", "stf"}, // 单 as a surname is shan, not dan
		{"曾凡", "zengfan", "zf"},        // 曾 zeng, not ceng
		{"解缙", "xiejin", "xj"},
		{"仇英", "qiuying", "qy"},
		{"尉迟恭", "yuchigong", "ycg"}, // a two-character surname with its own reading
		{"吕布", "lvbu", "lb"},        // ü typed as v, as input methods take it
		{"阿依古丽·买买提", "ayigulimaimaiti", "ayglmmt"},
		{"简单", "jiandan", "jd"}, // 单 after the surname keeps its common reading
		{"John Smith", "", ""},
	}
	for _, c := range cases {
		full, initials := NamePinyin(c.name)
		if full != c.full || initials != c.initials {
			t.Errorf("NamePinyin(%q) = %q, %q, want %q, %q", c.name, full, initials, c.full, c.initials)
		}
	}
}

// Staff type zs or zhangsan for 张三: the roster index (the window), Members' -q (the command
// line) and a picker's NameMatches find the same members.
func TestSearchByPinyinFindsTheSameEverywhere(t *testing.T) {
	f := newFixture(t)
	root := f.org(0, TypeCommittee, "院党委", "", "")
	b := f.org(root.ID, TypeBranch, "科研处党支部", "科研处", "行政机构")
	for _, n := range []string{"张三", "张珊珊", "单田芳", "曾凡", "王伟"} {
		f.member(b, n, CategoryFull, civil.Date(2010, 5, 1), nil)
	}
	all, err := f.s.Members(context.Background(), MemberFilter{})
	if err != nil {
		t.Fatal(err)
	}
	idx := NewRosterIndex(all)
	want := map[string][]string{
		"zs":           {"张三", "张珊珊"},
		"ZhangSan":     {"张三"},
		"zhang san":    {"张三"},
		"zss":          {"张珊珊"},
		"shantianfang": {"单田芳"},
		"stf":          {"单田芳"},
		"zengf":        {"曾凡"},
		"ww":           {"王伟"},
		"王伟":           {"王伟"},
	}
	for q, names := range want {
		var viaIndex, viaCLI, viaPicker []string
		for _, i := range idx.Search(MemberFilter{Query: q}, nil) {
			viaIndex = append(viaIndex, idx.At(i).Name)
		}
		ms, err := f.s.Members(context.Background(), MemberFilter{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			viaCLI = append(viaCLI, m.Name)
		}
		for _, m := range all {
			if NameMatches(m.Name, SearchText(q)) {
				viaPicker = append(viaPicker, m.Name)
			}
		}
		slices.Sort(names)
		for what, got := range map[string][]string{"roster index": viaIndex, "members -q": viaCLI, "picker": viaPicker} {
			slices.Sort(got)
			if !slices.Equal(got, names) {
				t.Errorf("%s: %q found %v, want %v", what, q, got, names)
			}
		}
	}
}

// Within a branch the roster reads in pinyin order (安 an, 王 wang, 曾 zeng, 张 zhang), not in
// character code order (安 5B89, 张 5F20, 曾 66FE, 王 738B); the first page agrees with the whole.
func TestRosterOrderWithinABranchIsByPinyin(t *testing.T) {
	f := newFixture(t)
	root := f.org(0, TypeCommittee, "院党委", "", "")
	a := f.org(root.ID, TypeBranch, "第一党支部", "一室", "实验室")
	b := f.org(root.ID, TypeBranch, "第二党支部", "二室", "实验室")
	for _, n := range []string{"张三", "王伟", "安娜", "曾凡"} {
		f.member(a, n, CategoryFull, civil.Date(2010, 5, 1), nil)
	}
	for _, n := range []string{"赵六", "白雪"} {
		f.member(b, n, CategoryFull, civil.Date(2010, 5, 1), nil)
	}
	names := func(lim int) []string {
		ms, err := f.s.Members(context.Background(), MemberFilter{Limit: lim})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range ms {
			out = append(out, m.Name)
		}
		return out
	}
	whole := []string{"安娜", "王伟", "曾凡", "张三", "白雪", "赵六"}
	if got := names(0); !slices.Equal(got, whole) {
		t.Errorf("roster order %v, want %v", got, whole)
	}
	for _, lim := range []int{2, 4, 5} {
		if got := names(lim); !slices.Equal(got, whole[:lim]) {
			t.Errorf("first page of %d: %v, want %v", lim, got, whole[:lim])
		}
	}
	ps, err := f.s.Persons(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var pn []string
	for _, p := range ps {
		pn = append(pn, p.Name)
	}
	if want := []string{"安娜", "白雪", "王伟", "曾凡", "张三", "赵六"}; !slices.Equal(pn, want) {
		t.Errorf("persons for pickers %v, want %v", pn, want)
	}
}
