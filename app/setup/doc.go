// Package setup is the institute's profile in the window: the first-start form that sets up an
// empty database (or loads the demo) and the later edit of the same names.
package setup
