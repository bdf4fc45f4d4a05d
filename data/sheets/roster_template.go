package sheets

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// The blank import template: the headers the import recognises (required ones marked "*"),
// the ID and phone columns formatted as text before anyone types in them, date columns as
// dates, drop-downs for 性别 and 人员类别, and a 填表说明 sheet (which the import skips).

// templateRows is how many rows carry the text and date formats.
const templateRows = 2000

// WriteTemplate writes the blank roster template to path.
func WriteTemplate(path string) error {
	const sheet = "党员花名册"
	f, st, err := styledBook(sheet)
	if err != nil {
		return err
	}
	defer f.Close()
	for i, fl := range Fields {
		col, _ := excelize.ColumnNumberToName(i + 1)
		h := fl.Label()
		if fl.Required() {
			h = "*" + h
		}
		f.SetCellValue(sheet, col+"1", h)
		f.SetColWidth(sheet, col, col, widths[fl])
		style := st.Cell
		switch fl {
		case FieldIDNumber, FieldPhone:
			style = st.Text
		case FieldBirth, FieldJoined, FieldFull:
			style = st.Date
		}
		f.SetCellStyle(sheet, col+"2", fmt.Sprintf("%s%d", col, templateRows+1), style)
		var list []string
		switch fl {
		case FieldGender:
			list = []string{"男", "女"}
		case FieldCategory:
			list = []string{"正式党员", "预备党员"}
		}
		if list != nil {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, templateRows+1)
			dv.SetDropList(list)
			f.AddDataValidation(sheet, dv)
		}
	}
	last, _ := excelize.ColumnNumberToName(len(Fields))
	f.SetCellStyle(sheet, "A1", last+"1", st.Header)
	f.SetRowHeight(sheet, 1, 24)
	f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if err := PrintSetup(f, sheet, true, "$1:$1"); err != nil {
		return err
	}
	notes := "填表说明"
	f.NewSheet(notes)
	lines := []string{
		"党员花名册导入模板 · 填表说明",
		"1. 带 * 的列必须填写：姓名、公民身份号码、所在党支部、入党日期。",
		"2. 公民身份号码一列已设为文本格式，请直接录入18位号码；不要把该列改成数值，否则 Excel 会丢掉后几位。",
		"3. 日期可写成 1985-03-12、1985/3/12、1985年3月12日 或 19850312；只知道年月时写 1985-03 或 1985年3月，按该月1日计。",
		"4. 人员类别填“正式党员”或“预备党员”（也可只写“正式”“预备”）。",
		"5. 所在党支部须与系统中的支部名称一致；新支部在导入时可选择新建或对应到已有支部。",
		"6. 已在系统中的党员（按身份证号识别）会被更新；表中留空的单元格不会清除系统里已有的内容。",
		"7. 每个支部也可各用一张工作表，并以支部名称命名工作表，此时可不填“所在党支部”列。",
		"8. 本页（填表说明）导入时会自动跳过。",
		"",
		"示例：张三｜男｜汉族｜1985-03-12｜340104198503121234（文本）｜研究生｜博士｜研究员｜第一党支部｜正式党员｜2010-06-30｜2011-07-01｜某实验室｜课题组长｜13905511234",
	}
	for i, l := range lines {
		f.SetCellValue(notes, fmt.Sprintf("A%d", i+1), l)
	}
	f.SetColWidth(notes, "A", "A", 120)
	f.SetCellStyle(notes, "A1", "A1", st.Bold)
	return SaveAtomic(f, path)
}
