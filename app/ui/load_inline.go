//go:build ci

package ui

import "sync"

// landsInline: the ci tag selects Fyne's headless test driver, whose fyne.Do runs the work at
// once on whatever goroutine calls it instead of handing it to a main goroutine (load.go).
const landsInline = true

// landing stands in for the main goroutine the test driver lacks: long work lands its progress
// and its result under it, and a test polls the window under it (apptest.WaitFor), so the two
// never redraw and read the same widgets at once.
var landing sync.Mutex

func land(fn func()) {
	landing.Lock()
	defer landing.Unlock()
	fn()
}

// WithoutLanding runs f while no background work lands on the window.
func WithoutLanding(f func()) { land(f) }
