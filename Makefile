# The two commands a newcomer needs:  make run   (the whole pipeline on the bundled sources)
#                                     make test  (the test suite)
# Everything installs itself into .venv on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

export DO_NOT_TRACK := 1
export DAGSTER_DISABLE_TELEMETRY := 1
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home
GOLD ?=
PORT ?= 3000

.PHONY: install run test ui eval dbt-parse bench bench-crawl bench-extract clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

dbt-parse: $(STAMP)
	cd dbt_project && ../$(BIN)/dbt parse --quiet --profiles-dir .

## the whole pipeline on the bundled sources -> warehouse/partnerships.duckdb
run: dbt-parse
	$(BIN)/partnerships run

## the test suite
test: dbt-parse
	$(BIN)/pytest -q

## the Dagster UI (and its daemon: schedule, sensors, automation) on http://127.0.0.1:$(PORT)
ui: dbt-parse
	$(BIN)/dg dev -w workspace.yaml --host 127.0.0.1 --port $(PORT)

## extraction scores against gold annotations (GOLD=dir to choose the set)
eval: $(STAMP)
	$(BIN)/partnerships eval $(if $(GOLD),--gold $(GOLD),)

bench: bench-crawl bench-extract

bench-crawl: $(STAMP)
	$(BIN)/python bench/bench_crawl.py

bench-extract: $(STAMP)
	$(BIN)/python bench/bench_extract.py

clean:
	rm -rf warehouse dbt_project/target dbt_project/logs
