# Medora Lite — the two commands that matter: `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/debug/medora-lite
RELEASE_BIN := .build/release/medora-lite
APT_PACKAGES := libsqlite3-dev libsodium-dev pkg-config

.PHONY: deps build test demo release bench clean

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

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

demo: build
	$(BIN) demo $(DEMO_ARGS)

release: deps
	$(SWIFT) build -c release --static-swift-stdlib
	@ls -lh $(RELEASE_BIN)

clean:
	rm -rf .build
