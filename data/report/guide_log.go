package report

import (
	"context"
	"time"

	"dangjian/data"
	"dangjian/data/abpost"
	"dangjian/data/sheets"
)

// SaveGuide writes the PDF 一站式服务指南 (WriteGuide) and logs the export in the 操作日志, as
// the Excel guide is: the window and the command line call it.
func SaveGuide(ctx context.Context, s *data.Store, path string, on time.Time) error {
	if err := WriteGuide(ctx, s, path, on); err != nil {
		return err
	}
	items, err := abpost.Items(ctx, s, abpost.ItemFilter{}, on)
	if err != nil {
		return err
	}
	return sheets.LogABExport(s, sheets.GuideName, path, items)
}
