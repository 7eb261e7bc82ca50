# Everyday commands. Each target installs what it needs first, so a fresh machine needs only
# Python 3.11 and access to Debian's and PyPI's package archives.
SHELL := /bin/bash
PY := .venv/bin/python
STAMP := .venv/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: install system-deps build serve test check compile translations bench clean

$(STAMP): requirements.lock pyproject.toml
	python3 -m venv .venv
	.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.lock
	.venv/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

NODE_STAMP := node_modules/.installed

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

system-deps:
	@bash scripts/install-system-deps.sh

install: $(STAMP) $(NODE_STAMP) system-deps

check: $(STAMP)
	$(PY) -m mentorkb check

compile: $(STAMP)
	$(PY) -m mentorkb compile

build: $(STAMP)
	$(PY) -m mentorkb build

# `make serve LANGS=nl` previews one language (and English) and skips the full build: a save then
# shows in a few seconds instead of after six languages are rebuilt.
serve: install $(if $(LANGS),,build)
	$(PY) -m mentorkb serve --langs "$(LANGS)"

test: install
	$(PY) -m pytest -q

translations: $(STAMP)
	$(PY) -m mentorkb translations $(ARGS)

bench: install
	$(PY) scripts/bench.py

clean:
	rm -rf build site .pytest_cache
