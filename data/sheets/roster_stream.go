package sheets

import (
	"context"
	"path/filepath"

	"dangjian/data"
)

// The command line's import: the file is read, classified and handed to the store's one import
// (data.ImportMembers) in one pass, the database writes overlapping the reading. Excelize's XML
// parsing keeps one core busy for as long as the file takes to stream; normalising, classifying
// and SQLite's inserts fit on the other, so the whole import takes little longer than the
// streaming alone. The wizard keeps PlanImport and CommitImport, since it shows the plan before
// anything is written; both classify each row with the same classifier. A dry run is this same
// pass with nothing handed on.

// ImportOptions say how to read the file and what to do with unknown branches.
type ImportOptions struct {
	Read ReadOptions
	// Choices map unknown branches as in the wizard; CreateBranches creates every other
	// unknown branch under the root on its first row (the command line's -create-branches).
	// Without either, rows of an unknown branch are rejected.
	Choices        BranchChoices
	CreateBranches bool
	// DryRun reads and classifies the whole file as the real import does and writes nothing
	// to the database (the command line's -dry-run).
	DryRun bool
	// BeforeCommit, when set, is called once the whole file is read and every row written,
	// before the transaction commits; an error rolls the import back.
	BeforeCommit func(*ImportResult) error
}

// ImportResult is what an import did. Rows not rejected are not kept.
type ImportResult struct {
	File *RosterFile // sheets and notes; its Rows is empty
	Rows int         // data rows read; the four counts add up to it
	Counts
	Unknown []UnknownBranch // branches not in the store, with their rows
	Rejects []PlanItem      // the rejected rows with their reasons, in file order
	Flagged []RowError      // imported rows the office has to decide about (PlanItem.Decide)
	Batch   int64           // the undoable batch; 0 when nothing was written
}

// Errors lists every rejected row's reasons in file order.
func (r *ImportResult) Errors() []RowError {
	var out []RowError
	for _, it := range r.Rejects {
		out = append(out, it.Errors...)
	}
	return out
}

// RejectsPlan is a plan of the rejected rows alone, for WriteRejects.
func (r *ImportResult) RejectsPlan() *Plan {
	return &Plan{File: r.File, Items: r.Rejects, Rejected: r.Rejected, Unknown: r.Unknown}
}

// ImportRoster reads path and writes its new and updated members as one undoable batch,
// preceded by a backup. A refused file, a failed write or a cancel leaves the database as it
// was; the error of a refused file is a *RefusedError.
func ImportRoster(ctx context.Context, s *data.Store, path string, opt ImportOptions) (*ImportResult, error) {
	var root int64
	if opt.CreateBranches {
		// Refused before the file is opened: without a 党委 no branch can be created, and a
		// 100 000-row file took seconds to read before saying so.
		o, err := RootOrg(ctx, s)
		if err != nil {
			return nil, err
		}
		root = o.ID
	}
	kind, err := sniff(path)
	if err != nil {
		return nil, err
	}
	c, err := newClassifier(ctx, s, opt.Choices, root)
	if err != nil {
		return nil, err
	}
	res := &ImportResult{}
	createUnder := func(name string) int64 { return c.choice(name).CreateUnder }
	feed := func(send func([]data.ImportItem) error) (data.ImportCounts, error) {
		pending := make([]data.ImportItem, 0, streamChunk)
		rf, err := readRoster(ctx, path, kind, opt.Read, func(r *Row) error {
			res.Rows++
			var it PlanItem
			c.row(&it, r)
			if it.Decide != "" && it.Action != ActionRejected {
				res.Flagged = append(res.Flagged, decision(&it))
			}
			switch it.Action {
			case ActionRejected:
				res.Rejects = append(res.Rejects, it)
			case ActionNew, ActionUpdate:
				pending = append(pending, importItem(&it, createUnder))
				if len(pending) >= streamChunk {
					if err := send(pending); err != nil {
						return err
					}
					pending = make([]data.ImportItem, 0, streamChunk)
				}
			}
			return nil
		})
		res.File, res.Counts, res.Unknown = rf, c.counts, c.unknownBranches()
		if err == nil && len(pending) > 0 {
			err = send(pending)
		}
		if err == nil && opt.BeforeCommit != nil {
			err = opt.BeforeCommit(res)
		}
		return res.Counts, err
	}
	if opt.DryRun {
		if _, err := feed(func([]data.ImportItem) error { return nil }); err != nil {
			return nil, err
		}
		return res, nil
	}
	if res.Batch, err = s.ImportMembers(ctx, data.MemberImport{Kind: BatchKind, Source: filepath.Base(path)}, feed); err != nil {
		return nil, err
	}
	return res, nil
}
