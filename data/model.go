package data

import "time"

// Organisation type codes of the national party-member information system.
const (
	TypeCommittee      = 611 // 党委
	TypeGeneralBranch  = 621 // 党总支
	TypeBranch         = 631 // 党支部
	TypeJointBranch    = 632 // 联合党支部
	TypeTempCommittee  = 911 // 临时党委
	TypeTempBranch     = 931 // 临时党支部
	TypeTempGeneralBr  = 921 // 临时党总支
	TypeLeadingGroup   = 612 // 党组
	TypePartyGroupCell = 641 // 党小组
)

// TypeName is the Chinese name of an organisation type code.
func TypeName(code int) string {
	switch code {
	case TypeCommittee:
		return "党委"
	case TypeLeadingGroup:
		return "党组"
	case TypeGeneralBranch:
		return "党总支"
	case TypeBranch:
		return "党支部"
	case TypeJointBranch:
		return "联合党支部"
	case TypePartyGroupCell:
		return "党小组"
	case TypeTempCommittee:
		return "临时党委"
	case TypeTempGeneralBr:
		return "临时党总支"
	case TypeTempBranch:
		return "临时党支部"
	}
	return "其他"
}

// Unit kinds a branch can be built on.
var UnitKinds = []string{"实验室", "科研单元", "项目团队", "行政机构", "外场站"}

// Unit is a lab, research unit, project team, administrative department or field station.
type Unit struct {
	ID   int64
	Name string
	Kind string
}

// Org is a party organisation: a committee, general branch, branch or temporary branch.
type Org struct {
	ID        int64
	ParentID  int64 // 0 for the root
	TypeCode  int
	Name      string
	ShortName string
	UnitID    int64  // the host unit, 0 when none
	UnitName  string // filled on read
	UnitKind  string // filled on read
	Founded   time.Time
	Abolished time.Time
	// A temporary branch's mission, its span and the date of its collective pledge (集体承诺书).
	Mission      string
	MissionStart time.Time
	MissionEnd   time.Time
	PledgeSigned time.Time
	Sort         int
}

// IsBranch tells whether members can belong to the organisation directly.
func (o Org) IsBranch() bool {
	return o.TypeCode == TypeBranch || o.TypeCode == TypeJointBranch || o.TypeCode == TypeTempBranch
}

// IsTemporary tells a mission organisation from a standing one.
func (o Org) IsTemporary() bool { return o.TypeCode >= 900 }

// Live tells whether the organisation has not been abolished.
func (o Org) Live() bool { return o.Abolished.IsZero() }

// Standing tells a live standing branch: one a member can have as his home branch, be moved
// into or restored to, and that the branch statistics count. A temporary branch holds members
// only beside their home branch.
func (o Org) Standing() bool { return o.Live() && o.IsBranch() && !o.IsTemporary() }

// Member categories and roster statuses.
const (
	CategoryFull      = "正式党员"
	CategoryProbation = "预备党员"

	StatusNormal      = "正常"
	StatusTransferred = "已转出"
	StatusRemoved     = "已减员"
	StatusHistory     = "历史"
)

// Statuses lists the roster statuses in the order the UI offers them.
var Statuses = []string{StatusNormal, StatusTransferred, StatusRemoved, StatusHistory}

// Categories lists the member categories.
var Categories = []string{CategoryFull, CategoryProbation}

// Person is anyone the app knows: a party member, a committee member, or staff on an A/B post.
type Person struct {
	ID        int64
	Name      string
	Gender    string
	Ethnicity string
	Birth     time.Time
	IDNumber  string
	Education string
	Degree    string
	Title     string
	UnitID    int64
	UnitName  string // filled on read; on write, a name creates or finds the unit when UnitID is 0
	Post      string
	Phone     string
	Backbone  bool // 科研骨干
	Returnee  bool // 海外归国
	UnitHead  bool // 部门负责人
	Note      string
}

// Membership is a person's party membership in their home branch.
type Membership struct {
	ID         int64
	PersonID   int64
	BranchID   int64
	BranchName string // filled on read
	Category   string
	Joined     time.Time
	Full       time.Time
	Status     string
	// ProbationExtended is the end of an extended probation (延长预备期); zero when not extended.
	ProbationExtended time.Time
}

// Member is a person with their membership, as the roster shows them.
type Member struct {
	Person
	Membership
}

// ProbationYears is the length of the probation year (预备期) of the Party Constitution.
const ProbationYears = 1

// ProbationDue is when a probationary member's probation ends (预备期满): zero for a full
// member or an unknown joining date. Every rule, import and form that needs the date asks here.
func (m Membership) ProbationDue() time.Time {
	if m.Category != CategoryProbation || m.Joined.IsZero() {
		return time.Time{}
	}
	if !m.ProbationExtended.IsZero() {
		return m.ProbationExtended
	}
	return ProbationEnd(m.Joined)
}

// ProbationEnd is the end of a probation that began on joined and was not extended; an extended
// one (延长预备期, ExtendProbation) ends on Membership.ProbationExtended, which ProbationDue takes.
func ProbationEnd(joined time.Time) time.Time {
	if joined.IsZero() {
		return time.Time{}
	}
	return joined.AddDate(ProbationYears, 0, 0)
}

// Transfer is a dated move or status change of a membership.
type Transfer struct {
	ID         int64
	PersonID   int64
	FromBranch int64
	ToBranch   int64
	On         time.Time
	Kind       string
	Detail     string
	Reason     string
}

// TempMember is a member of a temporary branch, beside their home branch.
type TempMember struct {
	ID       int64
	BranchID int64
	PersonID int64
	Name     string // filled on read
	Home     string // home branch name, filled on read
	From     time.Time
	To       time.Time
}

// Committee seats.
var SeatRoles = []string{"书记", "副书记", "组织委员", "宣传委员", "纪检委员", "青年委员", "委员"}

// TermYears is the length of a branch committee's term.
const TermYears = 3

// Term is a committee term (届) of an organisation.
type Term struct {
	ID        int64
	OrgID     int64
	Start     time.Time
	DueEnd    time.Time
	ActualEnd time.Time
	Seats     []Seat
}

// Seat is a committee seat held by a person from–to.
type Seat struct {
	ID       int64
	TermID   int64
	PersonID int64
	Name     string // filled on read
	Role     string
	From     time.Time
	To       time.Time
	// Filled on read, for the rules: whether the holder is a research backbone / unit head
	// and which unit they work in.
	Backbone bool
	UnitHead bool
	UnitID   int64
}

// Current tells whether the seat is held on day.
func (s Seat) Current(day time.Time) bool {
	return (s.From.IsZero() || !s.From.After(day)) && (s.To.IsZero() || !s.To.Before(day))
}
