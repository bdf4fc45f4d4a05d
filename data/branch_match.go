package data

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Branch names as offices write them: one sheet says 科研处支部, the system 科研处党支部; another
// puts spaces or full-width letters in. The importer suggests the branch meant instead of
// creating a second one beside it.

// branchKey is a branch name without what writers add or leave out: whitespace, full-width
// forms, and the ending 党支部 / 支部 / 党.
func branchKey(name string) string {
	s := width.Fold.String(name)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	for _, end := range []string{"党支部", "支部", "党"} {
		if t := strings.TrimSuffix(s, end); t != s && t != "" {
			s = t
			break
		}
	}
	return strings.ToLower(s)
}

// SameBranchName tells whether two branch names differ only by 党/党支部/支部, whitespace or
// full-width characters.
func SameBranchName(a, b string) bool { return branchKey(a) == branchKey(b) }

// ClosestBranch is the one live standing branch among orgs whose name differs from name only
// as SameBranchName allows; false when there is none, or more than one (then nothing is
// suggested: the person chooses).
func ClosestBranch(name string, orgs []Org) (Org, bool) {
	var found []Org
	for _, o := range orgs {
		if o.Live() && o.IsBranch() && !o.IsTemporary() && SameBranchName(name, o.Name) {
			found = append(found, o)
		}
	}
	if len(found) != 1 {
		return Org{}, false
	}
	return found[0], true
}
