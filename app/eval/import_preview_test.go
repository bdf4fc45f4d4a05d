package eval

import (
	"fmt"
	"slices"
	"testing"

	"dangjian/data/sheets"
)

// The 导入评分表 preview lists a file's refused and kept cells the same way: the heading with the
// count, the first twelve sentences, then how many there are in all; nothing for none.
func TestImportPreviewListsTwelveCellsThenTheCount(t *testing.T) {
	var cells []sheets.EvalCellError
	for i := 1; i <= 13; i++ {
		cells = append(cells, sheets.EvalCellError{Message: fmt.Sprintf("第 %d 格", i)})
	}
	got := cellLines("以下 %d 处不导入：", cells)
	if len(got) != 14 || got[0] != "以下 13 处不导入：" || got[1] != "• 第 1 格" || got[12] != "• 第 12 格" || got[13] != "…… 等共 13 处" {
		t.Errorf("13 refused cells listed as %q", got)
	}
	if got := cellLines("以下 %d 个空格未读取，保留原分数：", cells[:2]); !slices.Equal(got, []string{"以下 2 个空格未读取，保留原分数：", "• 第 1 格", "• 第 2 格"}) {
		t.Errorf("2 kept cells listed as %q", got)
	}
	if got := cellLines("以下 %d 处不导入：", nil); got != nil {
		t.Errorf("no cells listed as %q, want nothing", got)
	}
}
