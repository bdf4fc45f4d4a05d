package data

import (
	"fmt"
	"strings"
)

// Why an undo cannot delete a row the batch inserted: something entered after the import still
// points at it (a committee seat held by an imported member, a branch built on an imported
// unit). SQLite says only "FOREIGN KEY constraint failed"; the office needs to hear which
// records, in its own words, and what to do.

// tableLabels names the tables as the office speaks of their rows.
var tableLabels = map[string]string{
	"unit": "单位", "org": "党组织", "person": "人员", "membership": "党籍记录", "transfer": "转接记录",
	"temp_member": "临时党支部编入记录", "term": "支委会届次", "seat": "支委任职",
	"ab_item": "AB岗服务事项", "ab_assignment": "AB岗人员安排", "ab_absence": "AB岗请假外出记录",
	"ab_calendar_day": "AB岗工作日历", "eval_set": "考评指标体系", "eval_dimension": "考评维度",
	"eval_indicator": "考评指标", "eval_round": "考评轮次", "eval_organ": "参评机关", "eval_group": "评价组",
	"eval_score": "评分", "eval_ballot": "群众测评票数", "eval_override": "评分调整", "eval_veto": "一票否决",
}

func tableLabel(table string) string {
	if l := tableLabels[table]; l != "" {
		return l
	}
	return "其他记录"
}

// stillUsedError is the refusal of an undo whose DELETE of row id of table failed on a
// foreign key: it names the row and the kinds of records that still use it.
func stillUsedError(q queryer, table string, id int64) error {
	users := referencesTo(q, table, id)
	what := "其他记录"
	if len(users) > 0 {
		what = strings.Join(users, "、")
	}
	return fmt.Errorf("未撤销：%s是这批导入新增的，导入后又被%s用到，撤销会把它删掉；请先删除或改掉这些%s，再撤销本批导入",
		describeRow(q, table, id), what, what)
}

// referencesTo lists, in words, the kinds of rows that point at row id of table through a
// foreign key that forbids the delete (not ON DELETE CASCADE / SET NULL).
func referencesTo(q queryer, table string, id int64) []string {
	rows, err := q.Query(`SELECT m.name, f."from" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table' AND f."table" = ? AND f.on_delete NOT IN ('CASCADE', 'SET NULL', 'SET DEFAULT')`, table)
	if err != nil {
		return nil
	}
	type ref struct{ table, col string }
	var refs []ref
	for rows.Next() {
		var r ref
		if rows.Scan(&r.table, &r.col) == nil {
			refs = append(refs, r)
		}
	}
	rows.Close()
	var out []string
	for _, r := range refs {
		var n int
		q.QueryRow(`SELECT COUNT(*) FROM "`+r.table+`" WHERE "`+r.col+`" = ?`, id).Scan(&n)
		if l := tableLabel(r.table); n > 0 && !contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// laterDependents refuses an undo while rows outside the batch point, through any foreign key,
// at a row the batch inserted: rows entered after the import (a 临时党支部 placement, a transfer
// record). A key that forbids the delete would stop it with stillUsedError, but one with ON
// DELETE CASCADE or SET NULL let the undo delete or blank those rows without a word.
func laterDependents(q queryer, batch int64) error {
	rows, err := q.Query(`SELECT m.name, f."table", f."from" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table' AND f."table" IN (SELECT DISTINCT tbl FROM batch_change WHERE batch_id = ? AND op = 'insert')
		ORDER BY m.name, f."from"`, batch)
	if err != nil {
		return err
	}
	type ref struct{ child, parent, col string }
	var refs []ref
	for rows.Next() {
		var r ref
		if err := rows.Scan(&r.child, &r.parent, &r.col); err != nil {
			rows.Close()
			return err
		}
		refs = append(refs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	const shown = 10
	var found []string
	total := 0
	for _, r := range refs {
		// The batch's own rows (an imported member's membership) go with it; so do rows it
		// changed, whose before-images undo puts back.
		type dep struct{ parent int64 }
		deps, err := collect(q, func(sc scanner) (dep, error) {
			var d dep
			return d, sc.Scan(&d.parent)
		}, `SELECT c."`+r.col+`" FROM "`+r.child+`" c
			WHERE c."`+r.col+`" IN (SELECT row_id FROM batch_change WHERE batch_id = ? AND tbl = ? AND op = 'insert')
			AND c.rowid NOT IN (SELECT row_id FROM batch_change WHERE batch_id = ? AND tbl = ?)`, batch, r.parent, batch, r.child)
		if err != nil {
			return err
		}
		total += len(deps)
		for _, d := range deps {
			if len(found) < shown {
				found = append(found, describeRow(q, r.parent, d.parent)+"的"+tableLabel(r.child))
			}
		}
	}
	if total == 0 {
		return nil
	}
	list := strings.Join(found, "、")
	if total > len(found) {
		list += fmt.Sprintf("等共 %d 条", total)
	}
	return fmt.Errorf("未撤销：导入后又录入了挂在本批新增记录上的%s，撤销会把它们一并删掉；请先删除或改掉这些记录，再撤销本批导入", list)
}
