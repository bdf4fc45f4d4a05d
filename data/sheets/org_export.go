package sheets

import (
	"context"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
)

// Exporting the organisation tree in the columns the organisation import reads, parents before
// their children, so that exporting and importing again changes nothing.

// OrgSheetName is the sheet the export writes.
const OrgSheetName = "基层党组织基本情况一览表"

// ExportOrgs writes the live organisations to path and returns how many.
func ExportOrgs(ctx context.Context, s *data.Store, path string) (int, error) {
	all, err := s.Orgs(ctx)
	if err != nil {
		return 0, err
	}
	secretaries, err := s.Secretaries(ctx)
	if err != nil {
		return 0, err
	}
	byID := map[int64]data.Org{}
	kids := map[int64][]data.Org{}
	for _, o := range all {
		if o.Live() {
			byID[o.ID] = o
			kids[o.ParentID] = append(kids[o.ParentID], o)
		}
	}
	f, st, err := styledBook(OrgSheetName)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	head := make([]any, len(OrgFields))
	for i, fl := range OrgFields {
		head[i] = fl.Label()
	}
	if err := f.SetSheetRow(OrgSheetName, "A1", &head); err != nil {
		return 0, err
	}
	last, _ := excelize.ColumnNumberToName(len(OrgFields))
	f.SetCellStyle(OrgSheetName, "A1", last+"1", st.Header)
	line := 1
	var walk func(parent int64) error
	walk = func(parent int64) error {
		for _, o := range kids[parent] {
			if err := ctx.Err(); err != nil {
				return err
			}
			line++
			row := make([]any, len(OrgFields))
			for i, fl := range OrgFields {
				row[i] = orgCell(o, fl, byID, secretaries)
			}
			ref, _ := excelize.CoordinatesToCellName(1, line)
			end, _ := excelize.CoordinatesToCellName(len(OrgFields), line)
			if err := f.SetSheetRow(OrgSheetName, ref, &row); err != nil {
				return err
			}
			f.SetCellStyle(OrgSheetName, ref, end, st.Text)
			for i, fl := range OrgFields {
				if fl == OrgFieldFounded && !o.Founded.IsZero() {
					cell, _ := excelize.CoordinatesToCellName(i+1, line)
					f.SetCellValue(OrgSheetName, cell, o.Founded)
					f.SetCellStyle(OrgSheetName, cell, cell, st.Date)
				}
			}
			if err := walk(o.ID); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(0); err != nil {
		return 0, err
	}
	for i, w := range []float64{34, 14, 12, 30, 24, 12, 12, 10, 24, 16} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(OrgSheetName, col, col, w)
	}
	f.SetPanes(OrgSheetName, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if err := PrintSetup(f, OrgSheetName, true, "$1:$1"); err != nil {
		return 0, err
	}
	return line - 1, SaveAtomic(f, path)
}

func orgCell(o data.Org, f OrgField, byID map[int64]data.Org, secretaries map[int64]string) string {
	switch f {
	case OrgFieldName:
		return o.Name
	case OrgFieldShort:
		return o.ShortName
	case OrgFieldType:
		return data.TypeName(o.TypeCode)
	case OrgFieldParent:
		return byID[o.ParentID].Name
	case OrgFieldUnit:
		return o.UnitName
	case OrgFieldUnitKind:
		return o.UnitKind
	case OrgFieldSecretary:
		return secretaries[o.ID]
	case OrgFieldMission:
		return o.Mission
	}
	return ""
}
