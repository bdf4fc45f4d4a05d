package criteria

import (
	"time"

	"dangjian/data"
)

// abRatesByDept reads the A/B post figures per department from package abpost.
func abRatesByDept(s *data.Store, from, to time.Time) (map[string]ABRates, error) {
	return nil, nil
}
