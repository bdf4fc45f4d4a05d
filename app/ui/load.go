package ui

// Loader reads a screen's records off the main goroutine and lands them on it. A load started
// later supersedes one still running, so two quick changes never show the first one's result
// after the second's.
type Loader struct {
	gen     int
	settled chan struct{}
}

// Settled is closed once the load started last has landed (or been superseded by nothing):
// tests and the restore wait on it.
func (l *Loader) Settled() <-chan struct{} {
	if l.settled == nil {
		done := make(chan struct{})
		close(done)
		return done
	}
	return l.settled
}

// Load runs read in the background and then show on the main goroutine with its result,
// unless a later Load on l began meanwhile. Call it on the main goroutine.
func Load[T any](l *Loader, read func() (T, error), show func(T, error)) {
	l.gen++
	gen, done := l.gen, make(chan struct{})
	l.settled = done
	finish := func(v T, err error) {
		defer close(done)
		if gen == l.gen {
			show(v, err)
		}
	}
	if landsInline {
		// The test driver runs fyne.Do at once on whatever goroutine calls it: a landing from
		// a reading goroutine would redraw widgets while the test taps them. So the test
		// driver's loads read and land here, on the caller's goroutine.
		v, err := read()
		finish(v, err)
		return
	}
	go func() {
		v, err := read()
		land(func() { finish(v, err) })
	}()
}

// Later runs fn on the main goroutine once the event being handled now is done: a widget that
// takes the focus itself on return is given it back after.
func Later(fn func()) { go land(fn) }
