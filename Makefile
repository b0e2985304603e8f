# Two commands do all setup: `make run` (the bot) and `make test` (the whole suite).
# Both create or refresh the virtual environment in .venv when pyproject.toml changes.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench ingest clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m bot $(ARGS)

test: $(STAMP)
	@scripts/ensure-postgres.sh
	$(PY) -m ruff check bot summarizer tests scripts
	$(PY) -m ruff format --check bot summarizer tests scripts
	$(PY) -m mypy -p summarizer -p bot
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) -m summarizer.evaluate ../shared/eval/news-dev.jsonl

clean:
	rm -rf $(VENV)
