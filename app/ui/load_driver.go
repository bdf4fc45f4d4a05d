//go:build !ci

package ui

import "fyne.io/fyne/v2"

// landsInline is false on the real drivers: fyne.Do queues the landing onto the main goroutine.
const landsInline = false

func land(fn func()) { fyne.Do(fn) }

// WithoutLanding runs f; on a real driver landings queue on the main goroutine, where f runs.
func WithoutLanding(f func()) { f() }
