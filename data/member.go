package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"dangjian/data/idcard"
	"dangjian/data/internal/sqldb"
)

// FoldName trims a name and folds the spaces people pad names with ("张  三" → "张三",
// full-width spaces too); a name in Latin letters keeps single spaces between words.
func FoldName(s string) string {
	s = strings.ReplaceAll(s, "\u3000", " ")
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	latin := true
	for _, r := range strings.Join(f, "") {
		if r > 0x2FF {
			latin = false
			break
		}
	}
	if latin {
		return strings.Join(f, " ")
	}
	return strings.Join(f, "")
}

// ValidateMember says, field by field, what is wrong with a member record; today is the
// store's date, for "a date in the future".
func ValidateMember(m Member, today time.Time) Invalid {
	v := validatePersonLengths(m.Person)
	birth := v.identity(m)
	v.membership(m)
	v.memberDates(m, birth, today)
	if p := strings.TrimSpace(m.Phone); p != "" && v.For("Phone") == "" && !phoneOK(p) {
		v.add("Phone", "联系电话只能包含数字、空格、“-”和“+”，如 13905511234 或 0551-65591234")
	} else if p != "" && v.For("Phone") == "" && mobileShort(p) {
		v.add("Phone", "手机号码应为11位，“"+p+"”只有10位，请核对是否漏录了一位")
	}
	return v
}

func (v *Invalid) add(field, msg string) { *v = append(*v, FieldError{field, msg}) }

// identity checks the name, the gender and the ID number, and that the birth date and gender
// agree with the number; it returns the birth date, from the number when none is given.
func (v *Invalid) identity(m Member) time.Time {
	if FoldName(m.Name) == "" {
		v.add("Name", "请填写姓名")
	}
	if m.Gender != "" && m.Gender != "男" && m.Gender != "女" {
		v.add("Gender", "性别只能是“男”或“女”")
	}
	birth := m.Birth
	if m.IDNumber == "" || v.For("IDNumber") != "" {
		return birth
	}
	info, err := idcard.Parse(m.IDNumber)
	if err != nil {
		v.add("IDNumber", err.Error())
		return birth
	}
	if birth.IsZero() {
		birth = info.Birth
	}
	if !m.Birth.IsZero() && !info.Birth.Equal(m.Birth) {
		v.add("Birth", fmt.Sprintf("出生日期与身份证号不符（身份证号中为 %s）", DateText(info.Birth)))
	}
	if g := genderOf(info); m.Gender != "" && m.Gender != g {
		v.add("Gender", fmt.Sprintf("性别与身份证号不符（身份证号中为%s）", g))
	}
	return birth
}

// membership checks the branch, the category, the status and that a joining date is given.
func (v *Invalid) membership(m Member) {
	if m.BranchID == 0 {
		v.add("BranchID", "请选择所在党支部")
	}
	if m.Category != CategoryFull && m.Category != CategoryProbation {
		v.add("Category", "人员类别须为“正式党员”或“预备党员”")
	}
	if m.Status != "" && !contains(Statuses, m.Status) {
		v.add("Status", "党籍状态须为：正常、已转出、已减员或历史")
	}
	if m.Joined.IsZero() {
		v.add("Joined", "请填写入党日期")
	}
}

// memberDates checks that no date is in the future and that birth, joining and becoming a full
// member come in order, at the age the Constitution asks.
func (v *Invalid) memberDates(m Member, birth, today time.Time) {
	for _, d := range []struct {
		field, label string
		t            time.Time
	}{{"Birth", "出生日期", m.Birth}, {"Joined", "入党日期", m.Joined}, {"Full", "转正日期", m.Full}} {
		if d.t.After(today) {
			v.add(d.field, d.label+"不能晚于今天")
		}
	}
	if !birth.IsZero() && !m.Joined.IsZero() && !birth.Before(m.Joined) {
		v.add("Joined", "入党日期必须晚于出生日期")
	} else if !birth.IsZero() && !m.Joined.IsZero() && m.Joined.Before(birth.AddDate(18, 0, 0)) {
		v.add("Joined", "入党时须年满十八岁，请核对入党日期或出生日期")
	}
	if !m.Full.IsZero() && !m.Joined.IsZero() && m.Full.Before(m.Joined) {
		v.add("Full", "转正日期不能早于入党日期")
	}
	if m.Category == CategoryProbation && !m.Full.IsZero() {
		v.add("Full", "预备党员尚未转正，不应有转正日期；如已转正，请把人员类别改为正式党员")
	}
}

func genderOf(info idcard.Info) string { return info.Gender() }

func phoneOK(p string) bool {
	digits := 0
	for _, r := range p {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == ' ' || r == '+' || r == '(' || r == ')':
		default:
			return false
		}
	}
	return digits >= 5
}

// mobileShort: ten digits starting with 1 is a mobile number with one digit missing (a
// landline has its area code 0… or is at most 8 digits).
func mobileShort(p string) bool {
	d := digitsOnly(p)
	return len(d) == 10 && d[0] == '1' && len(d) == len(strings.NewReplacer(" ", "", "-", "").Replace(p))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// normalizeMember fills what the ID number implies and tidies the text fields.
func normalizeMember(m *Member) {
	m.Name = FoldName(m.Name)
	m.IDNumber = idcard.Normalize(m.IDNumber)
	if info, err := idcard.Parse(m.IDNumber); err == nil {
		m.IDNumber = info.Number
		if m.Birth.IsZero() {
			m.Birth = info.Birth
		}
		if m.Gender == "" {
			m.Gender = genderOf(info)
		}
	}
	if m.Status == "" {
		m.Status = StatusNormal
	}
	m.Phone = strings.TrimSpace(m.Phone)
}

// SaveMember creates (Person.ID 0) or updates a member — person and membership together, in one
// transaction. A changed home branch or status is not saved here: use TransferMember and
// SetStatus, which keep the dated record.
func (s *Store) SaveMember(ctx context.Context, m *Member) error {
	normalizeMember(m)
	if v := ValidateMember(*m, s.Today()); len(v) > 0 {
		return v
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var old Member
		if m.Membership.ID != 0 {
			var err error
			if old, err = memberIn(tx, m.Person.ID); err != nil {
				return err
			}
		}
		if err := s.savePerson(tx, &m.Person); err != nil {
			return err
		}
		m.PersonID = m.Person.ID
		if m.Membership.ID == 0 {
			res, err := tx.Exec(`INSERT INTO membership(person_id, branch_id, category, joined, full_date, status) VALUES (?,?,?,?,?,?)`,
				m.Person.ID, m.BranchID, m.Category, DateText(m.Joined), DateText(m.Full), m.Status)
			if err != nil {
				return err
			}
			m.Membership.ID, _ = res.LastInsertId()
			return s.audit(tx, "新增党员", m.Name, "", "", 0)
		}
		if _, err := tx.Exec(`UPDATE membership SET category=?, joined=?, full_date=? WHERE id=?`,
			m.Category, DateText(m.Joined), DateText(m.Full), m.Membership.ID); err != nil {
			return err
		}
		now, err := memberIn(tx, m.Person.ID)
		if err != nil {
			return err
		}
		if what := memberChanges(old, now); what != "" {
			return s.audit(tx, "修改党员信息", now.Name, what, "", 0)
		}
		return nil
	})
}

// memberIn reads one member inside a transaction.
func memberIn(q queryer, personID int64) (Member, error) {
	m, err := scanMember(q.QueryRow(`SELECT `+memberColumns+memberFrom+` WHERE p.id = ?`, personID))
	if errors.Is(err, sql.ErrNoRows) {
		return m, ErrNotFound
	}
	return m, err
}

// SavePerson creates or updates a person who need not be a member (A/B post staff, say).
func (s *Store) SavePerson(ctx context.Context, p *Person) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return s.savePerson(tx, p) })
}

func (s *Store) savePerson(tx *sql.Tx, p *Person) error {
	p.Name = FoldName(p.Name)
	if p.Name == "" {
		return Invalid{{"Name", "请填写姓名"}}
	}
	if v := validatePersonLengths(*p); len(v) > 0 {
		return v
	}
	if p.UnitID == 0 && strings.TrimSpace(p.UnitName) != "" {
		id, err := ensureUnit(tx, p.UnitName, "")
		if err != nil {
			return err
		}
		p.UnitID = id
	}
	args := []any{
		p.Name, p.Gender, p.Ethnicity, DateText(p.Birth), nullText(p.IDNumber), p.Education, p.Degree,
		p.Title, nullID(p.UnitID), p.Post, p.Phone, boolInt(p.Backbone), boolInt(p.Returnee), boolInt(p.UnitHead), p.Note,
	}
	var err error
	if p.ID == 0 {
		var res sql.Result
		res, err = tx.Exec(`INSERT INTO person(name,gender,ethnicity,birth,id_number,education,degree,title,unit_id,post,phone,
			backbone,returnee,unit_head,note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, args...)
		if err == nil {
			p.ID, _ = res.LastInsertId()
		}
	} else {
		_, err = tx.Exec(`UPDATE person SET name=?,gender=?,ethnicity=?,birth=?,id_number=?,education=?,degree=?,title=?,
			unit_id=?,post=?,phone=?,backbone=?,returnee=?,unit_head=?,note=? WHERE id=?`, append(args, p.ID)...)
	}
	if KindOf(err) == KindUnique {
		holder := "另一人" // the refusal stands even when the holder's name cannot be read
		var other string
		if tx.QueryRow(`SELECT name FROM person WHERE id_number=?`, p.IDNumber).Scan(&other) == nil {
			holder = "“" + other + "”"
		}
		return Invalid{{"IDNumber", fmt.Sprintf("身份证号 %s 已属于%s，同一身份证号不能登记两次", idcard.Mask(p.IDNumber), holder)}}
	}
	return err
}

const memberColumns = `p.id, p.name, p.gender, p.ethnicity, p.birth, COALESCE(p.id_number,''), p.education, p.degree,
	p.title, COALESCE(p.unit_id,0), COALESCE(u.name,''), p.post, p.phone, p.backbone, p.returnee, p.unit_head, p.note,
	m.id, m.branch_id, o.name, m.category, m.joined, m.full_date, m.status, m.probation_end`

const memberFrom = ` FROM membership m JOIN person p ON p.id = m.person_id JOIN org o ON o.id = m.branch_id
	LEFT JOIN unit u ON u.id = p.unit_id`

func scanMember(sc scanner) (Member, error) {
	var m Member
	var birth, joined, full, extended string
	err := sc.Scan(&m.Person.ID, &m.Name, &m.Gender, &m.Ethnicity, &birth, &m.IDNumber, &m.Education, &m.Degree,
		&m.Title, &m.UnitID, &m.UnitName, &m.Post, &m.Phone, &m.Backbone, &m.Returnee, &m.UnitHead, &m.Note,
		&m.Membership.ID, &m.BranchID, &m.BranchName, &m.Category, &joined, &full, &m.Status, &extended)
	m.PersonID = m.Person.ID
	m.Birth, m.Joined, m.Full = ParseDateText(birth), ParseDateText(joined), ParseDateText(full)
	m.ProbationExtended = ParseDateText(extended)
	return m, err
}

// Member reads one member by person id.
func (s *Store) Member(ctx context.Context, personID int64) (Member, error) {
	return readWith(ctx, s, func(q queryer) (Member, error) { return memberIn(q, personID) })
}

// MemberByIDNumber reads one member by ID number.
func (s *Store) MemberByIDNumber(ctx context.Context, number string) (Member, error) {
	m, err := scanMember(s.q(ctx).QueryRowContext(ctx, `SELECT `+memberColumns+memberFrom+` WHERE p.id_number = ?`, number))
	if errors.Is(err, sql.ErrNoRows) {
		return m, ErrNotFound
	}
	return m, err
}

// MemberFilter narrows the roster. Zero values mean "all".
type MemberFilter struct {
	BranchID int64 // this branch and the branches under it
	Category string
	Status   string
	Query    string // name, ID number or phone, as typed
	Limit    int    // at most this many, 0 for all: the first screen needs only a page
}

// Members lists the roster ordered by branch and, within a branch, by the name's pinyin. The typed text of f.Query is looked
// for as the window's search box looks for it (SearchText), not with SQL LIKE, so the command
// line's -q and the window find the same members.
func (s *Store) Members(ctx context.Context, f MemberFilter) ([]Member, error) {
	q := `SELECT ` + memberColumns + memberFrom + ` WHERE 1=1`
	var args []any
	if f.BranchID != 0 {
		q += ` AND m.branch_id IN (WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT org.id FROM org JOIN sub ON org.parent_id = sub.id) SELECT id FROM sub)`
		args = append(args, f.BranchID)
	}
	if f.Category != "" {
		q += ` AND m.category = ?`
		args = append(args, f.Category)
	}
	if f.Status != "" {
		q += ` AND m.status = ?`
		args = append(args, f.Status)
	}
	text := SearchText(f.Query)
	ms, err := readWith(ctx, s, func(db queryer) ([]Member, error) {
		return membersInPinyinOrder(db, q, args, f.Limit > 0 && text == "", f.Limit)
	})
	if err != nil || text == "" {
		return ms, err
	}
	hits := ms[:0]
	for _, m := range ms {
		if matchesSearch(searchKey(m), text) {
			hits = append(hits, m)
			if f.Limit > 0 && len(hits) == f.Limit {
				break
			}
		}
	}
	return hits, nil
}

// Persons lists everyone, members or not, by the name's pinyin: for pickers (A/B posts, committee seats).
func (s *Store) Persons(ctx context.Context) ([]Person, error) {
	ps, err := sqldb.Collect(ctx, s.q(ctx), func(rows scanner) (Person, error) {
		var p Person
		if err := rows.Scan(&p.ID, &p.Name, &p.Gender, &p.IDNumber, &p.UnitID, &p.UnitName, &p.Post, &p.Phone, &p.Backbone, &p.UnitHead); err != nil {
			return p, err
		}
		return p, nil
	}, `SELECT p.id, p.name, p.gender, COALESCE(p.id_number,''), COALESCE(p.unit_id,0), COALESCE(u.name,''),
		p.post, p.phone, p.backbone, p.unit_head FROM person p LEFT JOIN unit u ON u.id=p.unit_id ORDER BY p.name, p.id`)
	sortByNamePinyin(ps, func(p *Person) string { return p.Name })
	return ps, err
}
