# Medora Lite — the two commands that matter: `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/debug/medora-lite
APT_PACKAGES := libsqlite3-dev libsodium-dev zlib1g-dev pkg-config binutils

.PHONY: deps browser-deps build test soak demo release release-check bench clean

# Installs the system libraries only when one is missing (CI starts from a fresh machine).
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

# The suite is XCTest, then the browser test (headless chromium over the DevTools protocol; its
# screenshots go to .build/browser-shots), then schemathesis against the served OpenAPI document
# (from PyPI into .build/venv, a test tool only), then the patient export opened in chromium and
# its FHIR Bundles validated against the R4 models of fhir.resources 6.1.0 (PyPI, into
# .build/venv-fhir: pydantic 1, which schemathesis's venv must not share), then the release:
# `make release`, its archive checked in an empty root (Tests/Release/release_check.py), and the
# binary tests run again on the stripped release binary. The last line is the plain "N passed, N failed" summary CI reads.
test: deps browser-deps
	$(SWIFT) build --build-tests
	@set -o pipefail; $(SWIFT) test --skip-build --disable-swift-testing 2>&1 | tee .build/test.log; status=$$?; \
	summary=$$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with [0-9]+ failures?" .build/test.log | tail -1); \
	total=$$(echo "$$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/'); \
	failed=$$(echo "$$summary" | sed -E 's/.*with ([0-9]+) failures?.*/\1/'); \
	if [ -z "$$summary" ]; then echo "no test summary found"; exit 1; fi; \
	timeout 600 python3 Tests/Browser/browser_test.py $(BIN) .build/browser-shots; browser=$$?; \
	total=$$((total + 1)); if [ $$browser -ne 0 ]; then failed=$$((failed + 1)); status=1; fi; \
	timeout 900 python3 Tests/API/schemathesis_test.py $(BIN) .build/venv; api=$$?; \
	total=$$((total + 1)); if [ $$api -ne 0 ]; then failed=$$((failed + 1)); status=1; fi; \
	timeout 600 python3 Tests/Browser/export_browser_test.py $(BIN) .build/browser-shots; exportpage=$$?; \
	total=$$((total + 1)); if [ $$exportpage -ne 0 ]; then failed=$$((failed + 1)); status=1; fi; \
	timeout 600 .build/venv-fhir/bin/python Tests/FHIR/fhir_validate.py $(BIN); fhir=$$?; \
	total=$$((total + 1)); if [ $$fhir -ne 0 ]; then failed=$$((failed + 1)); status=1; fi; \
	$(MAKE) --no-print-directory release-check; release=$$?; \
	total=$$((total + 1)); if [ $$release -ne 0 ]; then failed=$$((failed + 1)); status=1; fi; \
	echo "$$((total - failed)) passed, $$failed failed"; exit $$status

# Debian's chromium for the browser test, and systemd-analyze for the unit check, installed only when missing.
browser-deps:
	@command -v chromium >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core; }
	@command -v systemd-analyze >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends systemd; }
	@python3 -c "import ensurepip" 2>/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq python3-venv; }
	@[ -x .build/venv/bin/schemathesis ] || { python3 -m venv .build/venv && .build/venv/bin/pip install -q schemathesis==4.32.5; }
	@[ -x .build/venv-fhir/bin/python ] && .build/venv-fhir/bin/python -c "import fhir.resources" 2>/dev/null || \
	  { python3 -m venv .build/venv-fhir && .build/venv-fhir/bin/pip install -q fhir.resources==6.1.0 pydantic==1.10.27; }

# The long runs of the damage tests: 20,000 random mutations in process and 300 through the binary
# (make test runs 1,000 and 30). MEDORA_MUTATION_SEED replays a run.
soak: deps
	$(SWIFT) build --build-tests
	MEDORA_MUTATIONS=$${MEDORA_MUTATIONS:-20000} MEDORA_BINARY_MUTATIONS=$${MEDORA_BINARY_MUTATIONS:-300} \
	MEDORA_KILLS=$${MEDORA_KILLS:-300} \
	  $(SWIFT) test --skip-build --disable-swift-testing --filter 'MutationTests|testDamagedFiles|testRepeatedKills'

demo: build
	$(BIN) demo $(DEMO_ARGS)

# Release binaries, then the measurements (bench/run.py, bounded to BENCH_BUDGET seconds, default 600).
bench: deps
	@command -v wrk >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk; }
	SWIFT=$(SWIFT) deploy/release.sh build
	python3 bench/run.py

# One self-contained binary (libsodium, SQLite, zlib and the Swift runtime linked in, stripped) in
# dist/medora-lite-<version>-linux-<arch>.tar.gz with the README, licence notices and SHA256SUMS.
release: deps
	SWIFT=$(SWIFT) deploy/release.sh package

# The archive as a user gets it: checksums, size, ldd, and the demo served from an empty root;
# then the binary tests on the stripped release binary.
release-check: release
	timeout 600 python3 Tests/Release/release_check.py dist
	$(SWIFT) build --build-tests
	@set -o pipefail; rm -rf .build/release-check && mkdir -p .build/release-check && \
	  tar xzf $$(ls -t dist/medora-lite-*-linux-*.tar.gz | head -1) -C .build/release-check --strip-components=1 && \
	  MEDORA_BIN=$$PWD/.build/release-check/medora-lite $(SWIFT) test --skip-build --disable-swift-testing \
	    --filter 'BinaryEndToEndTests' 2>&1 | tee .build/release-check/test.log | tail -3 && \
	  n=$$(grep -E "Executed [0-9]+ tests" .build/release-check/test.log | tail -1 | sed -E 's/.*Executed ([0-9]+) tests.*/\1/'); \
	  [ "$${n:-0}" -ge 10 ] || { echo "release check: only $${n:-0} binary tests ran"; exit 1; }

clean:
	rm -rf .build
