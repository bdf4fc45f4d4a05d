package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Setting up an institute: an empty database gets its root 党委 (full and short name) and the
// institute's name in one step, the first thing a real office does; later edits of either go
// through SaveProfile. The 党委's names stay the root organisation's own (see Profile).

// ErrAlreadySetUp refuses a second set-up: the database already has its root 党委.
var ErrAlreadySetUp = errors.New("数据库中已经有党委（根组织），不能再次初始化")

// ValidateProfile says what is wrong with a profile before it is saved.
func ValidateProfile(p Profile) Invalid {
	var v Invalid
	if strings.TrimSpace(p.CommitteeName) == "" {
		v = append(v, FieldError{"CommitteeName", "请填写党委全称，例如“中共某某研究院委员会”"})
	}
	for _, f := range []struct{ field, value, label string }{
		{"CommitteeName", p.CommitteeName, "党委全称"}, {"CommitteeShort", p.CommitteeShort, "党委简称"}, {"Institute", p.Institute, "研究院名称"},
	} {
		if len([]rune(strings.TrimSpace(f.value))) > maxProfileName {
			v = append(v, FieldError{f.field, fmt.Sprintf("%s太长（最多 %d 个字），请核对", f.label, maxProfileName)})
		}
	}
	return v
}

// maxProfileName bounds each name of the profile; a title line holds no more.
const maxProfileName = 60

// SetUp creates the root 党委 with p's full and short name and stores the institute's name, in
// one transaction, both logged. A database that already has a root is refused with
// ErrAlreadySetUp (the names are then edited with SaveProfile). It returns the profile saved.
func (s *Store) SetUp(ctx context.Context, p Profile) (Profile, error) {
	p = trimProfile(p)
	if v := ValidateProfile(p); len(v) > 0 {
		return Profile{}, v
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var name string
		err := tx.QueryRow(`SELECT name FROM org WHERE parent_id IS NULL AND abolished = '' ORDER BY id LIMIT 1`).Scan(&name)
		if err == nil {
			return fmt.Errorf("%w：已有“%s”；如需修改名称，请在“组织机构”中编辑党委", ErrAlreadySetUp, name)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return lookupFailed("已有的党委", err)
		}
		root := Org{TypeCode: TypeCommittee, Name: p.CommitteeName, ShortName: p.CommitteeShort}
		if err := s.createOrg(tx, &root); err != nil {
			return err
		}
		p.RootID = root.ID
		return s.saveInstitute(tx, p.Institute)
	})
	if err != nil {
		return Profile{}, err
	}
	return p, nil
}

// SaveProfile changes the institute's name and the root 党委's full and short name, in one
// transaction; each change is logged (the root's as an edit of the organisation).
func (s *Store) SaveProfile(ctx context.Context, p Profile) error {
	p = trimProfile(p)
	if v := ValidateProfile(p); len(v) > 0 {
		return v
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var rootID int64
		err := tx.QueryRow(`SELECT id FROM org WHERE parent_id IS NULL AND abolished = '' ORDER BY id LIMIT 1`).Scan(&rootID)
		if errors.Is(err, sql.ErrNoRows) {
			return errors.New("系统中还没有党委（根组织）；请先初始化（命令行 dangjian-cli init）")
		}
		if err != nil {
			return lookupFailed("党委", err)
		}
		root, err := orgByID(tx, rootID)
		if err != nil {
			return err
		}
		if root.Name != p.CommitteeName || root.ShortName != p.CommitteeShort {
			root.Name, root.ShortName = p.CommitteeName, p.CommitteeShort
			if err := s.updateOrg(tx, &root); err != nil {
				return err
			}
		}
		return s.saveInstitute(tx, p.Institute)
	})
}

// saveInstitute stores the institute's name and logs a change.
func (s *Store) saveInstitute(tx *sql.Tx, institute string) error {
	var old string
	err := tx.QueryRow(`SELECT institute FROM profile WHERE id = 1`).Scan(&old)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return lookupFailed("研究院名称", err)
	}
	if err == nil && old == institute {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) && institute == "" {
		return nil
	}
	if _, err := tx.Exec(`INSERT INTO profile(id, institute) VALUES (1, ?)
		ON CONFLICT(id) DO UPDATE SET institute = excluded.institute`, institute); err != nil {
		return err
	}
	detail := "研究院名称：" + institute
	if old != "" {
		detail = fmt.Sprintf("研究院名称：%s → %s", old, institute)
	}
	return s.audit(tx, "设置研究院", institute, detail, "", 0)
}

func trimProfile(p Profile) Profile {
	p.Institute, p.CommitteeName, p.CommitteeShort = strings.TrimSpace(p.Institute), strings.TrimSpace(p.CommitteeName), strings.TrimSpace(p.CommitteeShort)
	return p
}
