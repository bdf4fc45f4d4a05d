package main

// runImport is filled in by its feature; until then it refuses.
func runImport(e *env, args []string) error { return refuse(errNotYet) }
