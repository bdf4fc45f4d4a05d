// Package demo fills an empty database with a plausible institute — its organisation tree,
// members, committees, A/B posts and evaluation rounds — and generates large synthetic
// rosters for benchmarks.
package demo
