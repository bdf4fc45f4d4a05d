package sheets

import (
	"fmt"

	"dangjian/data"
)

// The office's answer to a row flagged for a decision (PlanItem.Decide): a member whose file
// gives no category and no 转正日期 although the 预备期 is over is stored as the office says,
// 正式党员 or 预备党员 (预备期 extended), instead of the cautious 预备党员 the plan assumed.

// Decide sets the category of the flagged item i to category (data.CategoryFull or
// data.CategoryProbation) before CommitImport. An item that was not flagged keeps what its
// file says, and is refused here.
func (p *Plan) Decide(i int, category string) error {
	if i < 0 || i >= len(p.Items) || p.Items[i].Decide == "" || p.Items[i].Member == nil {
		return fmt.Errorf("第 %d 项不是需要确认人员类别的行", i+1)
	}
	if category != data.CategoryFull && category != data.CategoryProbation {
		return fmt.Errorf("人员类别只能是“%s”或“%s”", data.CategoryFull, data.CategoryProbation)
	}
	p.Items[i].Member.Category = category
	return nil
}
