package data

import (
	"database/sql"
	"fmt"
	"sync"
)

// A file offered as a backup must hold every table and column its schema version has: a
// crafted file with user_version 4 and a single membership table used to be swapped in, and
// the next command ended in SQLite's "no such table: audit". The expectation is built from
// the embedded migrations themselves, so a migration added later is checked without editing
// this file.

// tables maps each table to its columns.
type tables map[string]map[string]bool

var expected struct {
	sync.Mutex
	byVersion map[int]tables
}

// expectedTables is the schema migrations 1…version make, built once per version in a
// private in-memory database.
func expectedTables(version int) (tables, error) {
	expected.Lock()
	defer expected.Unlock()
	if t, ok := expected.byVersion[version]; ok {
		return t, nil
	}
	ms, err := migrations()
	if err != nil {
		return nil, err
	}
	if version > len(ms) {
		return nil, fmt.Errorf("schema version %d unknown", version)
	}
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one connection: one in-memory database
	for _, m := range ms[:version] {
		if _, err := db.Exec(m.sql); err != nil {
			return nil, fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	t, err := tablesOf(db)
	if err != nil {
		return nil, err
	}
	if expected.byVersion == nil {
		expected.byVersion = map[int]tables{}
	}
	expected.byVersion[version] = t
	return t, nil
}

// tablesOf reads the tables and columns of a database.
func tablesOf(db *sql.DB) (tables, error) {
	rows, err := db.Query(`SELECT m.name, p.name FROM sqlite_schema m JOIN pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	t := tables{}
	for rows.Next() {
		var table, column string
		if err := rows.Scan(&table, &column); err != nil {
			return nil, err
		}
		if t[table] == nil {
			t[table] = map[string]bool{}
		}
		t[table][column] = true
	}
	return t, rows.Err()
}

// lacksSchema tells whether db lacks a table or column that its version must have.
func lacksSchema(db *sql.DB, version int) (bool, error) {
	want, err := expectedTables(version)
	if err != nil {
		return false, err
	}
	have, err := tablesOf(db)
	if err != nil {
		return false, err
	}
	for table, cols := range want {
		for col := range cols {
			if !have[table][col] {
				return true, nil
			}
		}
	}
	return false, nil
}
