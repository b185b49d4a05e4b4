# ghr: the two commands a fresh machine needs are `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
GHR := $(BIN)/ghr
PG_URL ?= postgresql://root@127.0.0.1:5432/test
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run install fetch build kb texts serve test test-fast test-full test-postgres lint bench bench-tools serve-static clean

run: kb texts serve  ## install, fetch the pinned data, build the knowledge base, serve at http://127.0.0.1:8000

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

fetch: install
	$(GHR) fetch

kb: fetch  ## build the knowledge base unless the one serving is current
	$(GHR) build --if-stale

build: fetch  ## rebuild the knowledge base from the pinned data
	$(GHR) build

texts: install
	$(GHR) migrate --database default -v 0
	$(GHR) texts import --publish content/

serve: install
	$(GHR) serve

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

test: kb lint  ## every test: unit and page tests on small databases, then the tests on the full build
	$(GHR) texts check content/
	$(BIN)/pytest -n 2 --dist loadscope -m "not full" -p no:cacheprovider
	GHR_TEST_KB=$(CURDIR)/var/kb.sqlite3 $(BIN)/pytest -m full -p no:cacheprovider

test-postgres: install  ## the database tests again, on PostgreSQL ($(PG_URL))
	GHR_DATABASE_URL=$(PG_URL) $(BIN)/pytest -n 2 --dist loadscope -m "not full and not browser" -p no:cacheprovider

bench: kb bench-tools  ## benchmarks; writes bench/report.md
	$(BIN)/python -m bench

bench-tools:  ## nginx and wrk, which the publishing benchmark drives (Debian packages, installed when missing)
	@if ! command -v wrk >/dev/null || ! { command -v nginx || test -x /usr/sbin/nginx; } >/dev/null; then \
		apt-get update -q && apt-get install -y -q nginx wrk; fi

serve-static: install
	bash deploy/serve-static.sh

clean:
	rm -rf var/kb.staging.sqlite3 test-artifacts .pytest_cache
