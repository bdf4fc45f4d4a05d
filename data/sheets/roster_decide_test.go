package sheets

import (
	"context"
	"path/filepath"
	"testing"

	"dangjian/data"
)

// The office answers the 需确认 question: the member is stored with the category it chose, and
// a row that was not flagged cannot be changed this way.
func TestDecideStoresTheChosenCategory(t *testing.T) {
	s := openStore(t)
	path := writeBook(t, filepath.Join(t.TempDir(), "no-category.xlsx"), sheetSpec{name: "Sheet1", rows: [][]any{
		{"姓名", "身份证号码", "所在党支部", "入党日期", "转正日期"},
		{"老甲", mkID(1970, 1, 1, 1, true), "第一党支部", "2001-06-20", nil},
		{"老乙", mkID(1971, 1, 1, 2, true), "第一党支部", "2002-06-20", nil},
		{"有转正", mkID(1972, 1, 1, 3, true), "第一党支部", "2003-06-20", "2004-06-20"},
	}})
	p := mustPlan(t, s, mustRead(t, path, ReadOptions{}), nil)
	if len(p.Decisions()) != 2 {
		t.Fatalf("decisions %v; want the two without 转正日期", p.Decisions())
	}
	if err := p.Decide(0, data.CategoryFull); err != nil {
		t.Fatal(err)
	}
	if err := p.Decide(2, data.CategoryProbation); err == nil {
		t.Error("Decide changed a row that was not flagged")
	}
	if err := p.Decide(1, "积极分子"); err == nil {
		t.Error("Decide took a category that is none")
	}
	if _, err := CommitImport(context.Background(), s, p, nil); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	ms, _ := s.Members(context.Background(), data.MemberFilter{})
	for _, m := range ms {
		got[m.Name] = m.Category
	}
	if got["老甲"] != data.CategoryFull || got["老乙"] != data.CategoryProbation || got["有转正"] != data.CategoryFull {
		t.Errorf("stored categories %v", got)
	}
}
