package criteria

import (
	"strings"
	"testing"
)

// The default criteria text quotes the Chinese way (“”): ASCII quotes printed as `"：` at the
// start of a line.
func TestDefaultSetUsesChineseQuotes(t *testing.T) {
	for _, in := range DefaultSet(2025).Indicators() {
		if strings.ContainsAny(in.Content, `"'`) {
			t.Errorf("%s: %q has ASCII quotes", in.Name, in.Content)
		}
	}
	if !strings.Contains(DefaultSet(2025).Indicators()[0].Content, "“压满实弹”") {
		t.Error("理论武装 lost its quoted “压满实弹”")
	}
}
