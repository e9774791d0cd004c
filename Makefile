# newsdigest: `make run` (set up + run on the sample seeds), `make test` (set up + tests).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PYTEST_ARGS ?=

.PHONY: setup run test test-slow lint format eval bench bench-smoke clean help serve server test-reliability

help:
	@echo "make run        set up .venv, ingest seeds/, write digests/<today>.md and .html"
	@echo "make test       set up .venv and run the default test suite (what CI runs)"
	@echo "make test-slow  the long suites (full evals, kill trials, big benches)"
	@echo "make test-reliability  full reliability suite: 20 kill trials x 200 files, fuzz, 50 MB"
	@echo "make lint       ruff check + format check"
	@echo "make eval       full quality evaluation on ../shared (writes nothing)"
	@echo "make bench      perf suite N=1k,10k,100k (~25-40 min); writes docs/performance.md"
	@echo "make bench-smoke  perf suite at N=1k (minutes), prints the ratio table"
	@echo "make server     run a local Prefect server on 127.0.0.1:4200 (foreground)"
	@echo "make serve      watch seeds/ and run the scheduled deployments against it"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/newsdigest run

test: setup
	$(BIN)/pytest -q -m "not slow" $(PYTEST_ARGS)

# Reliability (docs/reliability.md): every tests/test_reliability_* test, slow ones included
# (20 kill trials over 200 files, thousands of Hypothesis examples, 50 MB files, Prefect API
# loss), then the pathological-input bench. The default `make test` runs the fast slice.
test-reliability: setup
	$(BIN)/pytest -q tests/test_reliability_*.py --hypothesis-show-statistics $(PYTEST_ARGS)
	$(BIN)/python bench/pathological.py

test-slow: setup
	$(BIN)/pytest -q -m "slow" $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff format .

eval: setup
	$(BIN)/newsdigest eval parse
	$(BIN)/newsdigest eval summaries
	$(BIN)/newsdigest eval countries
	$(BIN)/newsdigest eval entities

bench: setup
	$(BIN)/python bench/perf.py --sizes 1000,10000,100000 --repeat 3,3,1 --out docs/performance.md

bench-smoke: setup
	$(BIN)/python bench/perf.py --sizes 300,1000 --repeat 1

server: setup
	$(BIN)/newsdigest server start

serve: setup
	PREFECT_API_URL=$${PREFECT_API_URL:-http://127.0.0.1:4200/api} $(BIN)/newsdigest serve

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
