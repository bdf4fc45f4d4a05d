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
		// Without its spaces, as the typed text loses them: "john smith" finds "John Smith".
		idx.keys[i] = strings.ToLower(strings.ReplaceAll(m.Name, " ", "")) + "|" + strings.ToLower(m.IDNumber) + "|" + digitsOnly(m.Phone)
	}
	return idx
}

// Len is the number of indexed members.
func (x *RosterIndex) Len() int { return len(x.members) }

// At is the i-th indexed member.
func (x *RosterIndex) At(i int) Member { return x.members[i] }

// Search returns the positions of the members that match the typed text (name, ID number or
// phone, spaces and dashes ignored) and the filter's branch set, category and status.
// branches, when non-nil, is the set of branch ids the filter's BranchID stands for.
func (x *RosterIndex) Search(f MemberFilter, branches map[int64]bool) []int {
	q := strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' || r == '\u3000' {
			return -1
		}
		return r
	}, f.Query))
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
		if q != "" && !strings.Contains(x.keys[i], q) {
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
