package abpost

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/internal/sqldb"
)

// Departments lists the administrative departments (units of kind 行政机构) in the order the
// catalogue lists their items (the order they were set up), so a drop-down reads like the table.
func Departments(ctx context.Context, s *data.Store) ([]data.Unit, error) {
	units, err := s.Units(ctx)
	if err != nil {
		return nil, err
	}
	var out []data.Unit
	for _, u := range units {
		if u.Kind == DeptKind {
			out = append(out, u)
		}
	}
	slices.SortFunc(out, func(a, b data.Unit) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// ItemFilter narrows the catalogue. Zero values mean "all".
type ItemFilter struct {
	DeptID int64
	Query  string // text in the item, its door, code, or the names on its posts
}

// PrintedItems is the whole catalogue as it stands on day, for a printed file (the guide, the
// filing): an empty catalogue is refused, saying there is nothing of what to print.
func PrintedItems(ctx context.Context, s *data.Store, on time.Time, what string) ([]Item, error) {
	items, err := Items(ctx, s, ItemFilter{}, on)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("服务事项目录是空的，没有%s；请先导入或录入服务事项", what)
	}
	return items, nil
}

// Items lists the catalogue with the posts as they were on day, by department and sort order.
func Items(ctx context.Context, s *data.Store, f ItemFilter, on time.Time) ([]Item, error) {
	q := `SELECT i.id, i.code, i.name, i.unit_id, u.name, i.door, i.time_limit, i.materials, i.basis, i.visits,
		i.phone, i.sort FROM ab_item i JOIN unit u ON u.id = i.unit_id`
	var args []any
	if f.DeptID != 0 {
		q += ` WHERE i.unit_id = ?`
		args = append(args, f.DeptID)
	}
	items, err := sqldb.Collect(ctx, sqldb.Of(s).Q(ctx), func(rows sqldb.Scanner) (Item, error) {
		var it Item
		return it, rows.Scan(&it.ID, &it.Code, &it.Name, &it.DeptID, &it.Dept, &it.Door, &it.TimeLimit, &it.Materials,
			&it.Basis, &it.Visits, &it.Phone, &it.Sort)
	}, q+` ORDER BY u.name = '', i.unit_id, i.sort, i.id`, args...)
	if err != nil {
		return nil, err
	}
	posts, err := postsOn(sqldb.Of(s).Q(ctx), day(on))
	if err != nil {
		return nil, err
	}
	t := strings.TrimSpace(f.Query)
	out := items[:0]
	for _, it := range items {
		p := posts[it.ID]
		it.AID, it.AName, it.BID, it.BName = p[0].PersonID, p[0].Name, p[1].PersonID, p[1].Name
		if t == "" || strings.Contains(it.Name+"\x00"+it.Door+"\x00"+it.Code+"\x00"+it.AName+"\x00"+it.BName+"\x00"+it.Dept, t) {
			out = append(out, it)
		}
	}
	return out, nil
}

// Item reads one item with its posts on day.
func ItemByID(ctx context.Context, s *data.Store, id int64, on time.Time) (Item, error) {
	all, err := Items(ctx, s, ItemFilter{}, on)
	if err != nil {
		return Item{}, err
	}
	for _, it := range all {
		if it.ID == id {
			return it, nil
		}
	}
	return Item{}, data.ErrNotFound
}

type queryer = sqldb.Queryer

// postsOn maps item → [A, B] assignments holding on day.
func postsOn(q queryer, on time.Time) (map[int64][2]Assignment, error) {
	d := data.DateText(on)
	out := map[int64][2]Assignment{}
	err := sqldb.Each(context.Background(), q, func(rows sqldb.Scanner) error {
		a, err := scanAssignment(rows)
		if err != nil {
			return err
		}
		p := out[a.ItemID]
		if a.Role == RoleA {
			p[0] = a
		} else {
			p[1] = a
		}
		out[a.ItemID] = p
		return nil
	}, `SELECT a.id, a.item_id, a.role, a.person_id, p.name, a.from_date, a.to_date, a.note
		FROM ab_assignment a JOIN person p ON p.id = a.person_id
		WHERE (a.from_date = '' OR a.from_date <= ?) AND (a.to_date = '' OR a.to_date >= ?)`, d, d)
	return out, err
}

func scanAssignment(sc sqldb.Scanner) (Assignment, error) {
	var a Assignment
	var from, to string
	err := sc.Scan(&a.ID, &a.ItemID, &a.Role, &a.PersonID, &a.Name, &from, &to, &a.Note)
	a.From, a.To = data.ParseDateText(from), data.ParseDateText(to)
	return a, err
}

// Assignments is the 报备 record of an item (itemID 0: of every item), oldest first.
func Assignments(ctx context.Context, s *data.Store, itemID int64) ([]Assignment, error) {
	q := `SELECT a.id, a.item_id, a.role, a.person_id, p.name, a.from_date, a.to_date, a.note
		FROM ab_assignment a JOIN person p ON p.id = a.person_id`
	var args []any
	if itemID != 0 {
		q += ` WHERE a.item_id = ?`
		args = append(args, itemID)
	}
	return sqldb.Collect(ctx, sqldb.Of(s).Q(ctx), scanAssignment, q+` ORDER BY a.item_id, a.from_date, a.role, a.id`, args...)
}

// SaveItem creates (ID 0) or updates an item and sets its A and B posts from the day from on:
// a post given to someone else closes the old assignment the day before and opens a new one,
// so the 报备 record keeps who served before. note is the approval to file with the change.
func SaveItem(ctx context.Context, s *data.Store, it *Item, from time.Time, note string) error {
	if v := ValidateItem(*it); len(v) > 0 {
		return v
	}
	from = day(from)
	if from.IsZero() {
		from = s.Today()
	}
	return sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		if err := saveItemIn(sqldb.Of(s), tx, it, from, note); err != nil {
			return err
		}
		return sqldb.Of(s).Audit(tx, "AB岗设置", it.Dept+"·"+it.Name, fmt.Sprintf("自 %s 起 A岗 %s，B岗 %s", data.DateText(from),
			personName(tx, it.AID), personName(tx, it.BID)), note, 0)
	})
}

// saveItemIn is SaveItem's writing, inside tx.
func saveItemIn(p sqldb.Store, tx *sql.Tx, it *Item, from time.Time, note string) error {
	if v := ValidateItem(*it); len(v) > 0 {
		return v
	}
	if err := writeItem(p, tx, nil, it); err != nil {
		return err
	}
	if _, err := setPost(tx, nil, it.ID, RoleA, it.AID, day(from), note); err != nil {
		return err
	}
	_, err := setPost(tx, nil, it.ID, RoleB, it.BID, day(from), note)
	return err
}

func personName(q queryer, id int64) string {
	if id == 0 {
		return "（空缺）"
	}
	var n string
	q.QueryRow(`SELECT name FROM person WHERE id=?`, id).Scan(&n)
	return n
}

// writeItem inserts or updates the item row (not its posts); with a batch the change is undoable.
func writeItem(p sqldb.Store, tx *sql.Tx, b sqldb.Batch, it *Item) error {
	it.Name = strings.TrimSpace(it.Name)
	if it.DeptID == 0 {
		id, err := p.EnsureUnit(tx, it.Dept, DeptKind)
		if err != nil {
			return err
		}
		it.DeptID = id
	}
	if err := tx.QueryRow(`SELECT name FROM unit WHERE id=?`, it.DeptID).Scan(&it.Dept); err != nil {
		return sqldb.CheckFailed("服务事项所属的部门", err)
	}
	args := []any{it.Code, it.Name, it.DeptID, strings.TrimSpace(it.Door), it.TimeLimit, it.Materials, it.Basis, it.Visits, it.Phone, it.Sort}
	if it.ID == 0 {
		res, err := tx.Exec(`INSERT INTO ab_item(code,name,unit_id,door,time_limit,materials,basis,visits,phone,sort)
			VALUES (?,?,?,?,?,?,?,?,?,?)`, args...)
		if err != nil {
			return itemWriteError(it, err)
		}
		it.ID, _ = res.LastInsertId()
		if b != nil {
			return b.Inserted("ab_item", it.ID)
		}
		return nil
	}
	if b != nil {
		if err := b.Updating("ab_item", it.ID); err != nil {
			return err
		}
	}
	_, err := tx.Exec(`UPDATE ab_item SET code=?,name=?,unit_id=?,door=?,time_limit=?,materials=?,basis=?,visits=?,phone=?,sort=?
		WHERE id=?`, append(args, it.ID)...)
	return itemWriteError(it, err)
}

func itemWriteError(it *Item, err error) error {
	if data.KindOf(err) == data.KindUnique {
		return data.Invalid{{Field: "Name", Message: fmt.Sprintf("%s已有服务事项“%s”，请换一个名称或修改原有事项", it.Dept, it.Name)}}
	}
	return err
}

// setPost makes person hold role on item from the day from on (person 0 leaves the post
// empty). It reports whether anything changed.
func setPost(tx *sql.Tx, b sqldb.Batch, item int64, role string, person int64, from time.Time, note string) (bool, error) {
	f := data.DateText(from)
	var id, holder int64
	var start string
	err := tx.QueryRow(`SELECT id, person_id, from_date FROM ab_assignment WHERE item_id=? AND role=?
		AND (from_date='' OR from_date<=?) AND (to_date='' OR to_date>=?) ORDER BY from_date DESC LIMIT 1`,
		item, role, f, f).Scan(&id, &holder, &start)
	if err != nil && err != sql.ErrNoRows {
		return false, err
	}
	if err == nil && holder == person {
		return false, nil
	}
	if err == nil {
		if b != nil {
			if err := b.Updating("ab_assignment", id); err != nil {
				return false, err
			}
		}
		if start == f {
			// Corrected on the day it took effect: nobody else ever held it, so rewrite the row.
			if person == 0 {
				_, err = tx.Exec(`DELETE FROM ab_assignment WHERE id=?`, id)
				return true, err
			}
			_, err = tx.Exec(`UPDATE ab_assignment SET person_id=?, note=? WHERE id=?`, person, note, id)
			return true, err
		}
		if _, err := tx.Exec(`UPDATE ab_assignment SET to_date=? WHERE id=?`, data.DateText(from.AddDate(0, 0, -1)), id); err != nil {
			return false, err
		}
	}
	if person == 0 {
		return true, nil
	}
	res, err := tx.Exec(`INSERT INTO ab_assignment(item_id, role, person_id, from_date, note) VALUES (?,?,?,?,?)`, item, role, person, f, note)
	if err != nil {
		return false, err
	}
	if b != nil {
		nid, _ := res.LastInsertId()
		return true, b.Inserted("ab_assignment", nid)
	}
	return true, nil
}

// DeleteItem removes an item with its 报备 record; the UI confirms first.
func DeleteItem(ctx context.Context, s *data.Store, id int64, reason string) error {
	return sqldb.Of(s).Tx(ctx, func(tx *sql.Tx) error {
		var name string
		if err := tx.QueryRow(`SELECT name FROM ab_item WHERE id=?`, id).Scan(&name); err != nil {
			return data.ErrNotFound
		}
		if _, err := tx.Exec(`DELETE FROM ab_item WHERE id=?`, id); err != nil {
			return err
		}
		return sqldb.Of(s).Audit(tx, "删除服务事项", name, "", reason, 0)
	})
}
