//go:build !windows

package desktop

import (
	"fmt"
	"os"
)

// ShowMessage writes the message to stderr off Windows, where the app is started from a
// terminal or a desktop file that keeps its output.
func ShowMessage(title, text string) {
	fmt.Fprintf(os.Stderr, "%s\n%s\n", title, text)
}
