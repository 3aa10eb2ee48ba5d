# shopgraph: `make demo` installs and serves the demo graph; `make test` runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= demo/graph.kuzu
HOST ?= 127.0.0.1
PORT ?= 7860
export GRADIO_ANALYTICS_ENABLED := False
export HF_HUB_OFFLINE := 1
export HF_HUB_DISABLE_TELEMETRY := 1
export TRANSFORMERS_OFFLINE := 1

$(BIN)/shopgraph: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(BIN)/shopgraph

# the build prints the graph's counts; it extracts with the models that ship (extraction/models/)
demo: install
	rm -rf demo && mkdir -p demo
	$(BIN)/shopgraph build data/demo/catalog.jsonl --store $(STORE)
	$(BIN)/shopgraph serve --store $(STORE) --host $(HOST) --port $(PORT)

# rebuild the models that ship from ../shared/datasets/ and data/ (CPU; see README "Models that ship")
models: install
	$(BIN)/python benchmarks/make_models.py

# Debian's chromium for the browser tests (never the Playwright browser download); without it they skip, saying why.
browser:
	@test -x /usr/bin/chromium || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
	  echo "chromium could not be installed: the browser tests will be skipped" >&2

# ruff over the packages, benchmarks and tests and mypy over the packages, then the whole suite (slowest tests
# listed), with a local Neo4j started for it (and stopped after) when java and mvn are here and NEO4J_URI is not set
lint: install
	$(BIN)/ruff check kg extraction qa ui benchmarks tests
	$(BIN)/python -m mypy kg extraction qa ui

test: install browser lint
	bash kg/store/neo4j_server/server.sh run $(BIN)/python -m pytest -q --durations=15

# A local Neo4j 5 LTS server (community, embedded behind Bolt on 127.0.0.1:$(NEO4J_PORT), user neo4j);
# state in .neo4j/. Needs a JDK 17+ and Maven; the first start downloads Neo4j from Maven Central.
# It prints the lines to paste; `eval "$$(make -s neo4j)"` sets them. Stop it with `make neo4j-stop`.
NEO4J_PORT ?= 7687
NEO4J_PASSWORD ?= shopgraph-dev
NEO4J_HEAP ?= 1g
NEO4J_PAGECACHE ?= 256m
neo4j neo4j-stop test: export NEO4J_PORT := $(NEO4J_PORT)
neo4j neo4j-stop test: export NEO4J_PASSWORD := $(NEO4J_PASSWORD)
neo4j neo4j-stop test: export NEO4J_HEAP := $(NEO4J_HEAP)
neo4j neo4j-stop test: export NEO4J_PAGECACHE := $(NEO4J_PAGECACHE)

neo4j:
	@bash kg/store/neo4j_server/server.sh start

neo4j-stop:
	@bash kg/store/neo4j_server/server.sh stop

.PHONY: install demo models browser lint test neo4j neo4j-stop
