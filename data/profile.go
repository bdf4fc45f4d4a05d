package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Profile is who the office works for, as printed titles name it: the institute (某某研究院) and
// its 党委 (中共某某研究院委员会, short 院党委). The 党委's names are the root organisation's, so
// renaming the root renames every title.
type Profile struct {
	Institute      string // 某某研究院; "" when not set up
	CommitteeName  string // the root organisation's full name; "" when there is no root yet
	CommitteeShort string // its short name, e.g. 院党委
	RootID         int64  // the root organisation; 0 when there is none
}

// Profile reads the profile: the stored institute name and the live root organisation's names.
// A database without a root gives a zero Profile and no error.
func (s *Store) Profile(ctx context.Context) (Profile, error) {
	return readWith(ctx, s, profileIn)
}

func profileIn(q queryer) (Profile, error) {
	var p Profile
	err := q.QueryRow(`SELECT institute FROM profile WHERE id = 1`).Scan(&p.Institute)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return Profile{}, fmt.Errorf("无法读取研究院名称（读取数据库失败）：%w", err)
	}
	err = q.QueryRow(`SELECT id, name, short_name FROM org WHERE parent_id IS NULL AND abolished = ''
		ORDER BY id LIMIT 1`).Scan(&p.RootID, &p.CommitteeName, &p.CommitteeShort)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return Profile{}, fmt.Errorf("无法读取党委名称（读取数据库失败）：%w", err)
	}
	return p, nil
}

// TitleName is the name a printed title starts with: the institute when it is set, else the
// 党委's full name, else "" (a title then carries no name rather than a wrong one).
func (p Profile) TitleName() string {
	if p.Institute != "" {
		return p.Institute
	}
	return p.CommitteeName
}
