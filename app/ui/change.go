package ui

// Change names the kinds of records a user action changed, so that only the screens that show
// them reload: an AB岗 edit must not reload a 100 000-member roster. Kinds combine with |.
type Change uint

const (
	// Orgs: organisations, their committees and temporary branches (the tree and its counts).
	Orgs Change = 1 << iota
	// Members: persons and memberships — the roster, and the branch headcounts of the tree.
	Members
	// AB: the AB岗 catalogue, absences and the holiday calendar.
	AB
	// Eval: criteria sets, evaluation rounds, scores and results.
	Eval
	// Privacy: the session chose to see full ID numbers and phones; lists redraw, nothing reloads.
	Privacy
	// Audit: an entry of the 操作日志 that changes no record — an export or a backup. Every
	// record kind above is logged too, so the log listens to Records | Audit.
	Audit

	// Records is every kind of stored record: what a restore or loading the demo changes.
	Records = Orgs | Members | AB | Eval
)

// listener is one screen's reload and the kinds it shows.
type listener struct {
	kinds  Change
	reload func()
}

// OnChange registers a screen's reload for the kinds of records it shows.
func (wb *Workbench) OnChange(kinds Change, reload func()) {
	wb.listeners = append(wb.listeners, listener{kinds, reload})
}

// Changed tells the screens that show any of what changed to reload, and redraws the rail's
// badges. Without an argument every kind of record changed (a restore, the demo loaded).
func (wb *Workbench) Changed(what ...Change) {
	changed := Change(0)
	for _, c := range what {
		changed |= c
	}
	if len(what) == 0 {
		changed = Records
	}
	for _, l := range wb.listeners {
		if l.kinds&changed != 0 {
			l.reload()
		}
	}
	if wb.Shell != nil {
		wb.Shell.RefreshBadges()
	}
}
