# Every routine task. The first `make site` or `make test` creates .venv and installs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SITE_STAMP := $(VENV)/.installed-site
TEST_STAMP := $(VENV)/.installed-test

.PHONY: site serve test check generate clean bench fuzz realworld lint schema golden

$(SITE_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e .
	touch $@

$(TEST_STAMP): $(SITE_STAMP)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[test]'
	touch $@

site: $(SITE_STAMP)
	$(BIN)/factcheck build

serve: $(SITE_STAMP)
	$(BIN)/factcheck serve

check: $(SITE_STAMP)
	$(BIN)/factcheck check

generate: $(SITE_STAMP)
	$(BIN)/factcheck generate

test: $(TEST_STAMP)
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/python -m pytest -q

lint: $(TEST_STAMP)
	$(BIN)/ruff check generator tests benchmarks

clean:
	rm -rf build site .site-* .pytest_cache .ruff_cache

# Longer property-based campaigns than the fast profile `make test` runs.
fuzz: $(TEST_STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/fuzz

bench: $(SITE_STAMP)
	$(BIN)/python -m benchmarks.run

# The JSON Schema is exported from the pydantic model; a test fails when it is stale.
schema: $(SITE_STAMP)
	$(BIN)/factcheck schema > schema/verdict.schema.json

# Runs every reader over ../shared/realworld (real WordPress responses and news texts).
REALWORLD ?= ../shared/realworld
realworld: $(SITE_STAMP)
	$(BIN)/python -m generator.readers.realworld $(REALWORLD)
