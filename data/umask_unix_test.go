//go:build unix

package data

import "syscall"

func setUmask(m int) int { return syscall.Umask(m) }
