// Package apptest holds what the screens' tests share: a demo workbench on a real SQLite file,
// finding widgets as a person sees them, waiting for background loads, and screenshots that are
// checked on every run.
package apptest
