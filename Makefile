# 党建融合工作台 — everyday commands. `make run` to use it, `make test` before every commit.

GO       ?= go
# go1.27.3 is the approved Go above the machine's own (the module proxy serves it; about 76 MB,
# once per machine): it fixes the standard-library vulnerabilities govulncheck lists in go1.26.8.
# A machine ignores go.mod's toolchain line (GOTOOLCHAIN=local), so every command sets it.
export GOTOOLCHAIN := go1.27.3
ARGS     ?=
# The desktop build needs cgo (OpenGL via GLFW); these Debian packages provide the headers.
DEB_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev
# migrated_fynedo: the app calls widgets only on the main goroutine (fyne.Do),
# so Fyne can skip its thread checks — what `fyne build` adds from FyneApp.toml.
APP_TAGS := migrated_fynedo

.PHONY: deps run test lint soak build screenshots screenshots-real bench windows windows-smoke

# Windows: the desktop app cross-compiled with mingw-w64 by the fyne tool (GUI .exe, release
# mode), with our own resources linked in (icon drawn at 16–256 px, manifest, version: the fyne
# tool's `package` embeds only one 512-px image); the CLI is pure Go.
WIN_CC   := x86_64-w64-mingw32-gcc
WIN_PKG  := gcc-mingw-w64-x86-64
FYNE_TOOL := fyne.io/tools/cmd/fyne@v1.7.4
WIN_SYSO := cmd/dangjian/rsrc_windows_amd64.syso
# What a failed or interrupted Windows build may leave in cmd/dangjian; every later build of the
# package would compile it in (fyne_metadata_init.go sets Release: true).
WIN_LEFTOVERS := cmd/dangjian/fyne_metadata_init.go cmd/dangjian/fyne.syso $(WIN_SYSO)
APP_NAME := 党建融合工作台

## deps: install the Debian packages the cgo build needs, only those missing
deps:
	@missing=""; for p in $(DEB_PKGS); do \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
		$$sudo apt-get update && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y --no-install-recommends $$missing; \
	fi

## run: start the desktop app on the default database, loading the demo institute when it is empty
## (ARGS="-db /path/to/file.db" to use another database)
run: deps
	$(GO) run -tags $(APP_TAGS) ./cmd/dangjian -demo $(ARGS)

## test: vet and test everything without cgo; Fyne's "ci" tag swaps in its headless driver
test:
	CGO_ENABLED=0 $(GO) vet -tags ci ./...
	CGO_ENABLED=0 $(GO) test -tags ci ./...

# Lint tools at pinned versions, built from the Go module proxy into bin/lint/ with the version in
# the file name, so bumping a version here rebuilds that tool and nothing else.
STATICCHECK_V := v0.8.2
GOFUMPT_V     := v0.9.2
GOCYCLO_V     := v0.6.0
GOVULNCHECK_V := v1.9.0
# The vulnerability reports: vuln.go.dev cannot be reached from here nor from CI, but the Go module
# proxy serves the reports themselves as the golang.org/x/vulndb module (data/osv/<ID>.json).
VULNDB_V      := v0.0.0-20261105234957-e22db6528018
LINT_BIN      := bin/lint
# staticcheck and govulncheck read the standard library of the Go that built them: a checkout
# whose tools were built before the toolchain changed got "unknown field rfd" from go1.27's
# sources, so the tools live in a folder named after the toolchain.
LINT_TOOLS    := $(LINT_BIN)/$(GOTOOLCHAIN)
STATICCHECK   := $(LINT_TOOLS)/staticcheck-$(STATICCHECK_V)
GOFUMPT       := $(LINT_TOOLS)/gofumpt-$(GOFUMPT_V)
GOCYCLO       := $(LINT_TOOLS)/gocyclo-$(GOCYCLO_V)
GOVULNCHECK   := $(LINT_TOOLS)/govulncheck-$(GOVULNCHECK_V)
VULNDB        := $(LINT_BIN)/vulndb-$(VULNDB_V)

$(STATICCHECK):
	GOBIN=$(CURDIR)/$(LINT_BIN)/tmp $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_V)
	mkdir -p $(LINT_TOOLS) && mv -f $(LINT_BIN)/tmp/staticcheck $@
$(GOFUMPT):
	GOBIN=$(CURDIR)/$(LINT_BIN)/tmp $(GO) install mvdan.cc/gofumpt@$(GOFUMPT_V)
	mkdir -p $(LINT_TOOLS) && mv -f $(LINT_BIN)/tmp/gofumpt $@
$(GOCYCLO):
	GOBIN=$(CURDIR)/$(LINT_BIN)/tmp $(GO) install github.com/fzipp/gocyclo/cmd/gocyclo@$(GOCYCLO_V)
	mkdir -p $(LINT_TOOLS) && mv -f $(LINT_BIN)/tmp/gocyclo $@
$(GOVULNCHECK):
	GOBIN=$(CURDIR)/$(LINT_BIN)/tmp $(GO) install golang.org/x/vuln/cmd/govulncheck@$(GOVULNCHECK_V)
	mkdir -p $(LINT_TOOLS) && mv -f $(LINT_BIN)/tmp/govulncheck $@
# govulncheck's file database (index/db.json, index/modules.json, ID/<ID>.json), written from the
# module's reports by x/vulndb's own indexdb, the tool that builds vuln.go.dev; built once per
# VULNDB_V (a cold build takes about 3 minutes, most of it indexdb's dependencies), written beside
# and renamed into place, so an interrupted build leaves no half database behind.
$(VULNDB):
	GOBIN=$(CURDIR)/$(LINT_BIN)/tmp $(GO) install golang.org/x/vulndb/cmd/indexdb@$(VULNDB_V)
	@osv=$$($(GO) mod download -json golang.org/x/vulndb@$(VULNDB_V) | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$$/\1/p')/data/osv; \
	test -d "$$osv" || { echo "vulndb: no data/osv in golang.org/x/vulndb@$(VULNDB_V)"; exit 1; }; \
	rm -rf $@.tmp && $(LINT_BIN)/tmp/indexdb -vulns "$$osv" -out $@.tmp && mv $@.tmp $@

## lint: gofumpt (formatting), gocyclo -over 20 on non-test code, staticcheck and govulncheck
## (both with the ci tag, as the tests build; govulncheck offline, on the database built from the
## proxy's x/vulndb); all four run and every finding is listed before it fails. A vulnerability our
## code calls fails lint when it lies in a module we require (go get the fixed version); one in
## the Go standard library is listed but does not fail: only a newer Go on the machine fixes it.
lint: $(STATICCHECK) $(GOFUMPT) $(GOCYCLO) $(GOVULNCHECK) $(VULNDB)
	@fail=0; \
	out=$$($(GOFUMPT) -l .); if [ -n "$$out" ]; then \
		echo "gofumpt: not formatted (fix with $(GOFUMPT) -w FILE):"; echo "$$out"; fail=1; fi; \
	echo "gocyclo -over 20 (non-test code):"; $(GOCYCLO) -over 20 -ignore '_test\.go$$' . || fail=1; \
	echo "staticcheck:"; CGO_ENABLED=0 $(STATICCHECK) -tags ci ./... || fail=1; \
	echo "govulncheck (database golang.org/x/vulndb@$(VULNDB_V)):"; \
	out=$$(CGO_ENABLED=0 $(GOVULNCHECK) -db "file://$(abspath $(VULNDB))" -tags ci ./... 2>&1); rc=$$?; \
	echo "$$out"; \
	if [ $$rc -eq 3 ] && ! echo "$$out" | grep -q '^  Module: '; then \
		echo "govulncheck: the findings above are all in the Go standard library ($$($(GO) env GOVERSION)): a newer Go fixes them, lint does not fail on them"; \
	elif [ $$rc -ne 0 ]; then fail=1; fi; \
	exit $$fail

## soak: kill -9 the CLI 20 times at random points of each writing command (import roster,
## restore, backup, ab import, eval import) and check the database after each kill; `make test`
## runs the same test with 3 kills each. SOAK_SEED=N repeats a run's kill points.
soak:
	SOAK_KILLS=$${SOAK_KILLS:-20} CGO_ENABLED=0 $(GO) test -tags ci -count=1 -timeout 30m -v -run 'TestKillNineAnywhereLosesNothing|TestKilledImport' ./cmd/dangjian-cli

## build: the desktop app (cgo) and the window-less CLI (pure Go) into bin/
build: deps
	$(GO) build -tags $(APP_TAGS) -o bin/dangjian ./cmd/dangjian
	CGO_ENABLED=0 $(GO) build -o bin/dangjian-cli ./cmd/dangjian-cli

## screenshots: regenerate docs/screenshots/*.png from the UI tests
screenshots:
	SCREENSHOTS=1 CGO_ENABLED=0 $(GO) test -tags ci -count=1 -run Screenshot ./app/...

## screenshots-real: docs/screenshots/real/<screen>_<size>.png from the real window (the cgo
## build under Xvfb, demo database, every screen at 1366×768 and 1024×700); fails when the
## window had to grow. Installs nothing: needs xvfb, xdotool, imagemagick (openbox advised) and
## the packages of make deps.
screenshots-real:
	$(GO) build -tags $(APP_TAGS) -o bin/dangjian ./cmd/dangjian
	CGO_ENABLED=0 $(GO) build -o bin/dangjian-cli ./cmd/dangjian-cli
	.ci/screenshots-real

## bench: benchmarks with allocations (import, export, search at scale)
bench:
	CGO_ENABLED=0 $(GO) test -tags ci -run '^$$' -bench . -benchmem ./...

## windows: bin/windows/党建融合工作台.exe (GUI, icon) and bin/windows/dangjian-cli.exe
windows:
	@command -v $(WIN_CC) >/dev/null 2>&1 || { \
		echo "installing: $(WIN_PKG)"; \
		if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
		$$sudo apt-get update && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y --no-install-recommends $(WIN_PKG); }
	mkdir -p bin/windows
	# The fyne tool itself is built for this machine, then cross-builds the app.
	GOBIN=$(CURDIR)/bin $(GO) install $(FYNE_TOOL)
	trap 'rm -f $(WIN_LEFTOVERS)' EXIT; trap 'exit 1' INT TERM; set -e; \
	$(GO) run ./app/desktop/exeres/mkres -o $(WIN_SYSO) -name $(APP_NAME) -version 0.1.0.1; \
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=$(WIN_CC) bin/fyne build --target windows --release \
		--src cmd/dangjian --tags $(APP_TAGS) -o "$(CURDIR)/bin/windows/$(APP_NAME).exe"
	$(GO) run ./app/desktop/exeres/mkres -check "bin/windows/$(APP_NAME).exe"
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) build -o bin/windows/dangjian-cli.exe ./cmd/dangjian-cli
	@ls -l bin/windows

## windows-smoke: make windows, then run both .exe under Wine (CLI on a Chinese path with a space;
## the window in a 1366×768 virtual desktop, screenshot in docs/screenshots/windows/)
windows-smoke: windows
	.ci/windows-smoke
