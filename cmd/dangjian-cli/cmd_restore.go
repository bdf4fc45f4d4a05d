package main

// runRestore is filled in by its feature; until then it refuses.
func runRestore(e *env, args []string) error { return refuse(errNotYet) }
