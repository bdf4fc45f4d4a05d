package data

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoNetworkInOurPackages keeps the promise that the app never talks to the network: none of
// our packages imports an HTTP client or the net package. Fyne may depend on net/http for its
// own reasons; what we check is our direct imports. app/open.go hands file:// URLs to the OS
// through Fyne and needs only net/url, which is parsing, not networking.
func TestNoNetworkInOurPackages(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-tags", "ci", "-f", "{{.ImportPath}} {{.Imports}} {{.TestImports}}", "dangjian/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	forbidden := map[string]bool{"net": true, "net/http": true, "net/http/httptest": true, "net/rpc": true, "net/smtp": true, "crypto/tls": true}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, " ")
		checked++
		for _, imp := range strings.Fields(strings.NewReplacer("[", " ", "]", " ").Replace(imports)) {
			if forbidden[imp] || strings.HasPrefix(imp, "net/http/") {
				t.Errorf("%s imports %s: the app must not use the network", pkg, imp)
			}
		}
	}
	if checked < 5 {
		t.Fatalf("only %d packages listed; is the module path still dangjian?", checked)
	}
}
