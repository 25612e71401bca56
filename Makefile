# tjkg: `make demo` sets up .venv and builds the demo graph; `make test` runs the test suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OUT    := out

.PHONY: demo test bench notebook clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.core: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev,notebook]'
	touch $@ $(VENV)/.core

demo: $(VENV)/.core
	$(BIN)/tjkg build data/announcements
	$(BIN)/tjkg stats
	$(BIN)/tjkg query mou-partners --format table
	@mkdir -p $(OUT)
	$(BIN)/tjkg render --output $(OUT)/tjkg.html

test: $(VENV)/.dev
	$(BIN)/python -m pytest -q

bench: $(VENV)/.dev
	$(BIN)/python -m bench $(BENCH_ARGS)

notebook: $(VENV)/.dev
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf .tjkg $(OUT) tests/artifacts
