# Gwangju pledge reports. `make help` lists the targets; `make reports` builds everything.
.DEFAULT_GOAL := help
SHELL := /bin/bash
.DELETE_ON_ERROR:

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
ENV := $(VENV)/.installed
KERNEL_NAME := gwangju-pledges

RESULTS := data/processed/results/statuses.csv
CHECKS := data/processed/checks.csv
PACKAGE := $(wildcard src/analysis/*.py src/analysis/*/*.py src/analysis/*/*/*.py) $(wildcard src/analysis/report/templates/offline/*)
REPORT_DEPS := $(PACKAGE) $(CHECKS) $(RESULTS) data/raw/pledges.yaml | $(ENV)

help: ## list the targets (this message)
	@grep -E '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | sed -E 's/:[^#]*## /\t/' | awk -F'\t' '{printf "  make %-9s %s\n", $$1, $$2}'

env: $(ENV) ## create .venv from the lock file, install the package and the Jupyter kernel

$(ENV): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL_NAME) --display-name "Python ($(KERNEL_NAME))" >/dev/null
	touch $@

# Per-table and per-report rules are generated from src/analysis/pipeline.py and config/reports.yaml.
ifneq ($(filter data results reports index test bench all,$(or $(MAKECMDGOALS),help)),)
include build/rules.mk
endif

build/rules.mk: src/analysis/build_rules.py src/analysis/report/specs.py config/catalog.yaml config/reports.yaml data/raw/pledges.yaml | $(ENV)
	@mkdir -p build
	$(PY) -m analysis makefile > $@.tmp && mv $@.tmp $@

data: $(CHECKS) ## build data/processed from data/raw (hash-checked, validated, cross-checked)

$(CHECKS): $(PROCESSED_TABLES) data/raw/pledges.yaml src/analysis/tables/crosscheck.py src/analysis/ingest/registry.py
	$(PY) -m analysis checks

results: $(RESULTS) ## compute the feasibility assessment (data/processed/results)

$(RESULTS): $(CHECKS) data/raw/pledges.yaml $(PACKAGE)
	$(PY) -m analysis results

reports: reports/index.html ## execute every notebook and write reports/*.html + index.html

reports/index.html: $(REPORT_HTML) | $(ENV)
	$(PY) -m analysis index

all: reports ## same as reports

browser: ## install Debian's chromium for the browser test (needs root; skipped if present)
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "chromium missing and not root: the browser test will be skipped"; }

test: reports browser ## build the reports, then run the whole test suite
	$(PY) -m pytest

bench: reports ## measure build times (writes build/bench/bench.json)
	$(PY) tools/bench.py

lab: $(ENV) ## start JupyterLab on notebooks/ with the project kernel
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

fetch: $(ENV) ## pull configured tables from the KOSIS OpenAPI (needs KOSIS_API_KEY)
	$(PY) -m analysis fetch

lock: ## re-resolve requirements.in into requirements.txt and environment.yml (needs PyPI)
	$(PYTHON) tools/lock.py

clean: ## remove what the build made (processed data, reports, build/); keeps data/raw and .venv
	rm -rf data/processed reports build

distclean: clean ## also remove .venv
	rm -rf $(VENV)

.PHONY: help env data results reports all browser test bench lab fetch lock clean distclean
