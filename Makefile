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

## the Dagster UI on http://127.0.0.1:3000
ui: dbt-parse
	$(BIN)/dg dev -w workspace.yaml --host 127.0.0.1 --port 3000

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

.PHONY: lint lint-fix report

## SQL style of the dbt models (sqlfluff, .sqlfluff); lint-fix rewrites what it can
lint: dbt-parse
	$(BIN)/sqlfluff lint dbt_project/models

lint-fix: dbt-parse
	$(BIN)/sqlfluff fix dbt_project/models

## the HTML report of the marts (after make run) -> warehouse/serving/report.html
report: $(STAMP)
	$(BIN)/partnerships report
