package data

import (
	"testing"

	"dangjian/data/civil"
)

// A mobile number with a digit missing is caught; landlines and whole mobiles pass.
func TestValidateMemberFlagsATenDigitMobile(t *testing.T) {
	base := Member{Person: Person{Name: "王五", Gender: "男"}, Membership: Membership{BranchID: 1, Category: CategoryFull, Joined: civil.Date(2010, 7, 1)}}
	for phone, flagged := range map[string]bool{
		"1390551223":    true,
		"139-0551-223":  true,
		"13905511234":   false,
		"0551-65591234": false,
		"65591234":      false,
		"0551659123":    false, // ten digits, but a landline with its area code
	} {
		m := base
		m.Phone = phone
		msg := ValidateMember(m, civil.Date(2026, 11, 28)).For("Phone")
		if (msg != "") != flagged {
			t.Errorf("%s: %q, flagged want %v", phone, msg, flagged)
		}
	}
}
