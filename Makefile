# Two commands do all the set-up themselves (see README):
#   make lab    install everything and open the notebook series in JupyterLab
#   make test   install everything (Chromium too) and run every test
# CI (.ci/run) calls `make test`.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
CHROMIUM ?= /usr/bin/chromium
SUDO   := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
LABROOT := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)

.PHONY: install lab test test-fast browser-deps lint site bench docs clean help

help:
	@echo "make lab     - install and open the notebooks in JupyterLab"
	@echo "make test    - install everything and run every test (what CI runs)"
	@echo "make site    - build the offline static site into site/"
	@echo "make bench   - run the speed and memory benchmarks"
	@echo "make lint    - ruff"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

browser-deps:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  echo "Installing Debian's Chromium for the browser tests..."; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi
	@$(CHROMIUM) --version

lab: install
	$(VENV)/bin/jupyter lab $(LABROOT) notebooks/00-start-here.ipynb

test: install browser-deps
	$(PY) -m pytest

test-fast: install
	$(PY) -m pytest -m "not browser and not slow"

lint: install
	$(VENV)/bin/ruff check iranstrikes tests benchmarks
	$(VENV)/bin/ruff format --check iranstrikes

docs: install
	$(VENV)/bin/iranstrikes data-dictionary --out docs/data_dictionary.md

site: install
	$(VENV)/bin/iranstrikes build-site --out site

bench: install
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) site .pytest_cache
