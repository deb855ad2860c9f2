# welfare_ambito: every target installs what it needs into .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
PIP    := $(PY) -m pip --disable-pip-version-check -q

.PHONY: demo test lint format docs bench fuzz dist clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

# One stamp per set of extras, rebuilt when pyproject.toml changes.
$(VENV)/.installed-%: pyproject.toml | $(PY)
	$(PIP) install -e ".[$*]"
	@touch $@

$(VENV)/.installed-base: pyproject.toml | $(PY)
	$(PIP) install -e .
	@touch $@

demo: $(VENV)/.installed-base  ## install, then check the embedded Seregno examples
	$(BIN)/welfare-ambito demo

test: $(VENV)/.installed-test  ## install the test extras and run the whole suite
	$(PY) -m pytest

lint: $(VENV)/.installed-lint  ## ruff and mypy --strict
	$(BIN)/ruff check src tests benchmarks examples docs/hooks
	$(BIN)/ruff format --check src tests benchmarks examples docs/hooks
	$(BIN)/mypy --strict src

format: $(VENV)/.installed-lint
	$(BIN)/ruff format src tests benchmarks examples docs/hooks
	$(BIN)/ruff check --fix src tests benchmarks examples docs/hooks

docs: $(VENV)/.installed-docs  ## build the documentation site, strict
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict
	$(PY) docs/hooks/offline_check.py site

fuzz: $(VENV)/.installed-test  ## 100,000 mutated documents through every loader
	$(PY) benchmarks/fuzz_campaign.py 100000

bench: $(VENV)/.installed-test  ## speed figures (see benchmarks/README.md)
	$(PY) benchmarks/run.py

dist: $(VENV)/.installed-base  ## build the sdist and the wheel into dist/ and check them (twine)
	$(PIP) install build twine
	rm -rf dist
	$(PY) -m build --outdir dist .
	$(BIN)/twine check --strict dist/*

clean:
	rm -rf $(VENV) site build dist .pytest_cache .mypy_cache .ruff_cache
