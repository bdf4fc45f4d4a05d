package data

import (
	"strings"
	"unicode"
)

// RosterIndex answers search-as-you-type over the whole roster in memory: a keystroke must
// not wait on SQLite, and at 100 000 members a linear scan of compact keys is fast enough.
type RosterIndex struct {
	members []Member
	keys    []string // lower-cased "name|id number|phone digits" per member
}

// NewRosterIndex indexes members (as read by Members) for Search.
func NewRosterIndex(members []Member) *RosterIndex {
	idx := &RosterIndex{members: members, keys: make([]string, len(members))}
	for i, m := range members {
		idx.keys[i] = searchKey(m)
	}
	return idx
}

// searchKey is what typed text is looked for in: the name without its spaces, as the typed text
// loses them ("john smith" finds "John Smith"), the name's full pinyin and initials (NamePinyin:
// "zhangsan" and "zs" find 张三), the ID number and the phone's digits, lower-cased.
func searchKey(m Member) string {
	full, initials := NamePinyin(m.Name)
	return strings.ToLower(strings.ReplaceAll(m.Name, " ", "")) + "|" + full + "|" + initials + "|" +
		strings.ToLower(m.IDNumber) + "|" + digitsOnly(m.Phone)
}

// SearchText is typed search text as the roster looks for it: spaces (full-width too) and
// dashes dropped, lower-cased, so "139-1737-0743" finds a phone and "刘 悦悦" a name. The
// window's search box and the command line's -q both go through it.
func SearchText(typed string) string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' || r == '\u3000' {
			return -1
		}
		return r
	}, typed))
}

// matchesSearch tells whether a member's search key holds the normalised text q ("" matches all).
func matchesSearch(key, q string) bool { return q == "" || strings.Contains(key, q) }

// Len is the number of indexed members.
func (x *RosterIndex) Len() int { return len(x.members) }

// At is the i-th indexed member.
func (x *RosterIndex) At(i int) Member { return x.members[i] }

// Search returns the positions of the members that match the typed text (name or its pinyin,
// ID number or phone, spaces and dashes ignored) and the filter's branch set, category and status.
// branches, when non-nil, is the set of branch ids the filter's BranchID stands for.
func (x *RosterIndex) Search(f MemberFilter, branches map[int64]bool) []int {
	q := SearchText(f.Query)
	out := make([]int, 0, 256)
	for i := range x.members {
		m := &x.members[i]
		if branches != nil && !branches[m.BranchID] {
			continue
		}
		if f.Category != "" && m.Category != f.Category {
			continue
		}
		if f.Status != "" && m.Status != f.Status {
			continue
		}
		if !matchesSearch(x.keys[i], q) {
			continue
		}
		out = append(out, i)
	}
	return out
}

// Subtree is the set of an organisation and every organisation under it.
func Subtree(all []Org, root int64) map[int64]bool {
	kids := map[int64][]int64{}
	for _, o := range all {
		kids[o.ParentID] = append(kids[o.ParentID], o.ID)
	}
	set := map[int64]bool{}
	var walk func(int64)
	walk = func(id int64) {
		set[id] = true
		for _, k := range kids[id] {
			walk(k)
		}
	}
	walk(root)
	return set
}

func digitsOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}
