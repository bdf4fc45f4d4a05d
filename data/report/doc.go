// Package report writes PDF files with the embedded Noto Sans SC font: the service guide,
// evaluation sheets, ballots and results.
package report

import _ "github.com/go-pdf/fpdf" // PDF output without cgo
