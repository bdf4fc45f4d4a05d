package apptest

import (
	"context"
	"errors"
	"testing"

	"dangjian/data"
)

// ImportNames imports one full member per name into the branch 测试党支部 (made when it is
// not there yet) as one 花名册导入 batch from source, as a roster import does, and returns the
// batch: the undo tests start from it.
func ImportNames(t *testing.T, s *data.Store, source string, names ...string) int64 {
	t.Helper()
	ctx := context.Background()
	branch, err := s.OrgByName(ctx, "测试党支部")
	if errors.Is(err, data.ErrNotFound) {
		branch = data.Org{TypeCode: data.TypeBranch, Name: "测试党支部"}
		err = s.SaveOrg(ctx, &branch)
	}
	if err != nil {
		t.Fatal(err)
	}
	batch, err := s.ImportMembers(ctx, data.MemberImport{Kind: "花名册导入", Source: source},
		func(send func([]data.ImportItem) error) (data.ImportCounts, error) {
			items := make([]data.ImportItem, 0, len(names))
			for i, name := range names {
				m := &data.Member{Person: data.Person{Name: name}, Membership: data.Membership{BranchID: branch.ID, Category: data.CategoryFull, Status: data.StatusNormal}}
				items = append(items, data.ImportItem{Member: m, Sheet: "Sheet1", Line: i + 2})
			}
			return data.ImportCounts{New: len(names)}, send(items)
		})
	if err != nil {
		t.Fatal(err)
	}
	return batch
}
