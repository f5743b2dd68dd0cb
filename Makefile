# Zhiliang: the two commands a person needs, and the steps they are made of.
#
#   make run    install what is missing, build, create the demo database, serve on :8080
#   make test   install what is missing, build, run every test (C++ on SQLite and PostgreSQL,
#               sanitizers, web, browser)
#
# Everything runs as root on Debian 12; scripts/setup-deps installs the packages.

PORT ?= 8080
ENTERPRISES ?= 20000
SEED ?= 2014
DEMO_DB ?= sqlite:build/demo.db
ZHILIANG := build/release/src/cli/zhiliang

.PHONY: run test deps build build-asan web test-cpp test-asan test-web test-e2e bench clean

run: deps build web
	$(ZHILIANG) demo --db $(DEMO_DB) --reset --enterprises $(ENTERPRISES) --seed $(SEED) \
	  --port $(PORT) --static web/dist

test: deps build web
	$(MAKE) --no-print-directory test-cpp test-web test-e2e build-asan test-asan
	@echo "make test: all suites passed"

deps:
	bash scripts/setup-deps

build:
	cmake --preset release >/dev/null
	cmake --build --preset release

build-asan:
	cmake --preset asan >/dev/null
	cmake --build --preset asan

web:
	cd web && npm run build --silent

# C++ tests run on both backends: scripts/with-postgres starts a throwaway PostgreSQL.
test-cpp:
	bash scripts/with-postgres ctest --preset release

test-asan:
	bash scripts/with-postgres ctest --preset asan

test-web:
	cd web && npm test --silent

test-e2e:
	bash scripts/e2e-smoke

bench: build
	bash scripts/bench

clean:
	rm -rf build web/dist
