package sheets

import (
	"context"

	"dangjian/data"
	"dangjian/data/abpost"
)

// The files of personal data this package writes for the window and the command line, each
// logged in the 操作日志 once it is in place (data.Store.LogExport): what, how many persons,
// whether full ID numbers or phones are in it, and where it went.

// SaveRejects writes the import's rejected rows to path, as WriteRejects does, and logs it:
// the rows go out as they were typed, ID numbers and phones whole. false when none was rejected.
func SaveRejects(s *data.Store, path string, p *Plan) (bool, error) {
	wrote, err := WriteRejects(path, p)
	if err != nil || !wrote {
		return wrote, err
	}
	return true, LogRejects(s, path, p.Rejected)
}

// LogRejects logs n rejected rows written to path, for a caller that wrote them with
// WriteRejects while a transaction was open (the command line's import).
func LogRejects(s *data.Store, path string, n int) error {
	return s.LogExport(data.Export{What: "导入未通过的行", Persons: n, FullIDs: true, FullPhones: true, Path: path})
}

// SaveAuditLog writes entries to path, as WriteAuditLog does, and logs the export: the log
// names persons (its 对象) but holds no ID numbers or phones.
func SaveAuditLog(ctx context.Context, s *data.Store, path string, entries []data.AuditEntry, scope string) error {
	p, err := s.Profile(ctx)
	if err != nil {
		return err
	}
	if err := WriteAuditLog(path, entries, scope, p.TitleName()); err != nil {
		return err
	}
	return s.LogExport(data.Export{What: "操作日志（" + scope + "）", Persons: len(entries), Path: path})
}

// LogABExport logs an AB岗 sheet (Excel here, the PDF guide in package report): the post holders named in it, with the items' office phones.
func LogABExport(s *data.Store, what, path string, items []abpost.Item) error {
	names := map[string]bool{}
	for _, it := range items {
		for _, n := range []string{it.AName, it.BName} {
			if n != "" {
				names[n] = true
			}
		}
	}
	return s.LogExport(data.Export{What: what, Persons: len(names), FullPhones: what == GuideName, Path: path})
}

// logRosterExport logs a roster export of members with the options it was written with.
func logRosterExport(s *data.Store, ms []data.Member, path string, opt ExportOptions) error {
	phones := false
	for _, m := range ms {
		phones = phones || m.Phone != ""
	}
	what := opt.Title
	if what == "" {
		what = "党员花名册"
	}
	return s.LogExport(data.Export{What: what, Persons: len(ms), FullIDs: opt.IncludeFullIDs, FullPhones: phones, Path: path})
}
