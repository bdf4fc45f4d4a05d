// Package sheets reads and writes the Excel and CSV files of 党建融合工作台: the tolerant
// roster import, the print-ready exports and the printable evaluation sheets.
package sheets

import (
	_ "golang.org/x/text/encoding/simplifiedchinese" // GBK/GB18030 CSV as Excel saves it on Chinese Windows
)
