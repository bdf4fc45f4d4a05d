package ui

import (
	"strings"

	"dangjian/data/idcard"
)

// Privacy: lists show ID numbers and phones masked until the user, once per session and after
// a confirmation, asks to see them in full. Every screen goes through these helpers so no
// list forgets to mask.

// Revealed reports whether the user chose to see full ID numbers and phones this session.
func (wb *Workbench) Revealed() bool { return wb.revealed }

// ShowID is an ID number as lists show it: 3401**********1234 unless revealed.
func (wb *Workbench) ShowID(s string) string {
	if wb.revealed || s == "" {
		return s
	}
	return idcard.Mask(s)
}

// ShowPhone is a phone number as lists show it: 139****1234 unless revealed.
func (wb *Workbench) ShowPhone(s string) string {
	if wb.revealed {
		return s
	}
	return MaskPhone(s)
}

// MaskPhone keeps the first 3 and the last 4 characters of a phone number (139****1234) and
// stars the rest; a short number keeps only its last 4 characters visible.
func MaskPhone(s string) string {
	r := []rune(strings.TrimSpace(s))
	switch {
	case len(r) == 0:
		return ""
	case len(r) <= 4:
		return strings.Repeat("*", len(r))
	case len(r) <= 7:
		return strings.Repeat("*", len(r)-4) + string(r[len(r)-4:])
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-7) + string(r[len(r)-4:])
}

// AskReveal asks the user to confirm showing full ID numbers and phones for this session; on
// 确定 it sets the flag, runs then (may be nil) and tells every screen to redraw.
func (wb *Workbench) AskReveal(then func()) {
	if wb.revealed {
		if then != nil {
			then()
		}
		return
	}
	wb.Confirm("显示完整身份证号和电话",
		"将在本次运行中显示完整的身份证号和联系电话，直到关闭程序。\n请确认周围没有无关人员、屏幕不会被他人看到。",
		func() {
			wb.revealed = true
			if then != nil {
				then()
			}
			wb.Changed(Privacy)
		})
}
