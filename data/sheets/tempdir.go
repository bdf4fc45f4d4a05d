package sheets

import (
	"github.com/xuri/excelize/v2"

	"dangjian/data"
)

// Excelize unpacks sheets and buffers streamed rows in temporary files full of names, ID
// numbers and phones. Every reader and writer here gives it the private folder beside the
// database (data.TempDir), which the next start sweeps when a run was killed — never the
// system temp folder, where they were left for anyone to read.

// private sets excelize's temporary folder in the options a reader opens a workbook with.
func private(o excelize.Options) excelize.Options {
	o.TmpDir = data.TempDir()
	return o
}

// newBook is excelize.NewFile writing its stream buffers into the private folder.
func newBook() *excelize.File { return excelize.NewFile(private(excelize.Options{})) }
