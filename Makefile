# Dasan — see README.md. `make run` and `make test` do all set-up themselves.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED := $(abspath ../shared)
CORPUS ?= $(if $(wildcard $(SHARED)/corpora),$(SHARED)/corpora,corpora/sample)
EVALSET ?= $(SHARED)/eval/kgs_dev.jsonl
EVALCORPUS ?= $(SHARED)/corpora/kgs-lpg/법령
DASAN_HOME ?= $(abspath data)
HOST ?= 127.0.0.1
PORT ?= 8000
export DASAN_HOME
comma := ,
# With auth off every caller is anonymous (public documents only); a loopback-only `make run` is the
# office's own machine, so there it also shows office documents (org). See README "인증과 권한".
ANON_VISIBILITY := $(if $(filter 127.0.0.1 localhost ::1,$(HOST)),public$(comma)org,public)

.PHONY: install run test eval eval-abstain bench load sample clean

$(BIN)/dasan: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(BIN)/dasan

install: $(BIN)/dasan

sample: install
	$(BIN)/dasan sample corpora/sample

# Serves at once and ingests CORPUS in the background (progress is printed; /readyz reports it).
# DASAN_LOCAL_ADMIN=1: admin routes for clients on this machine (auth is off); DASAN_LOCAL_ADMIN=0 closes them.
run: install
	@if [ "$(CORPUS)" = "corpora/sample" ]; then $(BIN)/dasan sample corpora/sample; fi
	@$(BIN)/dasan sources-help
	DASAN_LOCAL_ADMIN=$${DASAN_LOCAL_ADMIN:-1} \
	DASAN_ANONYMOUS_VISIBILITY="$${DASAN_ANONYMOUS_VISIBILITY:-$(ANON_VISIBILITY)}" \
		$(BIN)/dasan serve --host $(HOST) --port $(PORT) --ingest "$(CORPUS)"

test: install
	$(BIN)/python -m pytest -q -x --durations=10 tests

eval: install
	DASAN_HOME=$(abspath data/eval) $(BIN)/dasan ingest "$(EVALCORPUS)"
	DASAN_HOME=$(abspath data/eval) $(BIN)/dasan eval --set "$(EVALSET)" --baseline --ask --out eval/results/kgs_dev.json

# Abstention (issue 13): false-abstain / false-answer before and after, eval/README.md "Abstention".
ABSTAIN := $(abspath data/abstain)
eval-abstain: install
	$(BIN)/dasan sample $(ABSTAIN)/sample-corpus
	DASAN_HOME=$(ABSTAIN)/sample $(BIN)/dasan ingest $(ABSTAIN)/sample-corpus
	DASAN_HOME=$(ABSTAIN)/statutes $(BIN)/dasan ingest $(SHARED)/corpora/legalize-kr $(SHARED)/corpora/admrule-kr $(SHARED)/corpora/ordinance-kr
	DASAN_HOME=$(abspath data/eval) $(BIN)/dasan ingest "$(EVALCORPUS)"
	$(BIN)/python -m eval.abstain --sample-home $(ABSTAIN)/sample --statutes-home $(ABSTAIN)/statutes \
		--kgs-home $(abspath data/eval) --kgs-set "$(EVALSET)" --acrc $(SHARED)/corpora/complaints-acrc/acrc_qa.jsonl \
		--heldout eval/sets/abstain_heldout2.jsonl --heldout-name heldout2 \
		--cache eval/results/abstain_features.json --out eval/results/abstain.json
	$(BIN)/python -m eval.abstain --sample-home $(ABSTAIN)/sample --statutes-home $(ABSTAIN)/statutes \
		--kgs-home $(abspath data/eval) --kgs-set "$(EVALSET)" --acrc $(SHARED)/corpora/complaints-acrc/acrc_qa.jsonl \
		--heldout eval/sets/abstain_heldout3.jsonl --heldout-name heldout3 \
		--cache eval/results/abstain_features.json --out eval/results/abstain.json

bench: install
	$(BIN)/python -m eval.bench --corpus "$(SHARED)/corpora" --cases-set "$(SHARED)/eval/complaints_dev.jsonl" --out eval/results/bench.json
	$(BIN)/python -m eval.load --users 50 --seconds 60 --out eval/results/load.json

load: install
	$(BIN)/python -m eval.load --users 50 --seconds 60 --out eval/results/load.json

clean:
	rm -rf data eval/results
