// Package app wires the screens of 党建融合工作台 into one main window: the shared pieces live in
// app/ui, each screen in its own package (org, roster, ab, eval, safety), and the screens talk to
// data/ only through its Go API.
package app
