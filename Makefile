# make demo : set up the virtual environment, install, run quotewire on the bundled samples
#             (who said what), claim timelines across the articles in tests/data/corpus, then
#             stores them all in demo.db and serves the web UI (Ctrl-C stops it)
# make test : set up, then ruff, mypy and the whole pytest suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test install lint typecheck schema accuracy speed model clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,peers,spark]'
	touch $(STAMP)

install: $(STAMP)

DEMO_DB ?= demo.db
DEMO_PORT ?= 8000

demo: install
	$(BIN)/quotewire extract samples/articles --format table
	$(BIN)/quotewire claims tests/data/corpus
	$(BIN)/quotewire ingest samples/articles tests/data/corpus --db $(DEMO_DB)
	$(BIN)/quotewire serve --db $(DEMO_DB) --port $(DEMO_PORT)

test: install lint typecheck
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests

typecheck: install
	$(BIN)/mypy src/quotewire

schema: install
	$(BIN)/quotewire schema > schema/result.schema.json
	$(BIN)/quotewire schema --corpus > schema/corpus.schema.json

# the learned cue lexicon shipped in src/quotewire/data (deterministic; a few minutes)
model: install
	$(BIN)/quotewire train cues --corpus ../shared/benchmarks/polnear/train.jsonl

accuracy: install
	$(BIN)/quotewire bench accuracy --corpus ../shared/benchmarks/polnear/dev.jsonl --peers textacy

speed: install
	$(BIN)/quotewire bench speed --corpus ../shared/benchmarks/polnear/dev.jsonl

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
