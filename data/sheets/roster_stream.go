package sheets

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"

	"dangjian/data"
)

// The command line's import: the file is read, classified and written in one pass, the
// database writes overlapping the reading. Excelize's XML parsing keeps one core busy for as
// long as the file takes to stream; normalising, classifying and SQLite's inserts fit on the
// other, so the whole import takes little longer than the streaming alone. The wizard keeps
// PlanImport and CommitImport, since it shows the plan before anything is written.
//
// Three goroutines: the reader's prefetch parses the XML; the caller's goroutine normalises and
// classifies each row and hands the rows to write, in chunks, to the writer; the writer holds
// the one transaction and batch. The writer opens them (after the backup) when the first chunk
// arrives, so a file that is refused before any row to write costs no backup, and commits only
// when the reader says the whole file was read; anything else rolls back.

// ImportOptions say how to read the file and what to do with unknown branches.
type ImportOptions struct {
	Read ReadOptions
	// Choices map unknown branches as in the wizard; CreateBranches creates every other
	// unknown branch under the root on its first row (the command line's -create-branches).
	// Without either, rows of an unknown branch are rejected.
	Choices        BranchChoices
	CreateBranches bool
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

// streamChunk is how many rows to write the reader hands to the writer at once: two full
// multi-row inserts.
const streamChunk = 2 * rowsPerInsert

// ImportRoster reads path and writes its new and updated members as one undoable batch,
// preceded by a backup. A refused file, a failed write or a cancel leaves the database as it
// was; the error of a refused file is a *RefusedError.
func ImportRoster(ctx context.Context, s *data.Store, path string, opt ImportOptions) (*ImportResult, error) {
	var root int64
	if opt.CreateBranches {
		// Refused before the file is opened: without a 党委 no branch can be created, and a
		// 100 000-row file took seconds to read before saying so.
		o, err := RootOrg(s)
		if err != nil {
			return nil, err
		}
		root = o.ID
	}
	kind, err := sniff(path)
	if err != nil {
		return nil, err
	}
	c, err := newClassifier(s, opt.Choices, root)
	if err != nil {
		return nil, err
	}
	res := &ImportResult{}
	w := startWriter(ctx, s, filepath.Base(path), c.choice)
	var pending []PlanItem
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
			pending = append(pending, it)
			if len(pending) >= streamChunk {
				if err := w.send(pending); err != nil {
					return err
				}
				pending = make([]PlanItem, 0, streamChunk)
			}
		}
		return nil
	})
	res.File, res.Counts, res.Unknown = rf, c.counts, c.unknownBranches()
	if err == nil && len(pending) > 0 {
		err = w.send(pending)
	}
	if err == nil && opt.BeforeCommit != nil {
		err = opt.BeforeCommit(res)
	}
	summary := fmt.Sprintf("新增 %d 人，更新 %d 人，无变化 %d 人，未导入 %d 行", res.New, res.Updated, res.Unchanged, res.Rejected)
	if res.Batch, err = w.finish(err, summary); err != nil {
		return nil, err
	}
	return res, nil
}

// streamWriter is the goroutine that owns the import's transaction.
type streamWriter struct {
	ctx     context.Context
	s       *data.Store
	source  string
	choice  func(branch string) BranchChoice
	chunks  chan []PlanItem
	verdict chan verdict // the reader's outcome, once every chunk is sent
	done    chan struct{}
	err     error // the writer's error, set before done closes
	batch   int64
}

type verdict struct {
	err     error
	summary string
}

func startWriter(ctx context.Context, s *data.Store, source string, choice func(string) BranchChoice) *streamWriter {
	w := &streamWriter{ctx: ctx, s: s, source: source, choice: choice,
		chunks: make(chan []PlanItem, 8), verdict: make(chan verdict, 1), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		w.err = w.write()
	}()
	return w
}

// send hands rows to write to the writer, or returns the writer's error once it failed.
func (w *streamWriter) send(items []PlanItem) error {
	select {
	case <-w.done:
		return w.err
	default:
	}
	select {
	case w.chunks <- items:
		return nil
	case <-w.done:
		return w.err
	}
}

// finish tells the writer the reader's outcome (nil: commit) and waits for it; it returns the
// batch id, or the first error of the writer or the reader.
func (w *streamWriter) finish(readErr error, summary string) (int64, error) {
	close(w.chunks)
	w.verdict <- verdict{readErr, summary}
	<-w.done
	if err := w.ctx.Err(); err != nil && (w.err != nil || readErr != nil) {
		// database/sql rolls the transaction back on a cancel; the writer's error is then
		// only that the transaction is gone.
		return 0, err
	}
	if w.err != nil {
		return 0, w.err
	}
	if readErr != nil {
		return 0, readErr
	}
	return w.batch, nil
}

func (w *streamWriter) write() error {
	first, ok := <-w.chunks
	if !ok {
		return nil // nothing to write: no backup, no batch
	}
	if _, err := w.s.AutoBackup("导入前"); err != nil {
		return fmt.Errorf("导入前备份数据库失败，未导入任何数据：%w", err)
	}
	return w.s.Tx(w.ctx, func(tx *sql.Tx) error {
		b, err := w.s.BeginBatch(tx, BatchKind, w.source)
		if err != nil {
			return err
		}
		cw, err := newCommitWriter(tx, b)
		if err != nil {
			return err
		}
		defer cw.close()
		cw.parentOf = func(name string) int64 { return w.choice(name).CreateUnder }
		for items := first; ok; items, ok = <-w.chunks {
			if err := w.ctx.Err(); err != nil {
				return err
			}
			if err := writeChunk(cw, items); err != nil {
				return err
			}
			// The rows just written do not change again in this import (an ID number is
			// imported once), so their undo records can be final now.
			if err := b.Flush(); err != nil {
				return err
			}
		}
		v := <-w.verdict
		if v.err != nil {
			return v.err
		}
		if err := w.ctx.Err(); err != nil {
			return err
		}
		if len(cw.branches) > 0 {
			v.summary += fmt.Sprintf("，新建支部 %d 个", len(cw.branches))
		}
		if err := b.Finish(w.s, v.summary); err != nil {
			return err
		}
		w.batch = b.ID
		return nil
	})
}

// writeChunk writes the updates of a chunk one by one, then its new members in multi-row
// inserts, as CommitImport does.
func writeChunk(cw *commitWriter, items []PlanItem) error {
	fresh := make([]*PlanItem, 0, len(items))
	for i := range items {
		it := &items[i]
		if it.Action == ActionNew {
			fresh = append(fresh, it)
			continue
		}
		if err := cw.update(it); err != nil {
			return rowFailed(it, err)
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	return cw.insert(fresh)
}
