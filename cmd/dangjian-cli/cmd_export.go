package main

// runExport is filled in by its feature; until then it refuses.
func runExport(e *env, args []string) error { return refuse(errNotYet) }
