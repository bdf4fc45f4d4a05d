package abpost

import (
	"context"
	"fmt"
	"strings"

	"dangjian/data"
)

// FindPerson finds a person by name as typed (spaces folded), or by "部门/姓名" when the name
// alone is shared; an unknown or ambiguous name is refused, naming the candidates.
func FindPerson(ctx context.Context, s *data.Store, q string) (data.Person, error) {
	dept, name, hasDept := strings.Cut(q, "/")
	if !hasDept {
		name, dept = dept, ""
	}
	name = data.FoldName(name)
	all, err := s.Persons(ctx)
	if err != nil {
		return data.Person{}, err
	}
	var hits []data.Person
	for _, p := range all {
		if data.FoldName(p.Name) == name && (dept == "" || p.UnitName == dept) {
			hits = append(hits, p)
		}
	}
	switch len(hits) {
	case 0:
		return data.Person{}, fmt.Errorf("找不到人员“%s”；请核对姓名，或先在花名册或AB岗目录中登记此人", q)
	case 1:
		return hits[0], nil
	}
	var where []string
	for _, p := range hits {
		where = append(where, p.UnitName+"/"+p.Name)
	}
	return data.Person{}, fmt.Errorf("有 %d 位“%s”（%s），请写成“部门/姓名”指明是哪一位", len(hits), name, strings.Join(where, "、"))
}
