// Package eval is the 模范机关 screen: evaluation rounds, the score grid, ballots, results and the
// criteria editor.
package eval
