// Package ab is the AB岗 screen: the service catalogue with its A and B posts, absences, the
// coverage calendar, holidays and the catalogue import.
package ab
