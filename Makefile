# Every routine task. The first `make site` or `make test` creates .venv and installs
# the exact versions in requirements/*.lock (ranges live in pyproject.toml; `make lock`
# recompiles the locks from them).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# LOCKED=0 installs the newest versions pyproject.toml allows instead of the lock
# (the scheduled drift job: `make drift`).
LOCKED ?= 1
SITE_STAMP := $(VENV)/.installed-site
TEST_STAMP := $(VENV)/.installed-test
PIP := $(BIN)/python -m pip install -q --disable-pip-version-check

.PHONY: site serve test test-fast check generate clean bench fuzz realworld lint typecheck schema golden \
	lock drift tools attribution messages

ifeq ($(LOCKED),1)
$(SITE_STAMP): requirements/site.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements/site.lock
	$(PIP) --no-deps -e .
	touch $@

$(TEST_STAMP): requirements/test.lock $(SITE_STAMP)
	$(PIP) -r requirements/test.lock
	touch $@
else
$(SITE_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade --upgrade-strategy eager -e .
	touch $@

$(TEST_STAMP): $(SITE_STAMP)
	$(PIP) --upgrade --upgrade-strategy eager -e '.[test]'
	touch $@
endif

site: $(SITE_STAMP)
	$(BIN)/factcheck build

serve: $(SITE_STAMP)
	$(BIN)/factcheck serve

check: $(SITE_STAMP)
	$(BIN)/factcheck check

generate: $(SITE_STAMP)
	$(BIN)/factcheck generate

# Debian packages the tests need, installed only when missing (needs root): Chromium for
# the browser tests, valgrind for the complexity tests (they count instructions, not seconds).
DEBIAN_TOOLS := chromium:chromium valgrind:valgrind
tools:
	@missing=""; for pair in $(DEBIAN_TOOLS); do \
	  command -v "$${pair%%:*}" >/dev/null 2>&1 || missing="$$missing $${pair#*:}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing Debian packages:$$missing (run: sudo apt-get install -y$$missing)"; exit 1; fi; fi

# The whole suite, as CI runs it: lint, types, every test (site builds and browsers included).
test: $(TEST_STAMP) tools
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/mypy
	FACTCHECK_LOCKED=$(LOCKED) $(BIN)/python -m pytest -q

# The inner loop: unit tests only (no site builds, no browser), well under a minute.
test-fast: $(TEST_STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not browser"

lint: $(TEST_STAMP)
	$(BIN)/ruff check generator tests benchmarks

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

# Recompile the locks from pyproject.toml's ranges: the test lock first, then the site
# lock constrained to it, so both name the same version of every shared package.
lock: $(TEST_STAMP)
	$(PIP) "uv>=0.4,<1"
	$(BIN)/uv pip compile -q --universal --python-version 3.11 --extra test pyproject.toml -o requirements/test.lock
	$(BIN)/uv pip compile -q --universal --python-version 3.11 -c requirements/test.lock pyproject.toml \
	  -o requirements/site.lock
	$(BIN)/uv pip compile -q --universal --python-version 3.11 --extra test --extra bench \
	  -c requirements/test.lock pyproject.toml -o requirements/bench.lock

# The scheduled drift job: the newest versions the ranges allow, without the lock, in a
# venv of its own. A failure here is a release that will break a future `make lock`.
drift:
	$(MAKE) test VENV=.venv-drift LOCKED=0

clean:
	rm -rf build site .site-* .pytest_cache .ruff_cache .mypy_cache

# Longer property-based campaigns than the fast profile `make test` runs.
fuzz: $(TEST_STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/fuzz

BENCH_STAMP := $(VENV)/.installed-bench
$(BENCH_STAMP): requirements/bench.lock $(TEST_STAMP)
	$(PIP) -r requirements/bench.lock
	touch $@

# Our build and the peers' (MkDocs with a full nav, Hugo, Zensical) on the same archive.
# Options after BENCH_ARGS, e.g. `make bench BENCH_ARGS="--sizes 300 --quick"` (see benchmarks/README.md).
BENCH_ARGS ?=
bench: $(BENCH_STAMP)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# UI strings: extract them from the templates and the site code into the catalog template,
# then merge it into every language's catalog (translate the new entries, then `make test`).
messages: $(TEST_STAMP)
	$(BIN)/pybabel extract -F generator/locales/babel.cfg -k N_ -k gettext -k ngettext:1,2 \
	  --no-location --sort-output --omit-header -o generator/locales/messages.pot generator
	$(BIN)/pybabel update -i generator/locales/messages.pot -d generator/locales -D messages \
	  --no-fuzzy-matching

# The JSON Schema is exported from the pydantic model; a test fails when it is stale.
schema: $(SITE_STAMP)
	$(BIN)/factcheck schema > schema/verdict.schema.json

# Runs every reader over ../shared/realworld (real WordPress responses and news texts).
REALWORLD ?= ../shared/realworld
realworld: $(SITE_STAMP)
	$(BIN)/python -m generator.readers.realworld $(REALWORLD)

# Quote recall and speaker accuracy on the gold set of tests/attribution/gold (issue 9).
attribution: $(TEST_STAMP)
	FACTCHECK_REALWORLD=$(REALWORLD) $(BIN)/python -m tests.attribution.score
