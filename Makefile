# Gwangju pledge reports. `make help` lists the targets; `make reports` builds everything.
#
# Content, not timestamps, decides what is stale: every input has a hash stamp under build/hash/
# that is rewritten only when the file's content changes, and every step writes its outputs only
# when they change. A `git checkout` that leaves contents the same rebuilds nothing; a revised
# value in one raw file rebuilds the tables that read it, the results that depend on them and the
# reports that show them. Each step records the hashes of what it wrote (build/stamps/); a step
# whose outputs were deleted, edited or rewritten by hand since runs again. Per-table and
# per-report rules are generated (build/rules.mk) from the dependency graph (config/graph.yaml,
# config/catalog.yaml) and config/reports.yaml. Two makes in one checkout take turns (a lock).
.DEFAULT_GOAL := help
SHELL := /bin/bash
.DELETE_ON_ERROR:
.SECONDARY:  # hash stamps are intermediate files; keep them

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
ENV := $(VENV)/.installed
KERNEL_NAME := gwangju-pledges
HASH := build/hash
CHECKED := build/checked
STAMP := build/stamps
QUEUE := build/report-queue
LOCK := build/make.lock
# pytest-xdist processes: each test is independent (it works in copies), so they use every core.
TEST_WORKERS ?= $(shell nproc)
# Goals that read build/rules.mk (and so may need the environment to write it)
BUILD_GOALS := data results reports index test test-all bench all notebooks lab

ifeq ($(GWANGJU_MAKE_LOCKED),)
# -- the outer make: take the checkout's lock, then run the real make (all goals) under it -----------
FIRST_GOAL := $(firstword $(MAKECMDGOALS) _default)
.PHONY: $(FIRST_GOAL) $(MAKECMDGOALS)
$(FIRST_GOAL):
	@mkdir -p build; flock -n $(LOCK) true || echo "make: another make is running in this checkout; waiting for it to finish…"
	@flock $(LOCK) env GWANGJU_MAKE_LOCKED=1 $(MAKE) --no-print-directory $(MAKECMDGOALS)
$(filter-out $(FIRST_GOAL),$(MAKECMDGOALS)): $(FIRST_GOAL) ; @:
else
# -- the real make -----------------------------------------------------------------------------------

help: ## list the targets (this message)
	@grep -E '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | sed -E 's/:[^#]*## /\t/' | awk -F'\t' '{printf "  make %-10s %s\n", $$1, $$2}'

env: $(ENV) ## create .venv from the lock file (hash-checked), install the package and the Jupyter kernel

# pip installs the pinned installer (uv), uv the pinned environment: both refuse a file whose hash
# is not in the lock.
UV := $(VENV)/bin/uv pip install --quiet --python $(PY) --require-hashes
$(ENV): $(HASH)/requirements.txt $(HASH)/requirements-uv.txt $(HASH)/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-uv.txt
	$(UV) -r requirements.txt
	$(VENV)/bin/uv pip install --quiet --python $(PY) --no-deps --no-build-isolation -e .
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL_NAME) --display-name "Python ($(KERNEL_NAME))" >/dev/null
	touch $@

# A file's hash stamp: `build/checked/F` is touched whenever F is newer; `build/hash/F` (its sha256)
# is rewritten only when the content differs, so steps that depend on it see only real changes.
$(CHECKED)/%: %
	@mkdir -p $(@D) $(dir $(HASH)/$*); sum=$$(sha256sum "$<" | cut -c1-64); \
	  [ "$$sum" = "$$(cat "$(HASH)/$*" 2>/dev/null)" ] || echo "$$sum" > "$(HASH)/$*"; touch "$@"
$(HASH)/%: $(CHECKED)/% ;

ifneq ($(filter $(BUILD_GOALS) reports/%,$(or $(MAKECMDGOALS),help)),)
include build/rules.mk
# Temporary files of a step that was killed (`.NAME.*.tmp` beside its outputs) go first.
$(shell find data/processed reports build -name '.*.tmp' -prune -exec rm -rf {} + 2>/dev/null)
# Steps whose recorded outputs are missing or no longer what the step wrote run again.
UNTRUSTED := $(shell for s in $$(find $(STAMP) -type f 2>/dev/null); do sha256sum --status --check "$$s" 2>/dev/null || echo "$$s"; done)
ifneq ($(UNTRUSTED),)
$(UNTRUSTED): FORCE
endif
endif
FORCE:

RULES_INPUTS := $(addprefix $(HASH)/,config/graph.yaml config/catalog.yaml config/reports.yaml data/raw/pledges.yaml \
  data/raw/manifest.yaml src/analysis/build_rules.py src/analysis/graph/declaration.py \
  src/analysis/report/execution/specs.py)
build/rules.mk: $(RULES_INPUTS) | $(ENV)
	$(PY) -m analysis makefile --out $@

data: $(STAMP)/checks ## build data/processed from data/raw (hash-checked, validated, cross-checked)

results: $(STAMP)/results ## compute the feasibility assessment (data/processed/results)

notebooks: $(NOTEBOOK_IPYNB) ## write notebooks/*.ipynb from their text form (for JupyterLab, papermill by hand)

reports: $(STAMP)/index ## execute every stale notebook (one process, all cores) and write reports/

# The reports make queued, built in one process after every parameter set is checked.
BUILD_QUEUED = if [ -s $(QUEUE) ]; then $(PY) -m analysis report --queue $(QUEUE) --record; fi
$(STAMP)/index: $(REPORT_STAMPS) $(INDEX_DEPS) | $(ENV)
	@$(BUILD_QUEUED)
	$(PY) -m analysis index --record
reports/index.html reports/analyst.html: $(STAMP)/index ;

all: reports ## same as reports

browser: ## install Debian's chromium for the browser test (needs root; skipped if present)
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "chromium missing and not root: the browser test will be skipped"; }

test: reports ## the quick tier: build the reports, lint, then every test but the browser sweep and the slow ones (≤ 2 min)
	$(VENV)/bin/ruff check src tests tools
	$(PY) -m pytest -m "not browser and not slow" -n $(TEST_WORKERS)

test-all: reports browser ## everything: lint and the whole suite, browser tests included (≤ 10 min; CI runs it)
	$(VENV)/bin/ruff check src tests tools
	$(PY) -m pytest -n $(TEST_WORKERS)

bench: reports ## measure build times as ratios to the kernel floor (writes build/bench/bench.json)
	$(PY) tools/bench.py

lab: $(ENV) notebooks ## start JupyterLab on notebooks/ (works as root and without a display; LAB_ARGS=… pass through)
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks --no-browser $$( [ "$$(id -u)" = 0 ] && echo --allow-root ) $(LAB_ARGS)

fetch: $(ENV) ## pull configured tables from the KOSIS OpenAPI (needs KOSIS_API_KEY)
	$(PY) -m analysis fetch

lock: $(ENV) ## re-resolve pyproject.toml into requirements.txt with hashes, by uv (needs PyPI)
	$(PY) tools/lock.py

clean: ## remove what the build made (processed data, reports, build/); keeps data/raw and .venv
	rm -rf data/processed reports build notebooks/*.ipynb

distclean: clean ## also remove .venv
	rm -rf $(VENV)

.PHONY: help env data results notebooks reports all browser test test-all bench lab fetch lock clean distclean FORCE
endif
