package sheets

import (
	"fmt"
	"sort"
	"strings"

	"dangjian/data"
)

// Finding the branch a row names. Full names are unique; short names are not: 第一党支部 can be
// the short name of a branch under each 党总支. With a parent column (所属党总支) the pair
// (党总支, 支部) decides; without one a short name that several branches share is refused with
// the parents to choose from, rather than filed under whichever came first.

// branchIndex holds the live organisations by folded name.
type branchIndex struct {
	byName map[string]int64   // full name, or a short name only one organisation has
	shared map[string][]int64 // a short name several organisations have → them
	pair   map[[2]string]int64
	names  map[int64]string // id → full name
}

func newBranchIndex(orgs []data.Org) branchIndex {
	ix := branchIndex{byName: map[string]int64{}, shared: map[string][]int64{}, pair: map[[2]string]int64{}, names: map[int64]string{}}
	byID := map[int64]data.Org{}
	short := map[string][]int64{}
	for _, o := range orgs {
		if !o.Live() {
			continue
		}
		byID[o.ID] = o
		ix.names[o.ID] = o.Name
		ix.byName[data.FoldName(o.Name)] = o.ID
	}
	for _, o := range byID {
		if k := data.FoldName(o.ShortName); k != "" {
			if _, full := ix.byName[k]; !full {
				short[k] = append(short[k], o.ID)
			}
		}
		p, ok := byID[o.ParentID]
		if !ok {
			continue
		}
		for _, pn := range nameKeys(p) {
			for _, n := range nameKeys(o) {
				ix.pair[[2]string{pn, n}] = o.ID
			}
		}
	}
	for k, ids := range short {
		if len(ids) == 1 {
			ix.byName[k] = ids[0]
			continue
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		ix.shared[k] = ids
	}
	return ix
}

func nameKeys(o data.Org) []string {
	keys := []string{data.FoldName(o.Name)}
	if k := data.FoldName(o.ShortName); k != "" && k != keys[0] {
		keys = append(keys, k)
	}
	return keys
}

// find looks a branch up by name and, when the file gives one, its parent. ok is false for a
// branch the store does not have; msg, when not "", says why the name cannot be decided.
func (ix branchIndex) find(name, parent string) (id int64, ok bool, msg string) {
	if parent != "" {
		if id, ok := ix.pair[[2]string{parent, name}]; ok {
			return id, true, ""
		}
	}
	if id, ok := ix.byName[name]; ok {
		return id, true, ""
	}
	ids, shared := ix.shared[name]
	if !shared {
		return 0, false, ""
	}
	var full []string
	for _, id := range ids {
		full = append(full, "“"+ix.names[id]+"”")
	}
	if parent != "" {
		return 0, false, fmt.Sprintf("系统中有 %d 个简称为“%s”的支部（%s），都不在所写的“%s”之下；请核对上级党组织，或填写支部全称",
			len(ids), name, strings.Join(full, "、"), parent)
	}
	return 0, false, fmt.Sprintf("系统中有 %d 个简称为“%s”的支部（%s）；请填写支部全称，或加一列“所属党总支”写明上级", len(ids), name, strings.Join(full, "、"))
}
