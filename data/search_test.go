package data

import "testing"

// Search ignores the spaces typed: a foreign researcher "John Smith" is found by "john smith"
// as a Chinese name is by "张 三".
func TestSearchFindsALatinNameTypedWithItsSpace(t *testing.T) {
	idx := NewRosterIndex([]Member{{Person: Person{Name: "John Smith"}}, {Person: Person{Name: "张三"}}})
	for _, q := range []string{"john smith", "John  Smith", "johnsmith", "张 三"} {
		if got := idx.Search(MemberFilter{Query: q}, nil); len(got) != 1 {
			t.Errorf("search %q found %v, want one member", q, got)
		}
	}
}
