package sheets

import (
	"context"
	"path/filepath"
	"slices"

	"dangjian/data"
)

// Committing a plan: the wizard's preview, once accepted, is handed to the store's one import
// (data.ImportMembers), the same that the command line's streaming import feeds, so both write,
// back up, summarise and record for undo alike.

// BatchKind names roster imports in the import history.
const BatchKind = "花名册导入"

// CommitImport writes the plan's new and updated members (and the branches chosen to be
// created) and returns the batch id for undo; 0 when the plan changes nothing. progress, when
// not nil, is told rows done of rows to write.
func CommitImport(ctx context.Context, s *data.Store, p *Plan, progress func(done, total int)) (int64, error) {
	total := p.New + p.Updated
	if total == 0 {
		return 0, nil
	}
	imp := data.MemberImport{Kind: BatchKind, Source: filepath.Base(p.File.Path)}
	if progress != nil {
		progress(0, total)
		imp.Progress = func(written int) { progress(written, total) }
	}
	createUnder := func(name string) int64 { return p.Create[name] }
	return s.ImportMembers(ctx, imp, func(send func([]data.ImportItem) error) (data.ImportCounts, error) {
		chunk := make([]data.ImportItem, 0, streamChunk)
		for i := range p.Items {
			it := &p.Items[i]
			if it.Action != ActionNew && it.Action != ActionUpdate {
				continue
			}
			chunk = append(chunk, importItem(it, createUnder))
			if len(chunk) == streamChunk {
				if err := send(chunk); err != nil {
					return p.Counts(), err
				}
				chunk = make([]data.ImportItem, 0, streamChunk)
			}
		}
		if len(chunk) > 0 {
			if err := send(chunk); err != nil {
				return p.Counts(), err
			}
		}
		return p.Counts(), nil
	})
}

// streamChunk is how many rows to write an import hands to the store at once: two full
// multi-row inserts.
const streamChunk = 800

// importItem is what the store writes for a row classified new or update.
func importItem(it *PlanItem, createUnder func(branch string) int64) data.ImportItem {
	out := data.ImportItem{Member: it.Member, NewBranch: it.NewBranch, Sheet: it.Row.Sheet.Name, Line: it.Row.Line}
	if it.NewBranch != "" {
		out.CreateUnder = createUnder(it.NewBranch)
	}
	if it.Action == ActionUpdate {
		out.PersonChanged, out.MembershipChanged = changesPerson(it.Changes), changesMembership(it.Changes)
	}
	return out
}

var membershipLabels = []string{FieldBranch.Label(), FieldCategory.Label(), FieldJoined.Label(), FieldFull.Label()}

func changesMembership(changes []string) bool {
	for _, c := range changes {
		if slices.Contains(membershipLabels, c) {
			return true
		}
	}
	return false
}

func changesPerson(changes []string) bool {
	for _, c := range changes {
		if !slices.Contains(membershipLabels, c) {
			return true
		}
	}
	return false
}
